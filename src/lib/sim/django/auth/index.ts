/**
 * `django.contrib.auth`, `django.contrib.sessions` and DRF's token authentication:
 *
 *     migrate(db, AUTH_MODELS);
 *     const user = await authenticate(db, 'alice', 'wonderland');
 *     const session = new SessionStore(db, cookieValue);
 *     if (user) await login(session, user);
 *     session.save();   // when session.modified, as SessionMiddleware does
 */
import { Session } from './sessions';
import { Token } from './tokens';
import { User } from './models';
import type { ModelClass } from '../db';

export {
	ALGORITHM,
	checkPassword,
	constantTimeCompare,
	decodePassword,
	DEMO_ITERATIONS,
	DJANGO_ITERATIONS,
	getRandomString,
	isPasswordUsable,
	makePassword,
	makeSalt,
	mustUpdate,
	pbkdf2,
	UNUSABLE_PASSWORD_PREFIX
} from './hashers';
export { AnonymousUser, authenticate, User, UserManager } from './models';
export {
	BACKEND_SESSION_KEY,
	getUser,
	HASH_SESSION_KEY,
	login,
	logout,
	MODEL_BACKEND,
	SESSION_KEY
} from './login';
export { DEMO_SECRET_KEY, saltedHmac, sessionAuthHash } from './salted-hmac';
export { Session, SESSION_COOKIE_AGE, SessionStore, type SessionData } from './sessions';
export {
	authenticateToken,
	parseTokenHeader,
	Token,
	tokenFor,
	userForToken,
	type TokenResult
} from './tokens';

/** The auth apps' models in migration order: pass them to `migrate()` before the site's own. */
export const AUTH_MODELS: ModelClass[] = [
	User as unknown as ModelClass,
	Token as unknown as ModelClass,
	Session as unknown as ModelClass
];
