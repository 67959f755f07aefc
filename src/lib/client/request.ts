/**
 * A request the simulated browser sends, as plain data: the mini browser, the API console and the
 * history all speak it, so a request can be shown, copied as curl, replayed and sent with `fetch`.
 */
export type FormEntries = ReadonlyArray<readonly [name: string, value: string]>;

export type RequestBody =
	| { kind: 'none' }
	| { kind: 'text'; text: string }
	/** `application/x-www-form-urlencoded`, as an HTML form sends by default. */
	| { kind: 'urlencoded'; entries: FormEntries }
	/** `multipart/form-data`: the browser writes the boundary into the Content-Type itself. */
	| { kind: 'multipart'; entries: FormEntries };

export interface ClientRequest {
	method: string;
	url: string;
	headers: ReadonlyArray<readonly [name: string, value: string]>;
	body: RequestBody;
}

export const NO_BODY: RequestBody = { kind: 'none' };

/** The request as `fetch` wants it. Cookies are the simulated browser's to add (`include`). */
export function toFetchInit(request: ClientRequest, signal?: AbortSignal): RequestInit {
	const headers = new Headers();
	for (const [name, value] of request.headers) headers.append(name, value);
	let body: BodyInit | undefined;
	const { body: b } = request;
	if (b.kind === 'text') body = b.text;
	else if (b.kind === 'urlencoded') {
		// As a form sends it: `fetch` would add `;charset=UTF-8` to a URLSearchParams body.
		if (!headers.has('content-type'))
			headers.set('Content-Type', 'application/x-www-form-urlencoded');
		body = bodyText(b);
	} else if (b.kind === 'multipart') {
		const data = new FormData();
		for (const [n, v] of b.entries) data.append(n, v);
		body = data;
	}
	return {
		method: request.method,
		headers,
		body,
		credentials: 'include',
		redirect: 'follow',
		signal
	};
}

/** The body as it travels, for display (multipart shown by its fields, the boundary is the browser's). */
export function bodyText(body: RequestBody): string {
	switch (body.kind) {
		case 'none':
			return '';
		case 'text':
			return body.text;
		case 'urlencoded':
			return new URLSearchParams(body.entries.map(([n, v]) => [n, v])).toString();
		case 'multipart':
			return body.entries.map(([n, v]) => `${n}=${v}`).join('\n');
	}
}

/** The Content-Type the browser sets by itself for this body when the request names none. */
export function implicitContentType(body: RequestBody): string | null {
	if (body.kind === 'urlencoded') return 'application/x-www-form-urlencoded';
	if (body.kind === 'multipart') return 'multipart/form-data; boundary=…';
	if (body.kind === 'text') return 'text/plain;charset=UTF-8';
	return null;
}

export function headerValue(
	headers: ReadonlyArray<readonly [string, string]>,
	name: string
): string | undefined {
	const lower = name.toLowerCase();
	return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}
