/**
 * The middleware Django ships that the simulation knows, by the dotted path used in MIDDLEWARE,
 * and `loadMiddleware` building the chain in settings order (Django's `BaseHandler.load_middleware`).
 */
import { authenticationMiddleware } from './auth';
import { xFrameOptionsMiddleware } from './clickjacking';
import { commonMiddleware } from './common';
import { csrfViewMiddleware } from './csrf';
import { messageMiddleware } from './messages';
import { securityMiddleware } from './security';
import { sessionMiddleware } from './session';
import type { Middleware, MiddlewareServices } from './types';

export type {
	Middleware,
	MiddlewareServices,
	MiddlewareStep,
	SessionEngine,
	UserLoader
} from './types';
export { get_token, rotate_token } from './csrf-token';

const FACTORIES: Record<string, (services: MiddlewareServices) => Middleware> = {
	'django.middleware.security.SecurityMiddleware': (s) => securityMiddleware(s.settings),
	'django.contrib.sessions.middleware.SessionMiddleware': (s) =>
		sessionMiddleware(s.settings, s.sessions),
	'django.middleware.common.CommonMiddleware': (s) => commonMiddleware(s),
	'django.middleware.csrf.CsrfViewMiddleware': (s) => csrfViewMiddleware(s.settings),
	'django.contrib.auth.middleware.AuthenticationMiddleware': (s) =>
		authenticationMiddleware(s.users),
	'django.contrib.messages.middleware.MessageMiddleware': (s) => messageMiddleware(s.settings),
	'django.middleware.clickjacking.XFrameOptionsMiddleware': (s) =>
		xFrameOptionsMiddleware(s.settings)
};

export const MIDDLEWARE_CLASSES = Object.keys(FACTORIES);

/** The chain for `settings.MIDDLEWARE`; an unknown path is an ImportError, as in Django. */
export function loadMiddleware(services: MiddlewareServices): Middleware[] {
	return services.settings.MIDDLEWARE.map((path) => {
		const factory = FACTORIES[path];
		if (!factory) throw new Error(`ImportError: Module "${path}" does not define a middleware.`);
		return factory(services);
	});
}

/** `SessionMiddleware` from `django.contrib.sessions.middleware.SessionMiddleware`. */
export function shortName(middleware: Middleware): string {
	return middleware.name.split('.').pop() ?? middleware.name;
}
