/**
 * nginx's `location /static/`: look the file up on disk and answer 200, a bodiless 304 when the
 * browser's copy is current, 404 when there is no such file, 405 for a method other than GET or
 * HEAD. Django never hears about any of it.
 */
import type { HeaderList } from '../types';
import { COST, type TraceRecorder } from '../trace';
import { getHeader } from '../http/headers';
import { nginxError, type NginxError } from './error-pages';
import { isNotModified, type StaticFiles } from './static-files';

export interface StaticAnswer {
	status: number;
	reason: string;
	headers: HeaderList;
	body: string;
}

export function serveStatic(
	files: StaticFiles,
	method: string,
	path: string,
	headers: HeaderList,
	recorder: TraceRecorder
): StaticAnswer | NginxError {
	const file = files.find(path);
	const disk = files.diskPath(path);
	const found = file ? `found (${file.size} bytes)` : 'not found';
	recorder.hop(
		'web-server',
		'web-server',
		'static',
		'in',
		`The web server looks for ${disk} on its disk: ${found}.`,
		{ note: `location /static/ → alias /srv/mysite/static/ → ${disk}` },
		COST.staticLookup
	);
	if (!file) return nginxError(404);
	if (method !== 'GET' && method !== 'HEAD') return nginxError(405);
	const validators: HeaderList = [
		['Last-Modified', file.lastModified],
		['Connection', 'keep-alive'],
		['ETag', file.etag]
	];
	if (
		isNotModified(
			file,
			getHeader(headers, 'if-none-match'),
			getHeader(headers, 'if-modified-since')
		)
	) {
		return { status: 304, reason: 'Not Modified', headers: validators, body: '' };
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
