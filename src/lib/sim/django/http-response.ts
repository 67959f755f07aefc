/**
 * `django.http.HttpResponse` and its family, with Django's names and defaults (django/http/response.py,
 * Django 5.2): `Content-Type: text/html; charset=utf-8` unless given, reason phrase from the status,
 * case-insensitive headers that keep the case they were first set with, and cookies in a
 * `SimpleCookie`-like map written out as `Set-Cookie` lines after the other headers.
 */
import type { HeaderList } from '../types';
import { reasonPhrase } from '../http/status';
import { formatSetCookie, httpDate, type Morsel } from './cookies';
import { iriToUri, pyJsonDumps } from './encoding';

export { iriToUri, pyJsonDumps };

export interface SetCookieOptions {
	/** Seconds; also sets `expires` (Django: "IE requires expires"). */
	max_age?: number;
	/** An HTTP date string, or a `Date` (Django then computes `max_age` from it). */
	expires?: string | Date;
	path?: string | null;
	domain?: string | null;
	secure?: boolean;
	httponly?: boolean;
	samesite?: 'Lax' | 'Strict' | 'None' | 'lax' | 'strict' | 'none' | false | null;
}

/** Case-insensitive headers in insertion order (Django's `ResponseHeaders`). */
export class ResponseHeaders {
	#map = new Map<string, [string, string]>();

	constructor(init: Iterable<readonly [string, string]> = []) {
		for (const [name, value] of init) this.set(name, value);
	}

	get(name: string): string | undefined {
		return this.#map.get(name.toLowerCase())?.[1];
	}

	has(name: string): boolean {
		return this.#map.has(name.toLowerCase());
	}

	/** Replaces the value; keeps the position and spelling of an existing header. */
	set(name: string, value: string): void {
		const key = name.toLowerCase();
		const existing = this.#map.get(key);
		this.#map.set(key, [existing?.[0] ?? name, value]);
	}

	setdefault(name: string, value: string): void {
		if (!this.has(name)) this.set(name, value);
	}

	delete(name: string): void {
		this.#map.delete(name.toLowerCase());
	}

	entries(): Array<[string, string]> {
		return [...this.#map.values()].map(([name, value]) => [name, value]);
	}
}

export interface ResponseInit {
	status?: number;
	reason?: string;
	content_type?: string;
	headers?: Record<string, string> | Iterable<readonly [string, string]>;
}

export class HttpResponse {
	status_code: number;
	#reason: string | undefined;
	headers: ResponseHeaders;
	cookies = new Map<string, Morsel>();
	/** The body as text (Django keeps bytes; `Content-Length` counts UTF-8 bytes). */
	content: string;
	/** Set by `csrf_exempt`-style decorators and middleware that want to leave a mark. */
	readonly notes: Record<string, unknown> = {};

	constructor(content = '', init: ResponseInit = {}) {
		this.content = content;
		this.status_code = init.status ?? 200;
		this.#reason = init.reason;
		const given = init.headers
			? Symbol.iterator in init.headers
				? [...(init.headers as Iterable<readonly [string, string]>)]
				: Object.entries(init.headers)
			: [];
		this.headers = new ResponseHeaders(given);
		if (init.content_type) this.headers.set('Content-Type', init.content_type);
		else this.headers.setdefault('Content-Type', 'text/html; charset=utf-8');
	}

	get reason_phrase(): string {
		return this.#reason ?? reasonPhrase(this.status_code);
	}

	set reason_phrase(value: string) {
		this.#reason = value;
	}

	get(name: string): string | undefined {
		return this.headers.get(name);
	}

	has_header(name: string): boolean {
		return this.headers.has(name);
	}

	/** `HttpResponseBase.set_cookie`, Django 5.2 semantics. */
	set_cookie(key: string, value = '', options: SetCookieOptions = {}): void {
		const morsel: Morsel = { key, value };
		let maxAge = options.max_age;
		let expires: string | undefined;
		if (options.expires instanceof Date) {
			// Django turns a datetime into max_age (plus one second lost in rounding).
			maxAge = Math.max(0, Math.floor((options.expires.getTime() - Date.now()) / 1000) + 1);
		} else if (options.expires !== undefined) {
			expires = options.expires;
			morsel.expires = expires;
		}
		if (maxAge !== undefined) {
			morsel['max-age'] = Math.trunc(maxAge);
			if (!expires) morsel.expires = httpDate(Date.now() + maxAge * 1000);
		}
		const path = options.path === undefined ? '/' : options.path;
		if (path !== null) morsel.path = path;
		if (options.domain) morsel.domain = options.domain;
		if (options.secure) morsel.secure = true;
		if (options.httponly) morsel.httponly = true;
		if (options.samesite) {
			if (!['lax', 'none', 'strict'].includes(options.samesite.toLowerCase())) {
				throw new Error('samesite must be "lax", "none", or "strict".');
			}
			morsel.samesite = options.samesite;
		}
		this.cookies.delete(key);
		this.cookies.set(key, morsel);
	}

	/** `HttpResponseBase.delete_cookie`: an empty value that expired in 1970. */
	delete_cookie(
		key: string,
		options: { path?: string; domain?: string; samesite?: SetCookieOptions['samesite'] } = {}
	): void {
		const secure =
			key.startsWith('__Secure-') ||
			key.startsWith('__Host-') ||
			(typeof options.samesite === 'string' && options.samesite.toLowerCase() === 'none');
		this.set_cookie(key, '', {
			max_age: 0,
			path: options.path ?? '/',
			domain: options.domain,
			secure,
			expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
			samesite: options.samesite
		});
	}

	/** The `Set-Cookie` values, in the order the cookies were set. */
	setCookieLines(): string[] {
		return [...this.cookies.values()].map(formatSetCookie);
	}

	/** Headers as the WSGI server sends them: the response's own, then one `Set-Cookie` per cookie. */
	headerList(): HeaderList {
		return [
			...this.headers.entries(),
			...this.setCookieLines().map((line) => ['Set-Cookie', line] as const)
		];
	}
}

/** `JsonResponse(data)`: `json.dumps` with Django's encoder, `Content-Type: application/json`. */
export class JsonResponse extends HttpResponse {
	readonly data: unknown;
	constructor(data: unknown, init: ResponseInit = {}) {
		super(pyJsonDumps(data), { content_type: 'application/json', ...init });
		this.data = data;
	}
}

export class HttpResponseRedirect extends HttpResponse {
	constructor(url: string, init: ResponseInit = {}) {
		super('', { status: 302, ...init });
		this.headers.set('Location', iriToUri(url));
	}
	get url(): string {
		return this.headers.get('Location') ?? '';
	}
}

export class HttpResponsePermanentRedirect extends HttpResponseRedirect {
	constructor(url: string, init: ResponseInit = {}) {
		super(url, { ...init, status: 301 });
	}
}

export class HttpResponseNotModified extends HttpResponse {
	constructor() {
		super('', { status: 304 });
		this.headers.delete('Content-Type');
	}
}

export class HttpResponseBadRequest extends HttpResponse {
	constructor(content = '', init: ResponseInit = {}) {
		super(content, { ...init, status: 400 });
	}
}

export class HttpResponseForbidden extends HttpResponse {
	constructor(content = '', init: ResponseInit = {}) {
		super(content, { ...init, status: 403 });
	}
}

export class HttpResponseNotFound extends HttpResponse {
	constructor(content = '', init: ResponseInit = {}) {
		super(content, { ...init, status: 404 });
	}
}

/** 405 with `Allow: GET, POST` listing the methods the view accepts. */
export class HttpResponseNotAllowed extends HttpResponse {
	constructor(permittedMethods: readonly string[], content = '', init: ResponseInit = {}) {
		super(content, { ...init, status: 405 });
		this.headers.set('Allow', permittedMethods.join(', '));
	}
}

export class HttpResponseServerError extends HttpResponse {
	constructor(content = '', init: ResponseInit = {}) {
		super(content, { ...init, status: 500 });
	}
}

/** `django.utils.cache.patch_vary_headers`: add names to `Vary` without repeating one. */
export function patchVaryHeaders(response: HttpResponse, names: readonly string[]): void {
	const current = (response.get('Vary') ?? '')
		.split(',')
		.map((value) => value.trim())
		.filter(Boolean);
	if (current.includes('*')) return;
	const lower = new Set(current.map((value) => value.toLowerCase()));
	const added = names.filter((name) => !lower.has(name.toLowerCase()));
	if (added.length) response.headers.set('Vary', [...current, ...added].join(', '));
}
