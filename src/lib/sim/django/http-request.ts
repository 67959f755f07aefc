/**
 * `django.http.HttpRequest` as `WSGIRequest` builds it from gunicorn's environ (django/core/handlers/wsgi.py,
 * django/http/request.py): method, path, GET/POST as `QueryDict`, COOKIES, META, case-insensitive
 * `headers`, and what middleware adds (`session`, `user`, `resolver_match`). `request.sim` is the
 * simulation's own per-request context (trace recorder, settings, database, templates).
 */
import { get_path_info } from './encoding';
import type { ResolverMatchInfo } from '../types';
import { parseCookie } from './cookies';
import { ANONYMOUS_USER, type SessionLike, type SimContext, type UserLike } from './context';
import { DisallowedHost } from './exceptions';
import { parseMultipart, type UploadedFile } from './multipart';
import { QueryDict, unquote } from './query-dict';
import { decodeUtf8Strict, latin1 } from '../http/bytes';

/** The WSGI environ: CGI names plus `HTTP_*` headers, all strings. */
export type Environ = Record<string, string>;

/** `request.headers`: case-insensitive, `Content-Type` and `Content-Length` included. */
export class HttpHeaders {
	#map = new Map<string, [string, string]>();

	constructor(meta: Environ) {
		for (const [key, value] of Object.entries(meta)) {
			const name = HttpHeaders.headerName(key);
			if (name) this.#map.set(name.toLowerCase(), [name, value]);
		}
	}

	/** `HTTP_X_CSRFTOKEN` → `X-Csrftoken`, as Django's `HttpHeaders.parse_header_name`. */
	static headerName(metaKey: string): string | null {
		let name: string;
		if (metaKey.startsWith('HTTP_')) name = metaKey.slice(5);
		else if (metaKey === 'CONTENT_TYPE' || metaKey === 'CONTENT_LENGTH') name = metaKey;
		else return null;
		return name
			.split('_')
			.map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
			.join('-');
	}

	get(name: string): string | undefined {
		return this.#map.get(name.toLowerCase())?.[1];
	}

	has(name: string): boolean {
		return this.#map.has(name.toLowerCase());
	}

	entries(): Array<[string, string]> {
		return [...this.#map.values()].map(([name, value]) => [name, value]);
	}
}

/** Django's `split_domain_port`. */
export function splitDomainPort(host: string): [string, string] {
	const lower = host.toLowerCase();
	const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::([0-9]+))?$/.exec(lower);
	if (!match) return ['', ''];
	return [match[1].replace(/\.$/, ''), match[2] ?? ''];
}

/** Django's `validate_host`: exact names, `.example.com` for subdomains, `*` for all. */
export function validateHost(domain: string, allowed: readonly string[]): boolean {
	return allowed.some((pattern) => {
		if (pattern === '*') return true;
		const p = pattern.toLowerCase();
		if (p.startsWith('.')) return domain === p.slice(1) || domain.endsWith(p);
		return domain === p;
	});
}

export class HttpRequest {
	readonly method: string;
	/** The full path (`SCRIPT_NAME` + `PATH_INFO`), decoded. */
	readonly path: string;
	readonly path_info: string;
	readonly META: Environ;
	readonly headers: HttpHeaders;
	#get: QueryDict | undefined;
	#post: QueryDict | undefined;
	#files: Array<[string, UploadedFile]> = [];
	readonly COOKIES: Record<string, string>;
	/** The raw body: bytes, as in Django. */
	readonly body: Uint8Array;
	readonly content_type: string;
	readonly content_params: Record<string, string>;
	session!: SessionLike;
	user: UserLike = ANONYMOUS_USER;
	resolver_match: ResolverMatchInfo | null = null;
	/** Set by CsrfViewMiddleware when the check passed or was skipped. */
	csrf_processing_done = false;
	readonly sim: SimContext;

	constructor(environ: Environ, body: Uint8Array, sim: SimContext) {
		this.META = environ;
		this.sim = sim;
		this.method = (environ.REQUEST_METHOD ?? 'GET').toUpperCase();
		this.path_info = get_path_info(environ.PATH_INFO || '/');
		this.path = `${(environ.SCRIPT_NAME ?? '').replace(/\/$/, '')}${this.path_info}`;
		this.headers = new HttpHeaders(environ);
		this.COOKIES = parseCookie(environ.HTTP_COOKIE ?? '');
		this.body = body;
		const [type, params] = parseContentType(environ.CONTENT_TYPE ?? '');
		this.content_type = type;
		this.content_params = params;
	}

	/** The query string, parsed on first use (so too many fields raise where they are read, as in Django). */
	get GET(): QueryDict {
		return (this.#get ??= new QueryDict(this.META.QUERY_STRING ?? ''));
	}

	/** Form fields of a POST; Django parses only form submissions (`_load_post_and_files`). */
	get POST(): QueryDict {
		if (this.#post) return this.#post;
		if (this.method !== 'POST') return (this.#post = new QueryDict());
		if (this.content_type === 'application/x-www-form-urlencoded') {
			return (this.#post = new QueryDict(formText(this.body)));
		}
		if (this.content_type === 'multipart/form-data') {
			const parsed = parseMultipart(latin1(this.body), this.content_params.boundary);
			this.#files = parsed.files;
			return (this.#post = QueryDict.fromEntries(parsed.fields));
		}
		return (this.#post = new QueryDict());
	}

	/** Uploaded files of a multipart POST, by field name. */
	get FILES(): ReadonlyArray<[string, UploadedFile]> {
		void this.POST;
		return this.#files;
	}

	set POST(value: QueryDict) {
		this.#post = value;
	}

	/** `http` or `https`, trusting `SECURE_PROXY_SSL_HEADER` (nginx's `X-Forwarded-Proto`). */
	get scheme(): string {
		const proxyHeader = this.sim.settings.SECURE_PROXY_SSL_HEADER;
		if (proxyHeader) {
			const [header, secureValue] = proxyHeader;
			const value = this.META[header];
			if (value !== undefined)
				return value.split(',', 1)[0].trim() === secureValue ? 'https' : 'http';
		}
		return this.META['wsgi.url_scheme'] ?? 'http';
	}

	is_secure(): boolean {
		return this.scheme === 'https';
	}

	/** The `Host` header, checked against ALLOWED_HOSTS (raises `DisallowedHost`). */
	get_host(): string {
		const settings = this.sim.settings;
		let host: string;
		if (settings.USE_X_FORWARDED_HOST && this.META.HTTP_X_FORWARDED_HOST !== undefined) {
			host = this.META.HTTP_X_FORWARDED_HOST;
		} else if (this.META.HTTP_HOST !== undefined) {
			host = this.META.HTTP_HOST;
		} else {
			host = this.META.SERVER_NAME ?? '';
			const port = this.META.SERVER_PORT ?? '';
			if (port !== (this.is_secure() ? '443' : '80')) host = `${host}:${port}`;
		}
		let allowed = settings.ALLOWED_HOSTS;
		if (settings.DEBUG && allowed.length === 0) allowed = ['.localhost', '127.0.0.1', '[::1]'];
		const [domain] = splitDomainPort(host);
		if (domain && validateHost(domain, allowed)) return host;
		let message = `Invalid HTTP_HOST header: ${pyRepr(host)}.`;
		message += domain
			? ` You may need to add ${pyRepr(domain)} to ALLOWED_HOSTS.`
			: ' The domain name provided is not valid according to RFC 1034/1035.';
		throw new DisallowedHost(message);
	}

	/** Path and query string, e.g. `/blog/?page=2`. */
	get_full_path(forceAppendSlash = false): string {
		const query = this.META.QUERY_STRING ?? '';
		const slash = forceAppendSlash && !this.path.endsWith('/') ? '/' : '';
		return `${escapeUriPath(this.path)}${slash}${query ? `?${query}` : ''}`;
	}

	/** An absolute URL for `location` (default: this request's own URL). */
	build_absolute_uri(location?: string): string {
		const base = `${this.scheme}://${this.get_host()}`;
		const target = location ?? this.get_full_path();
		return new URL(target, `${base}${this.path}`).href;
	}
}

/** `Content-Type: text/html; charset=utf-8` → `['text/html', { charset: 'utf-8' }]`. */
/**
 * A form body as QueryDict reads it: UTF-8, or Latin-1 when the bytes are not UTF-8 ("some user
 * agents are misbehaving", django/http/request.py).
 */
function formText(body: Uint8Array): string {
	return decodeUtf8Strict(body) ?? latin1(body);
}

export function parseContentType(header: string): [string, Record<string, string>] {
	const [type, ...rest] = header.split(';');
	const params: Record<string, string> = {};
	for (const part of rest) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		params[part.slice(0, eq).trim().toLowerCase()] = part
			.slice(eq + 1)
			.trim()
			.replace(/^"(.*)"$/, '$1');
	}
	return [type.trim().toLowerCase(), params];
}

/** Django's `escape_uri_path`: percent-encode what a path may not hold as is. */
export function escapeUriPath(path: string): string {
	return encodeURI(unquote(path)).replace(/%25([0-9A-F]{2})/gi, '%$1');
}

/** Python's `repr()` of a string, for messages that quote user input as Django does. */
export function pyRepr(text: string): string {
	const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
	const body = text
		.replaceAll('\\', '\\\\')
		.replaceAll('\n', '\\n')
		.replaceAll('\r', '\\r')
		.replaceAll('\t', '\\t');
	return quote + (quote === "'" ? body.replaceAll("'", "\\'") : body) + quote;
}
