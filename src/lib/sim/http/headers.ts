/**
 * Helpers over a `HeaderList` (ordered name/value pairs, repeats allowed, as on the wire).
 * Names compare case-insensitively, as HTTP says; the spelling sent is kept for display.
 */
import type { HeaderList } from '../types';

export function getHeader(headers: HeaderList, name: string): string | undefined {
	const lower = name.toLowerCase();
	for (const [key, value] of headers) if (key.toLowerCase() === lower) return value;
	return undefined;
}

export function getAllHeaders(headers: HeaderList, name: string): string[] {
	const lower = name.toLowerCase();
	return headers.filter(([key]) => key.toLowerCase() === lower).map(([, value]) => value);
}

/** A copy with `name` replaced (at its old position) or appended. */
export function setHeader(headers: HeaderList, name: string, value: string): HeaderList {
	const lower = name.toLowerCase();
	let done = false;
	const out: Array<readonly [string, string]> = [];
	for (const [key, old] of headers) {
		if (key.toLowerCase() !== lower) out.push([key, old]);
		else if (!done) {
			out.push([key, value]);
			done = true;
		}
	}
	if (!done) out.push([name, value]);
	return out;
}

export function removeHeader(headers: HeaderList, name: string): HeaderList {
	const lower = name.toLowerCase();
	return headers.filter(([key]) => key.toLowerCase() !== lower);
}

/** A header name as HTTP allows it (RFC 9110 token). */
export function isToken(name: string): boolean {
	return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name);
}

/** UTF-8 length in bytes, which is what `Content-Length` counts. */
export function byteLength(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
			bytes += 4;
			i += 1;
		} else bytes += 3; // a lone surrogate is sent as U+FFFD, three bytes, as TextEncoder does
	}
	return bytes;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}
