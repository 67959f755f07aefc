/**
 * The job of the shop's page script, `/static/shop/order.js`, done by the mini browser (which runs
 * no page scripts): it sends the order form to the API as JSON, with the CSRF token in the
 * `X-CSRFToken` header as Django wants for a JSON request, then opens the confirmation page.
 */
import type { ClientRequest, FormEntries } from './request';
import type { ClientResult } from './send';

export const ORDER_SCRIPT = '/static/shop/order.js';

export const ORDER_SCRIPT_NOTE = `This page's script, ${ORDER_SCRIPT}, sends the order to the API in the background; the mini browser does it for it.`;

function field(entries: FormEntries, name: string): string | undefined {
	return entries.find(([n]) => n === name)?.[1];
}

/** The form's data as the script sends it; the token comes from the form, else the cookie. */
export function orderApiRequest(
	entries: FormEntries,
	apiUrl: string,
	pageUrl: string,
	csrfCookie: string | undefined
): ClientRequest {
	const token = field(entries, 'csrfmiddlewaretoken') ?? csrfCookie ?? '';
	return {
		method: 'POST',
		url: new URL(apiUrl, pageUrl).href,
		headers: [
			['Content-Type', 'application/json'],
			['Accept', 'application/json'],
			['X-CSRFToken', token]
		],
		body: {
			kind: 'text',
			text: JSON.stringify({
				product: Number(field(entries, 'product')),
				quantity: Number(field(entries, 'quantity'))
			})
		}
	};
}

/** Where the script goes after a 201: the success URL with the new order's id. */
export function orderSuccessUrl(template: string, id: unknown, pageUrl: string): string {
	return new URL(template.replace('{id}', encodeURIComponent(String(id))), pageUrl).href;
}

/** The API's error answer as the script shows it: one line per field, DRF's messages joined. */
export function orderErrorText(status: number, body: string): string {
	try {
		const parsed: unknown = JSON.parse(body);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
			const lines = Object.entries(parsed).map(
				([fieldName, errors]) => `${fieldName}: ${[errors].flat().join(' ')}`
			);
			if (lines.length > 0) return lines.join('\n');
		}
	} catch {
		/* not JSON: fall through */
	}
	return `The API answered ${status}${body.trim() ? `: ${body.trim().slice(0, 200)}` : '.'}`;
}

export type OrderOutcome =
	| { kind: 'open'; url: string }
	| { kind: 'api-error'; status: number; message: string }
	| { kind: 'failed'; message: string };

/**
 * What the script does with the API's answer: on 201 it opens the success URL with the new id;
 * otherwise it shows the API's messages in the page's status line.
 */
export function orderOutcome(
	result: ClientResult,
	successTemplate: string,
	pageUrl: string
): OrderOutcome {
	if (!result.ok) return { kind: 'failed', message: result.message };
	const text = result.body.kind === 'text' ? result.body.text : '';
	if (result.status === 201) {
		try {
			const id = (JSON.parse(text) as { id?: unknown }).id;
			if (id !== undefined)
				return { kind: 'open', url: orderSuccessUrl(successTemplate, id, pageUrl) };
		} catch {
			/* a 201 without JSON: report it below */
		}
	}
	return { kind: 'api-error', status: result.status, message: orderErrorText(result.status, text) };
}
