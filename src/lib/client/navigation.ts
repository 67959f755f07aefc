/**
 * The mini browser's rules for turning a click or a form into a request, as the HTML standard
 * states them: links resolve against the page's URL; a form's method, action and enctype come
 * from the form, overridden by the button that submitted it (`formmethod`, `formaction`,
 * `formenctype`); a GET form replaces the action URL's query; a POST form sends a body.
 * Pure functions over plain data, so they can be tested without a DOM.
 */
import type { ClientRequest, FormEntries } from './request';

/** Anything with `getAttribute`: a form, a button, or a test double. */
export interface HasAttributes {
	getAttribute(name: string): string | null;
}

/** Resolves a link's `href` against the page's URL; `null` when it is not a URL at all. */
export function resolveHref(href: string, baseUrl: string): URL | null {
	try {
		return new URL(href.trim(), baseUrl);
	} catch {
		return null;
	}
}

/** True when `target` is the same document as `current` with only a different `#fragment`. */
export function isSameDocumentFragment(target: URL, current: string): boolean {
	const here = new URL(current);
	return (
		target.hash !== '' &&
		target.origin === here.origin &&
		target.pathname === here.pathname &&
		target.search === here.search
	);
}

export type FormMethod = 'get' | 'post' | 'dialog';
export type FormEnctype =
	'application/x-www-form-urlencoded' | 'multipart/form-data' | 'text/plain';

export interface FormAttributes {
	method: FormMethod;
	/** The action as written (may be empty: then the form goes to the page's own URL). */
	action: string;
	enctype: FormEnctype;
}

/**
 * Reads the form's target with `getAttribute` (a field named `action` or `method` hides the
 * form's properties), letting the submitter's `form*` attributes win.
 */
export function formAttributes(
	form: HasAttributes,
	submitter?: HasAttributes | null
): FormAttributes {
	const pick = (name: string) =>
		submitter?.getAttribute(`form${name}`) ?? form.getAttribute(name) ?? '';
	const method = pick('method').trim().toLowerCase();
	const enctype = pick('enctype').trim().toLowerCase();
	return {
		method: method === 'post' || method === 'dialog' ? method : 'get',
		action: pick('action').trim(),
		enctype:
			enctype === 'multipart/form-data' || enctype === 'text/plain'
				? enctype
				: 'application/x-www-form-urlencoded'
	};
}

/**
 * The request a form submission makes. `entries` is the form data set in tree order with the
 * submitter's name/value in its place (what `new FormData(form, submitter)` gives).
 */
export function formRequest(
	attributes: FormAttributes,
	entries: FormEntries,
	pageUrl: string
): ClientRequest | null {
	if (attributes.method === 'dialog') return null;
	const target = resolveHref(attributes.action === '' ? pageUrl : attributes.action, pageUrl);
	if (!target) return null;
	if (attributes.method === 'get') {
		// "Mutate action URL": the form data replaces the query; the fragment stays.
		target.search = new URLSearchParams(entries.map(([n, v]) => [n, v])).toString();
		return { method: 'GET', url: target.href, headers: [], body: { kind: 'none' } };
	}
	if (attributes.enctype === 'multipart/form-data')
		return { method: 'POST', url: target.href, headers: [], body: { kind: 'multipart', entries } };
	if (attributes.enctype === 'text/plain')
		return {
			method: 'POST',
			url: target.href,
			headers: [['Content-Type', 'text/plain']],
			body: { kind: 'text', text: entries.map(([n, v]) => `${n}=${v}\r\n`).join('') }
		};
	return { method: 'POST', url: target.href, headers: [], body: { kind: 'urlencoded', entries } };
}

/** A link click as a request: always a GET, without the fragment (which never travels). */
export function linkRequest(target: URL): ClientRequest {
	const url = new URL(target.href);
	url.hash = '';
	return { method: 'GET', url: url.href, headers: [], body: { kind: 'none' } };
}
