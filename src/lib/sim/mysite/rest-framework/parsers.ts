/**
 * DRF's default parsers (`rest_framework.parsers`: JSONParser, FormParser, MultiPartParser) and
 * `Request._parse()`: the body is parsed only when the view reads `request.data`, by the first
 * parser whose media type matches the request's `Content-Type`. An empty body is `{}` whatever its
 * type; a body no parser takes is 415 naming the Content-Type exactly as sent
 * (`"text/plain;charset=UTF-8"`).
 */
import type { HttpRequest } from '../../django/http';
import { parseMultipart, MultiPartParserError } from '../../django/multipart';
import { QueryDict } from '../../django/query-dict';
import { decodeUtf8, decodeUtf8Strict, latin1 } from '../../http/bytes';
import { ParseError, UnsupportedMediaType } from './exceptions';
import { pythonJsonLoads, utf8DecodeError } from './json-errors';

export interface Parser {
	readonly name: string;
	readonly media_type: string;
	parse(request: HttpRequest): unknown;
}

export const JSONParser: Parser = {
	name: 'JSONParser',
	media_type: 'application/json',
	parse(request) {
		const bytes = request.body;
		const { message, validLength } = utf8DecodeError(bytes);
		if (message) throw new ParseError(`JSON parse error - ${message}`);
		const result = pythonJsonLoads(decodeUtf8(bytes.subarray(0, validLength)));
		if (!result.ok) throw new ParseError(`JSON parse error - ${result.message}`);
		return result.value;
	}
};

export const FormParser: Parser = {
	name: 'FormParser',
	media_type: 'application/x-www-form-urlencoded',
	parse(request) {
		const form =
			request.method === 'POST'
				? request.POST
				: new QueryDict(decodeUtf8Strict(request.body) ?? latin1(request.body));
		return Object.fromEntries(form.items());
	}
};

export const MultiPartParser: Parser = {
	name: 'MultiPartParser',
	media_type: 'multipart/form-data',
	parse(request) {
		try {
			const parsed =
				request.method === 'POST'
					? { fields: [...request.POST.items()], files: [...request.FILES] }
					: parseMultipart(latin1(request.body), request.content_params.boundary);
			return Object.fromEntries([...parsed.fields, ...parsed.files]);
		} catch (error) {
			if (error instanceof MultiPartParserError) {
				throw new ParseError(`Multipart form parse error - ${error.message}`);
			}
			throw error;
		}
	}
};

export const DEFAULT_PARSERS: readonly Parser[] = [JSONParser, FormParser, MultiPartParser];

/** `request.content_type` as DRF reads it: the header exactly as sent. */
export function rawContentType(request: HttpRequest): string {
	return request.META.CONTENT_TYPE ?? request.META.HTTP_CONTENT_TYPE ?? '';
}

/** `media_type_matches(parser.media_type, content_type)`: type and subtype, case-insensitive. */
function matches(parserType: string, contentType: string): boolean {
	const [main, sub] = contentType.split(';', 1)[0].trim().toLowerCase().split('/');
	const [pMain, pSub] = parserType.split('/');
	return (pMain === '*' || pMain === main) && (pSub === '*' || pSub === sub);
}

/** `Request._parse()`: the parser that takes the body, and what it made of it. */
export function parseBody(
	request: HttpRequest,
	parsers: readonly Parser[]
): { data: unknown; parser?: Parser } {
	const contentType = rawContentType(request);
	const length = Number.parseInt(request.META.CONTENT_LENGTH ?? '', 10);
	// No stream (Content-Length 0 or absent): empty data, whatever the type.
	if (!(length > 0) && request.body.length === 0) return { data: {} };
	const parser = parsers.find((p) => matches(p.media_type, contentType));
	if (!parser) throw new UnsupportedMediaType(contentType);
	return { data: parser.parse(request), parser };
}
