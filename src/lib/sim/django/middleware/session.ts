/**
 * `SessionMiddleware` (django/contrib/sessions/middleware.py): on the way in, reads the
 * `sessionid` cookie and attaches a lazy `request.session` (nothing is read from `django_session`
 * until a view or middleware uses it). On the way out, if the session changed, it saves it and
 * sends the cookie again (`HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax`); if it became empty
 * (logout), it deletes the cookie; if it was used at all, it adds `Vary: Cookie`. 5xx answers
 * are not saved.
 */
import type { CookieInfo } from '../../types';
import { httpDate } from '../cookies';
import { patchVaryHeaders } from '../http-response';
import type { HttpRequest } from '../http-request';
import type { Settings } from '../settings';
import type { Middleware, SessionEngine } from './types';

/** The session's data as first loaded, when a middleware loaded it (AuthenticationMiddleware). */
const loaded = new WeakMap<HttpRequest, Record<string, unknown>>();

/** Remember the session as loaded, for the "before" side of the session step. */
export function rememberSessionBefore(request: HttpRequest): void {
	const data = request.session?.items?.();
	if (data && !loaded.has(request)) loaded.set(request, { ...data });
}

export function sessionMiddleware(settings: Settings, engine: SessionEngine): Middleware {
	return {
		name: 'django.contrib.sessions.middleware.SessionMiddleware',
		process_request(request, step) {
			const key = request.COOKIES[settings.SESSION_COOKIE_NAME] ?? null;
			request.session = engine.open(key);
			step.note = key
				? `Finds the ${settings.SESSION_COOKIE_NAME} cookie and attaches the session with that key (read from the database only when used).`
				: `No ${settings.SESSION_COOKIE_NAME} cookie: attaches a new, empty session.`;
			step.state = { cookiesBefore: requestCookies(request.COOKIES) };
			return null;
		},
		async process_response(request, response, step) {
			const session = request.session;
			if (!session) return response;
			const accessed = session.accessed;
			const modified = session.modified;
			const empty = session.is_empty();
			const before = session.initial?.() ?? loaded.get(request);
			let needVary = accessed;
			let note: string;
			if (settings.SESSION_COOKIE_NAME in request.COOKIES && empty) {
				response.delete_cookie(settings.SESSION_COOKIE_NAME, {
					path: settings.SESSION_COOKIE_PATH,
					domain: settings.SESSION_COOKIE_DOMAIN ?? undefined,
					samesite: settings.SESSION_COOKIE_SAMESITE || undefined
				});
				needVary = true;
				note = 'The session is empty now (logged out?): tells the browser to delete the cookie.';
			} else if ((modified || settings.SESSION_SAVE_EVERY_REQUEST) && !empty) {
				if (response.status_code >= 500) {
					note = 'The session changed, but the answer is an error (5xx): nothing is saved.';
				} else {
					const atClose =
						session.get_expire_at_browser_close?.() ?? settings.SESSION_EXPIRE_AT_BROWSER_CLOSE;
					const maxAge = atClose
						? undefined
						: (session.get_expiry_age?.() ?? settings.SESSION_COOKIE_AGE);
					await session.save();
					response.set_cookie(settings.SESSION_COOKIE_NAME, session.session_key ?? '', {
						max_age: maxAge,
						expires: maxAge === undefined ? undefined : httpDate(Date.now() + maxAge * 1000),
						domain: settings.SESSION_COOKIE_DOMAIN,
						path: settings.SESSION_COOKIE_PATH,
						secure: settings.SESSION_COOKIE_SECURE,
						httponly: settings.SESSION_COOKIE_HTTPONLY,
						samesite: settings.SESSION_COOKIE_SAMESITE || undefined
					});
					needVary = true;
					note = `The session changed: saves it in django_session and sends the ${settings.SESSION_COOKIE_NAME} cookie.`;
				}
			} else {
				note = accessed
					? 'The session was read but not changed: nothing to save.'
					: 'Nobody used the session: nothing to save.';
			}
			if (needVary) patchVaryHeaders(response, ['Cookie']);
			step.note = needVary ? `${note} Adds Vary: Cookie.` : note;
			const sent = response.cookies.get(settings.SESSION_COOKIE_NAME);
			const line = response
				.setCookieLines()
				.find((l) => l.startsWith(`${settings.SESSION_COOKIE_NAME}=`));
			step.state = {
				cookiesAfter: sent
					? [
							{
								name: sent.key,
								value: sent.value,
								attributes: line?.split('; ').slice(1).join('; ')
							}
						]
					: undefined,
				sessionBefore: before,
				sessionAfter: accessed || modified ? session.items?.() : undefined
			};
			return response;
		}
	};
}

/** The request's cookies, as the trace shows them. */
export function requestCookies(cookies: Readonly<Record<string, string>>): CookieInfo[] {
	return Object.entries(cookies).map(([name, value]) => ({ name, value }));
}
