/**
 * `AuthenticationMiddleware` (django/contrib/auth/middleware.py): gives every request a
 * `request.user` — the user whose id the session holds, or AnonymousUser.
 *
 * Django's `request.user` is lazy (`SimpleLazyObject(lambda: get_user(request))`): the session is
 * read only when something uses `request.user`, and only then does SessionMiddleware add
 * `Vary: Cookie`. Checking the session's password hash needs WebCrypto, which is asynchronous, so
 * here the lookup itself runs while this middleware runs (its queries show up on its step), but
 * the session counts as accessed only from the first read of `request.user`, as in Django.
 */
import type { HttpRequest } from '../http-request';
import { rememberSessionBefore } from './session';
import type { Middleware, UserLoader } from './types';

type User = HttpRequest['user'];

export function authenticationMiddleware(users: UserLoader): Middleware {
	return {
		name: 'django.contrib.auth.middleware.AuthenticationMiddleware',
		async process_request(request, step) {
			if (!request.session) {
				throw new Error(
					"The Django authentication middleware requires session middleware to be installed. Edit your MIDDLEWARE setting to insert 'django.contrib.sessions.middleware.SessionMiddleware' before 'django.contrib.auth.middleware.AuthenticationMiddleware'."
				);
			}
			const session = request.session as { accessed: boolean };
			const accessedBefore = session.accessed;
			const user = await users.getUser(request);
			if (session.accessed) rememberSessionBefore(request);
			session.accessed = accessedBefore;
			installLazyUser(request, user);
			const who = user.is_authenticated ? user.username : 'AnonymousUser';
			step.note = `Sets request.user (lazily): ${who}.`;
			step.state = { user: who };
			return null;
		}
	};
}

/**
 * `request.user` as a lazy object: its first read is `get_user(request)`, which reads
 * `request.session[SESSION_KEY]` and so marks the session accessed. Assigning it (login, logout,
 * DRF's authentication) replaces it, as in Django.
 */
function installLazyUser(request: HttpRequest, loaded: User): void {
	let user = loaded;
	let evaluated = false;
	Object.defineProperty(request, 'user', {
		configurable: true,
		enumerable: true,
		get(): User {
			if (!evaluated) {
				evaluated = true;
				(request.session as { accessed: boolean }).accessed = true;
			}
			return user;
		},
		set(value: User) {
			evaluated = true;
			user = value;
		}
	});
}
