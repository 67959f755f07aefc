/**
 * Sends a request from the simulated browser: a real `fetch` to the simulated origin with
 * `credentials: 'include'`, which the service worker answers (possibly only after the player's
 * animation has delivered it). Records the request in the history and turns a network failure
 * into a sentence a beginner can act on.
 */
import { SITE_HOST } from '$lib/mocks/origin';
import { dnsFailureMessage } from './address';
import { requestHistory, type RequestHistory, type RequestSource } from './history.svelte';
import { toFetchInit, type ClientRequest } from './request';

export interface ClientResponse {
	ok: true;
	status: number;
	statusText: string;
	headers: [string, string][];
	/** The final URL, after any redirects. */
	url: string;
	redirected: boolean;
	traceId: string | null;
	contentType: string;
	/** Text for text-like bodies; an object URL for images. */
	body: { kind: 'text'; text: string } | { kind: 'image'; objectUrl: string } | { kind: 'none' };
	wallMs: number;
}

export interface ClientFailure {
	ok: false;
	aborted: boolean;
	/** `TypeError: Failed to fetch`, as the browser said it. */
	raw: string;
	message: string;
}

export type ClientResult = ClientResponse | ClientFailure;

export interface SendOptions {
	source: RequestSource;
	signal?: AbortSignal;
	history?: RequestHistory;
	/** Waits for the service worker before the first request (the page's `startSimulation`). */
	ready?: () => Promise<unknown>;
	fetch?: typeof fetch;
}

export function isImage(contentType: string): boolean {
	return /^image\//i.test(contentType);
}

export async function send(request: ClientRequest, options: SendOptions): Promise<ClientResult> {
	const history = options.history ?? requestHistory;
	const doFetch = options.fetch ?? fetch;
	const entry = history.begin(options.source, request);
	const started = performance.now();
	try {
		await options.ready?.();
		const response = await doFetch(request.url, toFetchInit(request, options.signal));
		const contentType = response.headers.get('content-type') ?? '';
		let body: ClientResponse['body'];
		if (
			request.method.toUpperCase() === 'HEAD' ||
			response.status === 204 ||
			response.status === 304
		)
			body = { kind: 'none' };
		else if (isImage(contentType))
			body = { kind: 'image', objectUrl: URL.createObjectURL(await response.blob()) };
		else body = { kind: 'text', text: await response.text() };
		const traceId = response.headers.get('x-trace-id');
		const result: ClientResponse = {
			ok: true,
			status: response.status,
			statusText: response.statusText,
			headers: [...response.headers.entries()],
			url: response.url || request.url,
			redirected: response.redirected,
			traceId,
			contentType,
			body,
			wallMs: Math.round(performance.now() - started)
		};
		history.finish(entry, {
			status: result.status,
			statusText: result.statusText,
			url: result.url,
			traceId
		});
		return result;
	} catch (error) {
		const aborted = error instanceof DOMException && error.name === 'AbortError';
		const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		const message = aborted ? 'Stopped.' : failureMessage(request.url);
		history.fail(entry, aborted ? 'Stopped' : message);
		return { ok: false, aborted, raw, message };
	}
}

/** A fetch that fails outright never reached a server: say so in the words of a DNS error. */
export function failureMessage(url: string): string {
	let host = url;
	try {
		host = new URL(url).hostname;
	} catch {
		/* keep the text as typed */
	}
	if (host === SITE_HOST)
		return `The request to ${SITE_HOST} failed before an answer came: the simulation may have stopped. Reload this page to start it again.`;
	return dnsFailureMessage(host);
}
