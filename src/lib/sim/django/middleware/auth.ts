/**
 * `AuthenticationMiddleware` (django/contrib/auth/middleware.py): gives every request a
 * `request.user`, lazily — the user is looked up (session → `auth_user`) only when something
 * reads `request.user`, which is why a page that never asks costs no query.
 */
import type { UserLike } from '../context';
import type { Middleware, UserLoader } from './types';

export function authenticationMiddleware(users: UserLoader): Middleware {
	return {
		name: 'django.contrib.auth.middleware.AuthenticationMiddleware',
		process_request(request, step) {
			if (!request.session) {
				throw new Error(
					"The Django authentication middleware requires session middleware to be installed. Edit your MIDDLEWARE setting to insert 'django.contrib.sessions.middleware.SessionMiddleware' before 'django.contrib.auth.middleware.AuthenticationMiddleware'."
				);
			}
			let cached: UserLike | undefined;
			Object.defineProperty(request, 'user', {
				configurable: true,
				enumerable: true,
				get: () => (cached ??= users.getUser(request)),
				set: (value: UserLike) => {
					cached = value;
				}
			});
			step.note = 'Attaches request.user, to be looked up from the session when first used.';
			return null;
		}
	};
}
