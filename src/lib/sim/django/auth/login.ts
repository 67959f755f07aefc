/**
 * `django.contrib.auth.login()`, `logout()` and `get_user()` over a SessionStore: what the
 * login view and AuthenticationMiddleware do with the session.
 */
import { constantTimeCompare } from './hashers';
import { AnonymousUser, User } from './models';
import { sessionAuthHash } from './salted-hmac';
import type { SessionStore } from './sessions';
import type { Database } from '../db';

export const SESSION_KEY = '_auth_user_id';
export const BACKEND_SESSION_KEY = '_auth_user_backend';
export const HASH_SESSION_KEY = '_auth_user_hash';
export const MODEL_BACKEND = 'django.contrib.auth.backends.ModelBackend';

/**
 * Log `user` in: a new session key (so a key planted before login is worthless), the user's
 * id as a string, the backend, and a hash of the password hash; then `last_login` is updated
 * as the `user_logged_in` signal does.
 */
export async function login(session: SessionStore, user: User, now = new Date()): Promise<void> {
	const hash = await sessionAuthHash(user.password);
	if (session.has(SESSION_KEY)) {
		const sameUser = session.get(SESSION_KEY) === String(user.pk);
		const sameHash = constantTimeCompare(String(session.get(HASH_SESSION_KEY, '')), hash);
		// Another user (or a changed password) in this session: start from nothing.
		if (!sameUser || !sameHash) session.flush();
	} else {
		session.cycle_key();
	}
	session.set(SESSION_KEY, String(user.pk));
	session.set(BACKEND_SESSION_KEY, MODEL_BACKEND);
	session.set(HASH_SESSION_KEY, hash);
	user.last_login = now;
	user.save({ updateFields: ['last_login'], orm: "user.save(update_fields=['last_login'])" });
}

/** Log out: the session is flushed (its row deleted, a new key next time). */
export function logout(session: SessionStore): AnonymousUser {
	session.flush();
	return new AnonymousUser();
}

/**
 * `request.user` for a session: the user whose id is stored, if still active and if the
 * stored hash still matches the password (a password change logs other sessions out).
 */
export async function getUser(db: Database, session: SessionStore): Promise<User | AnonymousUser> {
	const id = session.get<string>(SESSION_KEY);
	if (id === undefined || session.get(BACKEND_SESSION_KEY) !== MODEL_BACKEND)
		return new AnonymousUser();
	let user: User;
	try {
		user = User.objects.using(db).get({ pk: Number(id) });
	} catch (error) {
		if (error instanceof User.DoesNotExist) return new AnonymousUser();
		throw error;
	}
	if (!user.is_active) return new AnonymousUser();
	const stored = String(session.get(HASH_SESSION_KEY, ''));
	if (!stored || !constantTimeCompare(stored, await sessionAuthHash(user.password))) {
		session.flush();
		return new AnonymousUser();
	}
	return user;
}
