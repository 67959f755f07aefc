/**
 * DRF's `TokenAuthentication` (`Authorization: Token <key>`) and `SessionAuthentication` (the
 * Django login session, with Django's CSRF check for unsafe methods, because a browser sends the
 * session cookie on its own and a forged form could use it).
 */
import { authenticateToken, parseTokenHeader, type User } from '../../django/auth';
import type { Database } from '../../django/db';
import { defineView, HttpResponse, type HttpRequest, type UserLike } from '../../django/http';
import { csrfViewMiddleware } from '../../django/middleware/csrf';
import { AuthenticationFailed, PermissionDenied } from './exceptions';
import { SAFE_METHODS } from './permissions';

export interface Authenticator {
	readonly name: string;
	/** The user, or null when this scheme does not apply; throws AuthenticationFailed. */
	authenticate(request: HttpRequest): UserLike | null;
	/** `WWW-Authenticate` value for a 401, or undefined (then DRF answers 403 instead). */
	authenticate_header?: string;
}

function dbOf(request: HttpRequest): Database {
	return (request.sim as unknown as { db: Database }).db;
}

export const TokenAuthentication: Authenticator = {
	name: 'TokenAuthentication',
	authenticate_header: 'Token',
	authenticate(request) {
		const parsed = parseTokenHeader(request.headers.get('Authorization'));
		if (parsed === null) return null;
		if ('error' in parsed) throw new AuthenticationFailed(parsed.error);
		const result = authenticateToken(dbOf(request), parsed.key);
		if ('error' in result) throw new AuthenticationFailed(result.error);
		return result.user as User;
	}
};

// CsrfViewMiddleware's own check, run on demand as DRF's `CSRFCheck` does.
const checkView = defineView('rest_framework.authentication.CSRFCheck', () => new HttpResponse());

function csrfFailure(request: HttpRequest): string | null {
	const middleware = csrfViewMiddleware(request.sim.settings);
	const step = { note: '' };
	const saved = request.csrf_processing_done;
	request.csrf_processing_done = false;
	const response = middleware.process_view?.(request, checkView, {}, step);
	request.csrf_processing_done = saved;
	if (!response || response instanceof Promise) return null;
	const reason = /CSRF check failed: (.*?) The view is not called/.exec(step.note);
	return reason ? reason[1] : 'CSRF token missing.';
}

function touchSession(request: HttpRequest): void {
	const session = request.session as unknown as { get?(key: string): unknown } | undefined;
	session?.get?.('_auth_user_id');
}

export const SessionAuthentication: Authenticator = {
	name: 'SessionAuthentication',
	authenticate(request) {
		// DRF reads `request._request.user`: Django's lazy user looks its id up in the session
		// (`request.session[SESSION_KEY]`), so the session counts as accessed and SessionMiddleware
		// adds `Vary: Cookie`, even for an anonymous request.
		touchSession(request);
		const user = request.user;
		if (!user || !user.is_authenticated) return null;
		if (!SAFE_METHODS.includes(request.method)) {
			const reason = csrfFailure(request);
			if (reason) throw new PermissionDenied(`CSRF Failed: ${reason}`);
		}
		return user;
	}
};
