/**
 * nginx's `location /static/ { alias /srv/mysite/static/; }`: the files it serves without asking
 * Django, with the headers nginx's static module sends — `Content-Type` from `mime.types`,
 * `Content-Length` in bytes, `Last-Modified`, and an `ETag` made of the modification time and the
 * size in hex (`"<mtime hex>-<size hex>"`), which lets a browser ask "has it changed?" and get a
 * bodiless 304 when it has not.
 */
import type { StaticFile } from '../django/project';
import { byteLength } from '../http/headers';

export const STATIC_PREFIX = '/static/';
/** Where `collectstatic` put the files on the simulated server. */
export const STATIC_ROOT = '/srv/mysite/static/';
/** A fixed default so ETags are the same on every run. */
export const DEFAULT_MTIME = Date.UTC(2026, 10, 2, 9, 30, 0);

/** The few types of nginx's `mime.types` that a small site needs. */
const MIME_TYPES: Record<string, string> = {
	css: 'text/css',
	js: 'application/javascript',
	svg: 'image/svg+xml',
	png: 'image/png',
	jpg: 'image/jpeg',
	gif: 'image/gif',
	ico: 'image/x-icon',
	html: 'text/html',
	txt: 'text/plain',
	json: 'application/json',
	woff2: 'font/woff2'
};

export interface ServedFile {
	path: string;
	body: string;
	contentType: string;
	size: number;
	mtime: number;
	etag: string;
	lastModified: string;
}

export function mimeType(path: string): string {
	const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
	return MIME_TYPES[ext] ?? 'application/octet-stream';
}

export class StaticFiles {
	#files = new Map<string, ServedFile>();

	constructor(files: readonly StaticFile[] = []) {
		for (const file of files) this.add(file);
	}

	add(file: StaticFile): void {
		const size = byteLength(file.body);
		const mtime = file.mtime ?? DEFAULT_MTIME;
		const seconds = Math.floor(mtime / 1000);
		this.#files.set(file.path, {
			path: file.path,
			body: file.body,
			contentType: file.contentType ?? mimeType(file.path),
			size,
			mtime,
			etag: `"${seconds.toString(16)}-${size.toString(16)}"`,
			lastModified: new Date(seconds * 1000).toUTCString()
		});
	}

	/** The file at a normalized URL path, or undefined. */
	find(path: string): ServedFile | undefined {
		return this.#files.get(path);
	}

	/** Where nginx looks on disk for a URL path (shown on the static hop). */
	diskPath(path: string): string {
		return STATIC_ROOT + path.slice(STATIC_PREFIX.length);
	}

	paths(): string[] {
		return [...this.#files.keys()];
	}
}

/** Does a conditional request still hold the current copy? (nginx's not-modified filter) */
export function isNotModified(
	file: ServedFile,
	ifNoneMatch: string | undefined,
	ifModifiedSince: string | undefined
): boolean {
	if (ifNoneMatch !== undefined) {
		if (ifNoneMatch.trim() === '*') return true;
		return ifNoneMatch
			.split(',')
			.map((tag) => tag.trim().replace(/^W\//, ''))
			.includes(file.etag);
	}
	// `if_modified_since exact`: the date must be exactly the file's.
	return ifModifiedSince !== undefined && ifModifiedSince.trim() === file.lastModified;
}
