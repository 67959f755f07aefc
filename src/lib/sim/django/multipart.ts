/**
 * `multipart/form-data`, what a browser sends for a form with `enctype="multipart/form-data"` (and
 * what `fetch` sends for a `FormData`): parts separated by a boundary line, each with a
 * `Content-Disposition: form-data; name="…"` header. Text fields go to `request.POST`; files to
 * `request.FILES` (name, size and type only). A body that does not follow the format raises
 * `MultiPartParserError`, which Django answers with 400 (django/http/multipartparser.py).
 */
import { DjangoException } from './exceptions';
import { decodeUtf8, fromLatin1 } from '../http/bytes';

export class MultiPartParserError extends DjangoException {
	static override readonly pythonName: string = 'django.http.multipartparser.MultiPartParserError';
	override name = 'MultiPartParserError';
}

export interface UploadedFile {
	name: string;
	size: number;
	content_type: string;
}

export interface MultipartResult {
	fields: Array<[string, string]>;
	files: Array<[string, UploadedFile]>;
}

/** A part's text back from Latin-1 (one character per byte) to UTF-8 text. */
function fromWsgi(text: string): string {
	return decodeUtf8(fromLatin1(text));
}

/** `body` is the request's bytes as Latin-1 text (one character per byte). */
export function parseMultipart(body: string, boundary: string | undefined): MultipartResult {
	if (!boundary || !/^[ -~]{1,70}$/.test(boundary)) {
		throw new MultiPartParserError(`Invalid boundary in multipart: ${boundary ?? 'None'}`);
	}
	const result: MultipartResult = { fields: [], files: [] };
	const delimiter = `--${boundary}`;
	const start = body.indexOf(delimiter);
	if (start < 0) return result;
	const chunks = body.slice(start + delimiter.length).split(`\r\n${delimiter}`);
	for (const chunk of chunks) {
		if (chunk.startsWith('--')) break;
		const part = chunk.replace(/^\r\n/, '');
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) throw new MultiPartParserError('Invalid Content-Disposition in multipart.');
		const head = part.slice(0, split);
		const content = part.slice(split + 4);
		const disposition = /content-disposition:\s*form-data\s*;(.*)/i.exec(head)?.[1] ?? '';
		const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
		if (name === undefined) continue;
		const filename = /(?:^|;)\s*filename="([^"]*)"/i.exec(disposition)?.[1];
		if (filename === undefined) {
			result.fields.push([fromWsgi(name), fromWsgi(content)]);
		} else if (filename) {
			const type =
				/content-type:\s*([^\r\n]*)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
			result.files.push([
				name,
				{ name: fromWsgi(filename), size: content.length, content_type: type }
			]);
		}
	}
	return result;
}
