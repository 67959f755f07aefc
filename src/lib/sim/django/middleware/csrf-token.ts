/**
 * CSRF tokens as Django ≥ 4.1 makes them (django/middleware/csrf.py): the `csrftoken` cookie holds
 * a 32-character secret; each form gets a fresh 64-character *masked* token (a random mask, then
 * the secret shifted by the mask), so the token in the page changes on every render while the
 * secret stays the same. `get_token(request)` is what `{% csrf_token %}` calls.
 */
import type { HttpRequest } from '../http-request';

export const CSRF_SECRET_LENGTH = 32;
export const CSRF_TOKEN_LENGTH = 64;
const CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `get_random_string(length)` over letters and digits. */
export function randomString(length: number): string {
	const bytes = new Uint8Array(length);
	crypto.getRandomValues(bytes);
	let out = '';
	// 248 is the largest multiple of 62 below 256: no bias.
	for (let i = 0; out.length < length; i++) {
		if (i >= bytes.length) {
			crypto.getRandomValues(bytes);
			i = 0;
		}
		if (bytes[i] < 248) out += CHARS[bytes[i] % CHARS.length];
	}
	return out;
}

export function maskCipherSecret(secret: string): string {
	const mask = randomString(CSRF_SECRET_LENGTH);
	let cipher = '';
	for (let i = 0; i < CSRF_SECRET_LENGTH; i++) {
		cipher += CHARS[(CHARS.indexOf(secret[i]) + CHARS.indexOf(mask[i])) % CHARS.length];
	}
	return mask + cipher;
}

export function unmaskCipherToken(token: string): string {
	const mask = token.slice(0, CSRF_SECRET_LENGTH);
	const cipher = token.slice(CSRF_SECRET_LENGTH);
	let secret = '';
	for (let i = 0; i < CSRF_SECRET_LENGTH; i++) {
		const x = CHARS.indexOf(cipher[i]) - CHARS.indexOf(mask[i]);
		secret += CHARS[(x + CHARS.length) % CHARS.length];
	}
	return secret;
}

/** `_check_token_format`: the reason it is malformed, or null. */
export function tokenFormatProblem(token: string): string | null {
	if (token.length !== CSRF_TOKEN_LENGTH && token.length !== CSRF_SECRET_LENGTH) {
		return 'has incorrect length';
	}
	if (/[^a-zA-Z0-9]/.test(token)) return 'has invalid characters';
	return null;
}

export function doesTokenMatch(token: string, secret: string): boolean {
	const plain = token.length === CSRF_TOKEN_LENGTH ? unmaskCipherToken(token) : token;
	return plain === secret;
}

/** `_add_new_csrf_cookie`: a new secret, sent as a cookie on the way out. */
export function addNewCsrfCookie(request: HttpRequest): string {
	const secret = randomString(CSRF_SECRET_LENGTH);
	request.META.CSRF_COOKIE = secret;
	request.META.CSRF_COOKIE_NEEDS_UPDATE = 'True';
	return secret;
}

/** `django.middleware.csrf.get_token`: a masked token for a form, creating the secret if needed. */
export function get_token(request: HttpRequest): string {
	let secret = request.META.CSRF_COOKIE;
	if (secret !== undefined) request.META.CSRF_COOKIE_NEEDS_UPDATE = 'True';
	else secret = addNewCsrfCookie(request);
	return maskCipherSecret(secret);
}

/** `rotate_token`: a new secret after login, so a token seen before login is useless. */
export function rotate_token(request: HttpRequest): void {
	addNewCsrfCookie(request);
}
