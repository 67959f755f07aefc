/**
 * The API console's model: the request a student edits (method, URL, header rows, body) and the
 * checks made before sending (a body on GET, a header a page script
 * may not set, JSON that does not parse).
 */
import { checkJson, type JsonCheck } from './json-check';
import { bodyText, type ClientRequest } from './request';
import { parseAddress } from './address';
import { PRESETS } from './api-presets';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type Method = (typeof METHODS)[number];

export interface HeaderRow {
	name: string;
	value: string;
	enabled: boolean;
}

export type BodyMode = 'json' | 'text';

export interface ConsoleDraft {
	method: Method;
	url: string;
	headers: HeaderRow[];
	bodyMode: BodyMode;
	body: string;
}

/** A fresh draft: the first preset (list products). */
export function emptyDraft(): ConsoleDraft {
	return structuredClone(PRESETS[0].draft);
}

/** Methods whose requests `fetch` refuses to give a body. */
export function allowsBody(method: string): boolean {
	return method !== 'GET' && method !== 'HEAD';
}

/**
 * Headers a page script may not set (the Fetch standard's forbidden request-headers): the
 * browser drops them silently, so the console says so instead.
 */
export function isForbiddenHeader(name: string): boolean {
	const n = name.trim().toLowerCase();
	return (
		n.startsWith('proxy-') ||
		n.startsWith('sec-') ||
		[
			'accept-charset',
			'accept-encoding',
			'access-control-request-headers',
			'access-control-request-method',
			'connection',
			'content-length',
			'cookie',
			'cookie2',
			'date',
			'dnt',
			'expect',
			'host',
			'keep-alive',
			'origin',
			'referer',
			'set-cookie',
			'te',
			'trailer',
			'transfer-encoding',
			'upgrade',
			'via'
		].includes(n)
	);
}

/** A header name must be an HTTP token; otherwise `fetch` throws. */
export function isValidHeaderName(name: string): boolean {
	return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name.trim());
}

export interface DraftProblems {
	url?: string;
	headers: { index: number; message: string }[];
	/** Set when the body is meant to be JSON and does not parse. */
	json?: Extract<JsonCheck, { ok: false }>;
	/** A body on GET/HEAD: it will be left out. */
	bodyIgnored?: string;
	/** A JSON body without a Content-Type header: `fetch` labels it text/plain. */
	contentType?: string;
}

export function checkDraft(draft: ConsoleDraft): DraftProblems {
	const problems: DraftProblems = { headers: [] };
	const address = parseAddress(draft.url);
	if (!address.ok) problems.url = address.message;
	draft.headers.forEach((row, index) => {
		if (!row.enabled || (row.name.trim() === '' && row.value.trim() === '')) return;
		if (!isValidHeaderName(row.name))
			problems.headers.push({
				index,
				message: `"${row.name}" is not a valid header name (letters, digits and - only).`
			});
		else if (isForbiddenHeader(row.name))
			problems.headers.push({
				index,
				message: `A page script may not set ${row.name.trim()}: the browser drops it and sets it itself.`
			});
	});
	const hasBody = draft.body.trim() !== '';
	if (hasBody && !allowsBody(draft.method))
		problems.bodyIgnored = `A ${draft.method} request has no body: the body is left out.`;
	else if (hasBody && draft.bodyMode === 'json') {
		const check = checkJson(draft.body);
		if (!check.ok) problems.json = check;
		const typed = draft.headers.some(
			(r) => r.enabled && r.name.trim().toLowerCase() === 'content-type'
		);
		if (!typed)
			problems.contentType =
				'There is no Content-Type header, so fetch labels the body text/plain and a JSON API may refuse it (415). Add Content-Type: application/json.';
	}
	return problems;
}

/**
 * The URL the console sends to: a path such as `/api/products/` or `mysite.test/api/` is read as
 * the address bar reads it, so the student does not have to type the origin every time.
 */
export function consoleUrl(text: string): string {
	const address = parseAddress(text);
	return address.ok ? address.url : text.trim();
}

/** The request the console sends: enabled, valid headers; forbidden ones left out. */
export function draftRequest(draft: ConsoleDraft): ClientRequest {
	const headers = draft.headers
		.filter((r) => r.enabled && r.name.trim() !== '' && isValidHeaderName(r.name))
		.filter((r) => !isForbiddenHeader(r.name))
		.map((r) => [r.name.trim(), r.value] as const);
	const sendBody = allowsBody(draft.method) && draft.body !== '';
	return {
		method: draft.method,
		url: consoleUrl(draft.url),
		headers,
		body: sendBody ? { kind: 'text', text: draft.body } : { kind: 'none' }
	};
}

/** A request from elsewhere (the history, the mini browser) as a console draft. */
export function requestDraft(request: ClientRequest): ConsoleDraft {
	const method = (METHODS as readonly string[]).includes(request.method.toUpperCase())
		? (request.method.toUpperCase() as Method)
		: 'GET';
	const headers = request.headers.map(([name, value]) => ({ name, value, enabled: true }));
	if (request.body.kind === 'urlencoded' && !headers.some((h) => /^content-type$/i.test(h.name)))
		headers.push({
			name: 'Content-Type',
			value: 'application/x-www-form-urlencoded',
			enabled: true
		});
	const body = bodyText(request.body);
	const isJson = headers.some((h) => /^content-type$/i.test(h.name) && /json/i.test(h.value));
	return { method, url: request.url, headers, bodyMode: isJson ? 'json' : 'text', body };
}
