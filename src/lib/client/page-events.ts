/**
 * Reads what the student did inside the rendered page (the sandboxed iframe runs no scripts, so
 * the mini browser listens in its document): which link was followed, which form was sent with
 * which button. The DOM side of `navigation.ts`.
 */
import { formAttributes, formRequest, resolveHref } from './navigation';
import type { ClientRequest, FormEntries } from './request';

/** The URL of the link a click activates, or `null` when the click was not on a link. */
export function clickedLink(event: MouseEvent): URL | null {
	if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
		return null;
	const target = event.target as Element | null;
	const link = target?.closest?.('a[href], area[href]');
	if (!link) return null;
	const doc = link.ownerDocument;
	return resolveHref(link.getAttribute('href') ?? '', doc.baseURI);
}

export interface Submission {
	form: HTMLFormElement;
	entries: FormEntries;
	/** `null` for `method="dialog"` or an action that is not a URL. */
	request: ClientRequest | null;
}

/**
 * The form data set (the submitter's name/value included, in tree order, as `new FormData(form,
 * submitter)` builds it) and the request it makes. An empty action means the page's own URL.
 */
export function submission(event: SubmitEvent, pageUrl: string): Submission {
	const form = event.target as HTMLFormElement;
	const submitter = event.submitter;
	const win = form.ownerDocument.defaultView as (Window & typeof globalThis) | null;
	const FormDataIn = win?.FormData ?? FormData;
	const data = new FormDataIn(form, submitter ?? null);
	const entries: [string, string][] = [];
	data.forEach((value, name) =>
		entries.push([name, typeof value === 'string' ? value : value.name])
	);
	const attributes = formAttributes(form, submitter);
	// A relative action resolves against the page's base URL, which the srcdoc sets to the page.
	const action =
		attributes.action === ''
			? pageUrl
			: (resolveHref(attributes.action, form.ownerDocument.baseURI)?.href ?? '');
	return { form, entries, request: formRequest({ ...attributes, action }, entries, pageUrl) };
}

/**
 * Why the browser did not send a form, in one line: the field's label (or name) and the
 * browser's own validation message, e.g. "Product: Please select an item in the list."
 */
export function invalidMessage(
	field: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
): string {
	const label = field.labels?.[0]?.textContent?.trim().replace(/:$/, '') || field.name || 'A field';
	const why = field.validationMessage || 'This value is not accepted.';
	return `The browser did not send the form. ${label}: ${why}`;
}

export interface PageResources {
	/** Stylesheets and images: the browser fetches them, or reuses its cached copy. */
	styleAndImages: string[];
	/** Scripts: fetched, never run in the mini browser. */
	scripts: string[];
}

/** The sub-resources a page's document asks for, as absolute URLs (resolved by `<base>`). */
export function pageResources(doc: Document): PageResources {
	const urls = (selector: string, attribute: 'href' | 'src') =>
		[...doc.querySelectorAll(selector)]
			.map((el) => resolveHref(el.getAttribute(attribute) ?? '', doc.baseURI)?.href)
			.filter((url): url is string => url !== undefined);
	return {
		styleAndImages: [
			...urls('link[rel~="stylesheet" i][href]', 'href'),
			...urls('img[src]', 'src')
		],
		scripts: urls('script[src]', 'src')
	};
}
