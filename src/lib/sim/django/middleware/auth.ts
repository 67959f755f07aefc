/**
 * `AuthenticationMiddleware` (django/contrib/auth/middleware.py): gives every request a
 * `request.user` — the user whose id the session holds, or AnonymousUser.
 *
 * One simplification: Django looks the user up lazily, on first use of `request.user`; checking
 * the session's password hash needs WebCrypto, which is asynchronous, so here the lookup happens
 * while this middleware runs (its queries show up on its step). A request without a session
 * cookie costs no query either way.
 */
import { rememberSessionBefore } from './session';
import type { Middleware, UserLoader } from './types';

export function authenticationMiddleware(users: UserLoader): Middleware {
	return {
		name: 'django.contrib.auth.middleware.AuthenticationMiddleware',
		async process_request(request, step) {
			if (!request.session) {
				throw new Error(
					"The Django authentication middleware requires session middleware to be installed. Edit your MIDDLEWARE setting to insert 'django.contrib.sessions.middleware.SessionMiddleware' before 'django.contrib.auth.middleware.AuthenticationMiddleware'."
				);
			}
			request.user = await users.getUser(request);
			if (request.session.accessed) rememberSessionBefore(request);
			const who = request.user.is_authenticated ? request.user.username : 'AnonymousUser';
			step.note = `Sets request.user: ${who}.`;
			step.state = { user: who };
			return null;
		}
	};
}
