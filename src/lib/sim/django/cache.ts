/**
 * `django.utils.cache`, the part the views use: `patch_cache_control` and
 * `add_never_cache_headers` (what the `never_cache` decorator applies, for example to LoginView
 * and LogoutView, so that no browser or proxy keeps a page with a CSRF token or a session).
 */
import { httpDate } from './cookies';
import type { HttpResponse } from './http-response';

type Directive = string | number | true;

/**
 * `patch_cache_control(response, **kwargs)`: merge directives into `Cache-Control`, keeping the
 * existing ones; `max-age` keeps the smaller value; names written with dashes, in order.
 */
export function patch_cache_control(
	response: HttpResponse,
	directives: Record<string, Directive>
): void {
	const current = new Map<string, Directive>();
	for (const field of (response.get('Cache-Control') ?? '').split(',')) {
		const part = field.trim();
		if (!part) continue;
		const eq = part.indexOf('=');
		if (eq < 0) current.set(part.toLowerCase(), true);
		else current.set(part.slice(0, eq).toLowerCase(), part.slice(eq + 1));
	}
	const maxAge = current.get('max-age');
	for (const [key, value] of Object.entries(directives)) {
		const name = key.replaceAll('_', '-');
		if (name === 'max-age' && maxAge !== undefined && typeof value === 'number') {
			current.set(name, Math.min(Number(maxAge), value));
		} else {
			current.set(name, value);
		}
	}
	const header = [...current]
		.map(([name, value]) => (value === true ? name : `${name}=${value}`))
		.join(', ');
	response.headers.set('Cache-Control', header);
}

/** `patch_response_headers(response, cache_timeout)`: `Expires` (if absent) and `max-age`. */
export function patch_response_headers(response: HttpResponse, cacheTimeout: number): void {
	const timeout = Math.max(0, cacheTimeout);
	if (!response.has_header('Expires')) {
		response.headers.set('Expires', httpDate(Date.now() + timeout * 1000));
	}
	patch_cache_control(response, { max_age: timeout });
}

/** `add_never_cache_headers(response)`: the page must never be cached. */
export function add_never_cache_headers(response: HttpResponse): void {
	patch_response_headers(response, -1);
	patch_cache_control(response, {
		no_cache: true,
		no_store: true,
		must_revalidate: true,
		private: true
	});
}
