/**
 * `SecurityMiddleware` (django/middleware/security.py): on the way out it adds the headers that
 * tell the browser to be careful — `X-Content-Type-Options: nosniff` (do not guess a file's type),
 * `Referrer-Policy: same-origin`, `Cross-Origin-Opener-Policy: same-origin` — and HSTS when set.
 * On the way in it would redirect plain HTTP to HTTPS when SECURE_SSL_REDIRECT is on.
 */
import { HttpResponsePermanentRedirect } from '../http-response';
import type { Settings } from '../settings';
import type { Middleware } from './types';

export function securityMiddleware(settings: Settings): Middleware {
	return {
		name: 'django.middleware.security.SecurityMiddleware',
		process_request(request, step) {
			if (settings.SECURE_SSL_REDIRECT && !request.is_secure()) {
				step.note = 'The request came over plain HTTP: redirect to HTTPS (SECURE_SSL_REDIRECT).';
				return new HttpResponsePermanentRedirect(
					`https://${request.get_host()}${request.get_full_path()}`
				);
			}
			step.note = 'Nothing to check on the way in: the request came over HTTPS.';
			return null;
		},
		process_response(request, response, step) {
			const added: string[] = [];
			const setdefault = (name: string, value: string | null | undefined) => {
				if (!value || response.has_header(name)) return;
				response.headers.set(name, value);
				added.push(`${name}: ${value}`);
			};
			if (settings.SECURE_HSTS_SECONDS && request.is_secure()) {
				setdefault('Strict-Transport-Security', `max-age=${settings.SECURE_HSTS_SECONDS}`);
			}
			if (settings.SECURE_CONTENT_TYPE_NOSNIFF) setdefault('X-Content-Type-Options', 'nosniff');
			setdefault(
				'Referrer-Policy',
				settings.SECURE_REFERRER_POLICY?.split(',')
					.map((value) => value.trim())
					.join(',')
			);
			setdefault('Cross-Origin-Opener-Policy', settings.SECURE_CROSS_ORIGIN_OPENER_POLICY);
			step.note = added.length
				? `Adds security headers: ${added.join('; ')}.`
				: 'The security headers were already there.';
			return response;
		}
	};
}
