/** Small HTTP helpers for Example ID's answers: HTML, JSON, redirects, cookies and form bodies. */
import { decodeUtf8 } from '../../http/bytes';
import { byteLength, getHeader } from '../../http/headers';
import { reasonPhrase } from '../../http/status';
import type { HeaderList, SimRequest, SimResponse } from '../../types';

export function respond(status: number, headers: HeaderList, body = ''): SimResponse {
	return {
		status,
		statusText: reasonPhrase(status),
		headers: [...headers, ['Content-Length', String(byteLength(body))]],
		body
	};
}

export const html = (status: number, body: string, headers: HeaderList = []) =>
	respond(
		status,
		[['Content-Type', 'text/html; charset=utf-8'], ['Cache-Control', 'no-store'], ...headers],
		body
	);

export const json = (status: number, value: unknown, headers: HeaderList = []) =>
	respond(status, [['Content-Type', 'application/json'], ...headers], JSON.stringify(value));

export const redirect = (location: string, headers: HeaderList = []) =>
	respond(302, [['Location', location], ['Cache-Control', 'no-store'], ...headers]);

/** A URL with query parameters added (`redirect_uri?code=…&state=…`). */
export function withQuery(url: string, params: Readonly<Record<string, string | undefined>>) {
	const u = new URL(url);
	for (const [name, value] of Object.entries(params))
		if (value !== undefined) u.searchParams.set(name, value);
	return u.toString();
}

export function formOf(request: SimRequest): URLSearchParams {
	return new URLSearchParams(decodeUtf8(request.body));
}

export function cookieOf(request: SimRequest, name: string): string | undefined {
	const header = getHeader(request.headers, 'cookie') ?? '';
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
	}
	return undefined;
}
