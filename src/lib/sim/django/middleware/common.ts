/**
 * `CommonMiddleware` (Django 5.2): on the way in it reads the host (so a forged `Host` header is
 * refused here with DisallowedHost); on the way out it adds `Content-Length`, and turns a 404 for
 * `/polls/3` into a 301 to `/polls/3/` when only the slashed path exists (APPEND_SLASH). It cannot
 * redirect a POST without losing its data, so in DEBUG it raises RuntimeError to say so.
 */
import { byteLength } from '../../http/headers';
import { PythonRuntimeError } from '../exceptions';
import { HttpResponsePermanentRedirect } from '../http-response';
import type { HttpRequest } from '../http-request';
import type { Middleware, MiddlewareServices } from './types';

export function commonMiddleware(services: MiddlewareServices): Middleware {
	const { settings } = services;

	function shouldRedirectWithSlash(request: HttpRequest): boolean {
		if (!settings.APPEND_SLASH || request.path_info.endsWith('/')) return false;
		if (services.isValidPath(request.path_info)) return false;
		const slashed = `${request.path_info}/`;
		if (!services.isValidPath(slashed)) return false;
		return services.shouldAppendSlash?.(slashed) ?? true;
	}

	function fullPathWithSlash(request: HttpRequest): string {
		// escape_leading_slashes: never build a scheme-relative URL such as //evil.test/.
		const path = request.get_full_path(true).replace(/^\/\//, '/%2F');
		if (settings.DEBUG && ['DELETE', 'POST', 'PUT', 'PATCH'].includes(request.method)) {
			throw new PythonRuntimeError(
				`You called this URL via ${request.method}, but the URL doesn't end in a slash and you have ` +
					"APPEND_SLASH set. Django can't redirect to the slash URL while maintaining " +
					`${request.method} data. Change your form to point to ${request.get_host()}${path} ` +
					'(note the trailing slash), or set APPEND_SLASH=False in your Django settings.'
			);
		}
		return path;
	}

	return {
		name: 'django.middleware.common.CommonMiddleware',
		process_request(request, step) {
			const host = request.get_host();
			step.note = `Checks the Host header: ${host} is in ALLOWED_HOSTS.`;
			return null;
		},
		process_response(request, response, step) {
			if (response.status_code === 404 && shouldRedirectWithSlash(request)) {
				const to = fullPathWithSlash(request);
				step.note = `${request.path_info} does not match any URL pattern but ${request.path_info}/ does: redirects there (APPEND_SLASH).`;
				return new HttpResponsePermanentRedirect(to);
			}
			if (!response.has_header('Content-Length')) {
				response.headers.set('Content-Length', String(byteLength(response.content)));
				step.note = `Adds Content-Length: ${response.get('Content-Length')}.`;
			} else {
				step.note = 'The response already has a Content-Length.';
			}
			return response;
		}
	};
}
