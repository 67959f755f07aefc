/**
 * What nginx checks as it reads a request: a method it can parse and a request line that fits one
 * 8 KiB buffer (else 414 Request-URI Too Large), then header lines that fit
 * its buffers (`large_client_header_buffers 4 8k`, else "Request Header Or Cookie Too Large"), a
 * valid `Host`, and a body within `client_max_body_size` (else 413). And the headers the browser
 * puts on the wire, which the trace shows.
 */
import type { HeaderList, SimRequest } from '../types';
import { getHeader } from '../http/headers';
import { headerTooLarge, nginxError, type NginxError } from './error-pages';

const HEADER_BUFFER = 8192;
const HEADER_BUFFERS = 4;

/** The request line: a method nginx can parse (else 400), a line that fits one 8 KiB buffer (else 414). */
export function checkRequestLine(method: string, target: string): NginxError | null {
	if (!/^[A-Z_-]{1,32}$/.test(method)) return nginxError(400);
	// `GET /path HTTP/1.1\r\n` must fit one of `large_client_header_buffers 4 8k`.
	if (method.length + 1 + target.length + ' HTTP/1.1\r\n'.length > HEADER_BUFFER) {
		return nginxError(414);
	}
	return null;
}

/** Checks nginx makes once the URL is read: header sizes, the Host, body size. */
export function checkRequest(
	method: string,
	target: string,
	headers: HeaderList,
	body: Uint8Array,
	clientMaxBodySize: number
): NginxError | null {
	let total = target.length + method.length + 12;
	for (const [name, value] of headers) {
		const line = name.length + value.length + 4;
		if (line > HEADER_BUFFER) return headerTooLarge();
		total += line;
	}
	if (total > HEADER_BUFFER * HEADER_BUFFERS) return headerTooLarge();
	// ngx_http_validate_host: an empty host, "..", a slash, a space or a control character is refused.
	const host = getHeader(headers, 'host');
	if (
		!host ||
		host.includes('..') ||
		[...host].some((ch) => ch === '/' || ch <= ' ' || ch === '\x7f')
	) {
		return nginxError(400);
	}
	// `client_max_body_size 0` turns the check off, as in nginx.
	const limit = clientMaxBodySize;
	if (limit > 0 && body.length > limit) return nginxError(413);
	return null;
}

/** The headers the browser puts on the wire: `Host` first, a `Content-Length` for a body. */
export function browserHeaders(request: SimRequest, host: string): HeaderList {
	const headers: Array<readonly [string, string]> = [];
	if (getHeader(request.headers, 'host') === undefined && host) headers.push(['Host', host]);
	headers.push(...request.headers);
	if (request.body.length && !getHeader(request.headers, 'content-length')) {
		headers.push(['Content-Length', String(request.body.length)]);
	}
	return headers;
}
