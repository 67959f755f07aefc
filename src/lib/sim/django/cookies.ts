/**
 * Cookies the way Django writes and reads them.
 *
 * Django keeps response cookies in Python's `http.cookies.SimpleCookie`, whose `Morsel.OutputString`
 * writes the attributes sorted by their lowercase key (`domain, expires, httponly, max-age, path,
 * samesite, secure`), skips empty ones, and quotes a value that has characters outside its legal
 * set. `parse_cookie` (django/http/cookie.py) reads the `Cookie` header leniently.
 * Checked against CPython's Lib/http/cookies.py and Django 5.2's HttpResponseBase.set_cookie.
 */

/** One cookie as `SimpleCookie` holds it: the value and its attributes (Python's morsel keys). */
export interface Morsel {
	key: string;
	value: string;
	expires?: string;
	'max-age'?: number;
	path?: string;
	domain?: string;
	secure?: boolean;
	httponly?: boolean;
	samesite?: string;
}

const LEGAL = /^[A-Za-z0-9!#$%&'*+\-.^_`|~:]+$/;
const UNESCAPED = new Set(
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~: ()/<=>?@[]{}"
);

/** Python's `http.cookies._quote`. */
export function pyQuote(value: string): string {
	if (LEGAL.test(value)) return value;
	let out = '"';
	for (const ch of value) {
		const code = ch.codePointAt(0) ?? 0;
		if (ch === '"' || ch === '\\') out += `\\${ch}`;
		else if (code < 256 && !UNESCAPED.has(ch)) out += `\\${code.toString(8).padStart(3, '0')}`;
		else out += ch;
	}
	return out + '"';
}

/** Python's `http.cookies._unquote`. */
export function pyUnquote(value: string): string {
	if (value.length < 2 || value[0] !== '"' || value[value.length - 1] !== '"') return value;
	return value
		.slice(1, -1)
		.replace(/\\([0-3][0-7][0-7])|\\(.)/g, (_m, octal: string | undefined, char: string) =>
			octal ? String.fromCharCode(Number.parseInt(octal, 8)) : char
		);
}

const ATTRIBUTE_NAMES: ReadonlyArray<[keyof Morsel, string]> = [
	['domain', 'Domain'],
	['expires', 'expires'],
	['httponly', 'HttpOnly'],
	['max-age', 'Max-Age'],
	['path', 'Path'],
	['samesite', 'SameSite'],
	['secure', 'Secure']
];

/** `Morsel.OutputString()`: the text after `Set-Cookie: `. */
export function formatSetCookie(morsel: Morsel): string {
	const parts = [`${morsel.key}=${pyQuote(morsel.value)}`];
	for (const [key, name] of ATTRIBUTE_NAMES) {
		const value = morsel[key];
		if (value === undefined || value === '' || value === false) continue;
		if (value === true) parts.push(name);
		else parts.push(`${name}=${value}`);
	}
	return parts.join('; ');
}

/** Django's `http_date`: RFC 7231 IMF-fixdate, e.g. `Mon, 07 Dec 2026 10:00:00 GMT`. */
export function httpDate(epochMs: number): string {
	return new Date(Math.floor(epochMs / 1000) * 1000).toUTCString();
}

/** Django's `parse_cookie`: the `Cookie` header as a dict (last one of a name wins). */
export function parseCookie(header: string): Record<string, string> {
	const cookies: Record<string, string> = {};
	for (const chunk of header.split(';')) {
		const eq = chunk.indexOf('=');
		const key = (eq >= 0 ? chunk.slice(0, eq) : '').trim();
		const value = (eq >= 0 ? chunk.slice(eq + 1) : chunk).trim();
		if (key || value) cookies[key] = pyUnquote(value);
	}
	return cookies;
}
