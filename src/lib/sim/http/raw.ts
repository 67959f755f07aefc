/**
 * Raw HTTP/1.1 text of a message, as the student would see it on the wire: the request or status
 * line, the headers in order, a blank line, the body. Long bodies are cut for display (the
 * message itself is untouched) with a note saying how much was left out. Lines end in CRLF on the
 * wire; here they end in LF so the text reads well in a `<pre>`.
 */
import type { HeaderList } from '../types';
import { byteLength } from './headers';

/** Bodies longer than this many characters are cut in the trace's raw text. */
export const DISPLAY_BODY_LIMIT = 4000;

export interface RawRequest {
	method: string;
	/** The request target: path and query, e.g. `/blog/?page=2`. */
	target: string;
	headers: HeaderList;
	body: string;
}

export interface RawResponse {
	status: number;
	statusText: string;
	headers: HeaderList;
	body: string;
}

export function formatRequest(
	request: RawRequest,
	options: { version?: string; limit?: number } = {}
): string {
	const version = options.version ?? 'HTTP/1.1';
	const line = `${request.method} ${request.target} ${version}`;
	return message(line, request.headers, request.body, options.limit ?? DISPLAY_BODY_LIMIT);
}

export function formatResponse(
	response: RawResponse,
	options: { version?: string; limit?: number } = {}
): string {
	const reason = response.statusText ? ` ${response.statusText}` : '';
	const line = `${options.version ?? 'HTTP/1.1'} ${response.status}${reason}`;
	return message(line, response.headers, response.body, options.limit ?? DISPLAY_BODY_LIMIT);
}

function message(startLine: string, headers: HeaderList, body: string, limit: number): string {
	const lines = [startLine, ...headers.map(([name, value]) => `${name}: ${value}`)];
	return `${lines.join('\n')}\n\n${truncateBody(body, limit)}`;
}

/** The body, or its first `limit` characters and a note of how many bytes were left out. */
export function truncateBody(body: string, limit = DISPLAY_BODY_LIMIT): string {
	if (body.length <= limit) return body;
	const shown = body.slice(0, limit);
	const hidden = byteLength(body) - byteLength(shown);
	return `${shown}\n… (${hidden} more bytes not shown)`;
}

/** `/blog/?page=2` from an absolute URL, keeping the encoding the browser sent. */
export function requestTarget(url: string): string {
	const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url);
	const target = match ? match[1] : url;
	return target.startsWith('/') ? target : `/${target}`;
}
