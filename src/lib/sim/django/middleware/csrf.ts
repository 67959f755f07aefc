/**
 * `CsrfViewMiddleware` (Django 5.2): protects every unsafe request (POST, PUT, PATCH, DELETE)
 * from being forged by another site. Safe methods pass. Otherwise: an `Origin` header must be
 * this site's own origin (or, without `Origin` over HTTPS, the `Referer` must be this site);
 * the `csrftoken` cookie must be there; and the token sent back — the form's
 * `csrfmiddlewaretoken` field or the `X-CSRFToken` header — must match the cookie's secret.
 * Any failure answers 403 "CSRF verification failed. Request aborted." with Django's reason.
 * Views marked `csrf_exempt` are skipped. On the way out, it sends the `csrftoken` cookie when
 * a page used `{% csrf_token %}` (or a new secret was made).
 */
import { HttpHeaders } from '../http-request';
import { patchVaryHeaders } from '../http-response';
import { csrfFailure } from '../debug/csrf-failure';
import type { Settings } from '../settings';
import {
	addNewCsrfCookie,
	doesTokenMatch,
	tokenFormatProblem,
	unmaskCipherToken,
	CSRF_TOKEN_LENGTH
} from './csrf-token';
import type { HttpRequest } from '../http-request';
import type { Middleware } from './types';

export const REASON_BAD_ORIGIN = 'Origin checking failed - %s does not match any trusted origins.';
export const REASON_NO_REFERER = 'Referer checking failed - no Referer.';
export const REASON_BAD_REFERER =
	'Referer checking failed - %s does not match any trusted origins.';
export const REASON_NO_CSRF_COOKIE = 'CSRF cookie not set.';
export const REASON_CSRF_TOKEN_MISSING = 'CSRF token missing.';
export const REASON_MALFORMED_REFERER = 'Referer checking failed - Referer is malformed.';
export const REASON_INSECURE_REFERER =
	'Referer checking failed - Referer is insecure while host is secure.';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export function csrfViewMiddleware(settings: Settings): Middleware {
	/** The secret from the cookie; `undefined` if none; a string reason if malformed. */
	function getSecret(request: HttpRequest): string | undefined | { bad: string } {
		const cookie = request.COOKIES[settings.CSRF_COOKIE_NAME];
		if (cookie === undefined) return undefined;
		const problem = tokenFormatProblem(cookie);
		if (problem) return { bad: problem };
		return cookie.length === CSRF_TOKEN_LENGTH ? unmaskCipherToken(cookie) : cookie;
	}

	function originVerified(request: HttpRequest): boolean {
		const origin = request.META.HTTP_ORIGIN;
		try {
			const good = `${request.is_secure() ? 'https' : 'http'}://${request.get_host()}`;
			if (origin === good) return true;
		} catch {
			// DisallowedHost: fall through to the trusted origins.
		}
		return settings.CSRF_TRUSTED_ORIGINS.includes(origin);
	}

	function checkReferer(request: HttpRequest): string | null {
		const referer = request.META.HTTP_REFERER;
		if (referer === undefined) return REASON_NO_REFERER;
		const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]+)/i.exec(referer);
		if (!match) return REASON_MALFORMED_REFERER;
		if (match[1].toLowerCase() !== 'https') return REASON_INSECURE_REFERER;
		let host: string;
		try {
			host = settings.CSRF_COOKIE_DOMAIN ?? request.get_host();
		} catch {
			return REASON_BAD_REFERER.replace('%s', referer);
		}
		return match[2].toLowerCase() === host.toLowerCase()
			? null
			: REASON_BAD_REFERER.replace('%s', referer);
	}

	function checkToken(request: HttpRequest): string | null {
		const secret = getSecret(request);
		if (typeof secret === 'object') return `CSRF cookie ${secret.bad}.`;
		if (secret === undefined) return REASON_NO_CSRF_COOKIE;
		let token = request.method === 'POST' ? request.POST.get('csrfmiddlewaretoken', '') : '';
		let source = 'POST';
		if (token === '') {
			const header = request.META[settings.CSRF_HEADER_NAME];
			if (header === undefined) return REASON_CSRF_TOKEN_MISSING;
			token = header;
			source = `the '${HttpHeaders.headerName(settings.CSRF_HEADER_NAME)}' HTTP header`;
		}
		const problem = tokenFormatProblem(token);
		if (problem) return `CSRF token from ${source} ${problem}.`;
		if (!doesTokenMatch(token, secret)) return `CSRF token from ${source} incorrect.`;
		return null;
	}

	return {
		name: 'django.middleware.csrf.CsrfViewMiddleware',
		process_request(request, step) {
			const secret = getSecret(request);
			if (typeof secret === 'object') {
				addNewCsrfCookie(request);
				step.note = `The ${settings.CSRF_COOKIE_NAME} cookie ${secret.bad}: makes a new secret.`;
			} else if (secret !== undefined) {
				request.META.CSRF_COOKIE = secret;
				step.note = `Reads the CSRF secret from the ${settings.CSRF_COOKIE_NAME} cookie.`;
			} else {
				step.note = `No ${settings.CSRF_COOKIE_NAME} cookie yet.`;
			}
			const cookie = request.COOKIES[settings.CSRF_COOKIE_NAME];
			step.state = {
				cookiesBefore:
					cookie === undefined ? [] : [{ name: settings.CSRF_COOKIE_NAME, value: cookie }]
			};
			return null;
		},
		process_view(request, view, _kwargs, step) {
			if (request.csrf_processing_done) return null;
			if (view.csrf_exempt) {
				step.note = `${view.viewName} is csrf_exempt: no CSRF check.`;
				return null;
			}
			if (SAFE_METHODS.has(request.method)) {
				request.csrf_processing_done = true;
				step.note = `${request.method} is a safe method: no CSRF check.`;
				return null;
			}
			let reason: string | null = null;
			if (request.META.HTTP_ORIGIN !== undefined) {
				if (!originVerified(request))
					reason = REASON_BAD_ORIGIN.replace('%s', request.META.HTTP_ORIGIN);
			} else if (request.is_secure()) {
				reason = checkReferer(request);
			}
			reason ??= checkToken(request);
			if (reason) {
				step.note = `CSRF check failed: ${reason} The view is not called; Django answers 403.`;
				return csrfFailure(reason, settings.DEBUG);
			}
			request.csrf_processing_done = true;
			step.note = 'CSRF check passed: the origin is this site and the token matches the cookie.';
			return null;
		},
		process_response(request, response, step) {
			if (request.META.CSRF_COOKIE_NEEDS_UPDATE === 'True') {
				response.set_cookie(settings.CSRF_COOKIE_NAME, request.META.CSRF_COOKIE, {
					max_age: settings.CSRF_COOKIE_AGE,
					domain: settings.CSRF_COOKIE_DOMAIN,
					path: settings.CSRF_COOKIE_PATH,
					secure: settings.CSRF_COOKIE_SECURE,
					httponly: settings.CSRF_COOKIE_HTTPONLY,
					samesite: settings.CSRF_COOKIE_SAMESITE || undefined
				});
				patchVaryHeaders(response, ['Cookie']);
				request.META.CSRF_COOKIE_NEEDS_UPDATE = 'False';
				const line = response
					.setCookieLines()
					.find((l) => l.startsWith(`${settings.CSRF_COOKIE_NAME}=`));
				step.state = {
					cookiesAfter: [
						{
							name: settings.CSRF_COOKIE_NAME,
							value: request.META.CSRF_COOKIE,
							attributes: line?.split('; ').slice(1).join('; ')
						}
					]
				};
				step.note = `The page used a CSRF token: sends the ${settings.CSRF_COOKIE_NAME} cookie (and Vary: Cookie).`;
			} else {
				step.note = 'No CSRF cookie to send.';
			}
			return response;
		}
	};
}
