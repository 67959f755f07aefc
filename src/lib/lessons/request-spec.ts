/**
 * From a lesson's request (`send: POST /accounts/login/` plus a form) to the method, path, headers
 * and body a browser would send. The same function feeds the page's real `fetch` and the Node
 * self-test, so what the tests check is what the student sends.
 */
import { CSRF_FIELD, csrfTokenIn, encodeForm } from '$lib/client/form-post';
import { SITE_ORIGIN } from '$lib/mocks/origin';
import type { RequestSpec } from './schema';

export interface BuiltRequest {
	method: string;
	path: string;
	headers: [string, string][];
	body: string;
}

/**
 * What a browser tab remembers between requests that a lesson relies on: the CSRF token of the
 * last page with a Django form. A browser submitting that form sends the token as a hidden field.
 */
export class FormMemory {
	csrfToken: string | undefined;

	/** Looks at a response body for a form's CSRF token. */
	remember(body: string): void {
		this.csrfToken = csrfTokenIn(body) ?? this.csrfToken;
	}

	/** The data was reset: the token belongs to cookies that are gone. */
	forget(): void {
		this.csrfToken = undefined;
	}
}

/** The URL a lesson's path stands for: mysite's, unless it is a full URL of another server. */
export function lessonUrl(path: string): string {
	return path.startsWith('/') ? SITE_ORIGIN + path : path;
}

export function requestLine(spec: Pick<RequestSpec, 'send'>): { method: string; path: string } {
	const [method, path] = spec.send.split(' ');
	return { method, path };
}

/** Whether sending `spec` as a browser would needs a CSRF token first. */
export function needsCsrfToken(spec: RequestSpec): boolean {
	return Boolean(spec.form) && spec.csrf !== false && !(CSRF_FIELD in (spec.form ?? {}));
}

export function buildRequest(spec: RequestSpec, memory?: FormMemory): BuiltRequest {
	const { method, path } = requestLine(spec);
	const headers: [string, string][] = Object.entries(spec.headers ?? {});
	const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name.toLowerCase());
	let body = '';
	if (spec.form) {
		const token = spec.csrf === false ? undefined : memory?.csrfToken;
		body = encodeForm(
			Object.entries(spec.form).map(([name, value]) => [name, String(value)]),
			token
		);
		if (!has('content-type')) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
	} else if (spec.json !== undefined) {
		body = JSON.stringify(spec.json);
		if (!has('content-type')) headers.push(['Content-Type', 'application/json']);
	} else if (spec.body !== undefined) {
		body = spec.body;
	}
	return { method, path, headers, body };
}

/** A one-line description for buttons and history, e.g. `POST /accounts/login/ (form)`. */
export function describeRequest(spec: RequestSpec): string {
	const extra = spec.form ? ' with a form' : spec.json !== undefined ? ' with JSON' : '';
	const auth =
		spec.headers && Object.keys(spec.headers).some((h) => h.toLowerCase() === 'authorization');
	return `${spec.send}${extra}${auth ? ' and a token' : ''}`;
}
