/**
 * nginx's `location /static/`, in the order nginx's modules decide:
 * - a method other than GET, HEAD or POST: 405 (the static module takes no other);
 * - a URI ending in `/` is a directory: with no `index.html` in it and `autoindex off`, 403
 *   ("directory index … is forbidden"); 404 when there is no such directory;
 * - a directory named without its slash: 301 to the same URI with the slash;
 * - no such file: 404; a POST to a file: 405;
 * - a current copy in the browser: a bodiless 304 (the not-modified filter);
 * - `Range: bytes=…`: 206 with `Content-Range` (several ranges as `multipart/byteranges`), 416
 *   when no range overlaps the file (the range filter).
 * Django never hears about any of it.
 */
import type { HeaderList } from '../types';
import { COST, type TraceRecorder } from '../trace';
import { getHeader } from '../http/headers';
import { decodeUtf8, utf8 } from '../http/bytes';
import { nginxError, type NginxError } from './error-pages';
import { isNotModified, STATIC_PREFIX, type ServedFile, type StaticFiles } from './static-files';
import { parseRange } from './ranges';

export interface StaticAnswer {
	status: number;
	reason: string;
	headers: HeaderList;
	body: string;
}

export interface StaticRequest {
	method: string;
	/** The decoded, normalised path. */
	path: string;
	/** The query string as sent (kept on a directory's 301). */
	query: string;
	headers: HeaderList;
	/** `scheme://host` for the absolute `Location` nginx writes (`absolute_redirect on`). */
	origin: string;
}

export function serveStatic(
	files: StaticFiles,
	request: StaticRequest,
	recorder: TraceRecorder
): StaticAnswer | NginxError {
	const { method, path } = request;
	const disk = files.diskPath(path);
	const lookup = (found: string) =>
		recorder.hop(
			'web-server',
			'web-server',
			'static',
			'in',
			`The web server looks for ${disk} on its disk: ${found}.`,
			{ note: `location /static/ → alias /srv/mysite/static/ → ${disk}` },
			COST.staticLookup
		);
	if (!['GET', 'HEAD', 'POST'].includes(method)) {
		lookup(`not looked up, nginx serves files only to GET, HEAD and POST`);
		return nginxError(405);
	}
	if (path.endsWith('/')) {
		const exists = isDirectory(files, path);
		lookup(exists ? 'a directory with no index.html, and autoindex is off' : 'no such directory');
		return nginxError(exists ? 403 : 404);
	}
	const file = files.find(path);
	if (!file && isDirectory(files, `${path}/`)) {
		lookup('a directory, so nginx redirects to the name with a slash');
		const location = `${request.origin}${path}/${request.query ? `?${request.query}` : ''}`;
		const page = nginxError(301);
		return {
			status: 301,
			reason: page.reason,
			headers: [
				['Content-Type', 'text/html'],
				['Content-Length', String(utf8(page.body).length)],
				['Connection', 'keep-alive'],
				['Location', location]
			],
			body: page.body
		};
	}
	lookup(file ? `found (${file.size} bytes)` : 'not found');
	if (!file) return nginxError(404);
	if (method === 'POST') return nginxError(405);
	const validators: HeaderList = [
		['Last-Modified', file.lastModified],
		['Connection', 'keep-alive'],
		['ETag', file.etag]
	];
	const headers = request.headers;
	if (
		isNotModified(
			file,
			getHeader(headers, 'if-none-match'),
			getHeader(headers, 'if-modified-since')
		)
	) {
		return { status: 304, reason: 'Not Modified', headers: validators, body: '' };
	}
	const range = getHeader(headers, 'range');
	if (range !== undefined && ifRangeHolds(file, getHeader(headers, 'if-range'))) {
		const partial = partialContent(file, range, validators);
		if (partial) return partial;
	}
	return {
		status: 200,
		reason: 'OK',
		headers: [
			['Content-Type', file.contentType],
			['Content-Length', String(file.size)],
			...validators,
			['Accept-Ranges', 'bytes']
		],
		body: file.body
	};
}

/** Is there a directory at `path` (ending in `/`) under the static root? */
function isDirectory(files: StaticFiles, path: string): boolean {
	return path === STATIC_PREFIX || files.paths().some((file) => file.startsWith(path));
}

/** `If-Range`: the ranges apply only while the file is still the one the browser has. */
function ifRangeHolds(file: ServedFile, ifRange: string | undefined): boolean {
	if (ifRange === undefined) return true;
	const value = ifRange.trim();
	return value.startsWith('"') || value.startsWith('W/')
		? value === file.etag
		: value === file.lastModified;
}

/** nginx's range filter: 206, 416, or null to send the whole file (a range it ignores). */
function partialContent(
	file: ServedFile,
	header: string,
	validators: HeaderList
): StaticAnswer | NginxError | null {
	const ranges = parseRange(header, file.size);
	if (ranges === 'ignore') return null;
	if (ranges === 'unsatisfiable') {
		return { ...nginxError(416), headers: [['Content-Range', `bytes */${file.size}`]] };
	}
	const bytes = utf8(file.body);
	if (ranges.length === 1) {
		const [{ start, end }] = ranges;
		return {
			status: 206,
			reason: 'Partial Content',
			headers: [
				['Content-Type', file.contentType],
				['Content-Length', String(end - start)],
				...validators,
				['Content-Range', `bytes ${start}-${end - 1}/${file.size}`]
			],
			body: decodeUtf8(bytes.subarray(start, end))
		};
	}
	// Several ranges: one multipart/byteranges body, with nginx's ten-digit boundary.
	const boundary = '00000000001';
	let body = '';
	for (const { start, end } of ranges) {
		body +=
			`\r\n--${boundary}\r\nContent-Type: ${file.contentType}\r\n` +
			`Content-Range: bytes ${start}-${end - 1}/${file.size}\r\n\r\n` +
			decodeUtf8(bytes.subarray(start, end));
	}
	body += `\r\n--${boundary}--\r\n`;
	return {
		status: 206,
		reason: 'Partial Content',
		headers: [
			['Content-Type', `multipart/byteranges; boundary=${boundary}`],
			['Content-Length', String(utf8(body).length)],
			...validators
		],
		body
	};
}
