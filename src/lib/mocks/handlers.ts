/**
 * The request handlers: the single list that the browser worker, the in-page fallback and the
 * Node tests all use. A thin adapter between a real `fetch` and the simulated stack:
 *
 * 1. the real `Request` becomes a `SimRequest` — with the `Cookie` header the simulated browser's
 *    jar would send (only for `credentials: 'include'`, as a real browser), and the `Referer` and
 *    `Origin` a browser adds when the request comes from a page of the site;
 * 2. the simulated site answers it and records the trace (in its Web Worker in the browser:
 *    `simulation.ts`);
 * 3. `Set-Cookie` lines go into the jar and are stripped from the real response (otherwise MSW
 *    would write them into the app's own cookies);
 * 4. `present(trace)` lets the player animate the journey; the response is returned when it
 *    resolves (at once when nobody is watching).
 *
 * The outside servers the browser visits (`OUTSIDE_ORIGINS`: the full project's identity provider)
 * go the same way, with their own cookies in the same jar under their own domain. Any other
 * `.test` host, or an outside server the running project does not have, fails as DNS would:
 * `TypeError: Failed to fetch`.
 *
 * Requests are matched by a predicate on the URL's origin, never by MSW's path patterns: those
 * percent-decode the path and throw `URIError` on a broken escape (`/%E0%A4%A`), which would answer
 * a JavaScript error instead of letting nginx refuse the request as it does. The body goes to the
 * stack as bytes (`arrayBuffer()`), never decoded here.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { browserJar, type CookieJar } from '$lib/client/cookie-jar';
import { publishTrace, type Arrival } from '$lib/flow/trace-bus';
import type { Site } from '$lib/sim/site';
import type { SimRequest, SimResponse, Trace } from '$lib/sim/types';
import { answerWith } from './answer';
import { SITE_ORIGIN, isSimulatedOrigin } from './origin';

export interface HandlerOptions {
	/**
	 * A simulated site in this thread (the Node tests'), created on first use. By default the
	 * browser's running site answers (`simulation.ts`: in its Web Worker).
	 */
	site?: () => Promise<Site>;
	jar?: CookieJar;
	/** Resolves when the response may reach the page (the player's "delivered"). */
	present?: (trace: Trace, arrival: Arrival) => Promise<void>;
}

/** Methods after which a browser sends `Origin` even to its own site (Fetch standard). */
const ORIGIN_FREE = new Set(['GET', 'HEAD']);

export function createHandlers(options: HandlerOptions = {}): RequestHandler[] {
	const { site } = options;
	const answer = site
		? async (request: SimRequest) => answerWith(await site(), request)
		: (request: SimRequest) => import('./simulation').then((m) => m.answer(request));
	const jar = options.jar ?? browserJar;
	// The page's player is handed answers in batches; a presenter given here (tests, bench:sim)
	// gets each at once.
	const present = options.present ?? inBatches(publishTrace);
	/** The page the simulated browser shows: the last HTML document it fetched from the site. */
	let page: string | undefined;

	return [
		http.all(onSite, async ({ request }) => {
			const receivedAt = performance.now();
			const sim = await toSimRequest(request, jar, page);
			const handled = await answer(sim);
			// An outside server the running project does not have (the default mysite has none).
			if (!handled) return HttpResponse.error();
			const { response, trace } = handled;
			const setCookies = response.headers
				.filter(([name]) => name.toLowerCase() === 'set-cookie')
				.map(([, value]) => value);
			jar.store(request.url, setCookies);
			if (isDocument(sim, response)) page = request.url;
			await present(trace, { receivedAt });
			return toResponse(response);
		}),
		http.all(onOtherTestHost, () => HttpResponse.error())
	];
}

type Present = (trace: Trace, arrival: Arrival) => Promise<void>;

/**
 * Hands answered requests to `present` together, in one task, when several come back from the
 * site at once (a page with its stylesheet and images, a burst of 50 fetches): the player and the
 * history then update the page once for all of them rather than once each, and frames keep
 * coming. A lone request waits one task at most.
 */
function inBatches(present: Present): Present {
	let batch: Array<() => void> | null = null;
	return (trace, arrival) =>
		new Promise<void>((resolve, reject) => {
			const run = () => void present(trace, arrival).then(resolve, reject);
			if (batch) {
				batch.push(run);
				return;
			}
			batch = [run];
			afterQueuedTasks(() => {
				const runs = batch ?? [];
				batch = null;
				for (const r of runs) r();
			});
		});
}

/** Runs `then` in a new task, behind the messages already queued (other answers among them). */
function afterQueuedTasks(then: () => void): void {
	const channel = new MessageChannel();
	channel.port1.onmessage = () => {
		channel.port1.close();
		then();
	};
	channel.port2.postMessage(null);
}

/** A request to the simulated site (or an outside server it may have), whatever its path holds. */
export function onSite({ request }: { request: Request }): boolean {
	return isSimulatedOrigin(new URL(request.url).origin);
}

/** A request to any other `.test` host (RFC 2606: no such site exists). */
function onOtherTestHost({ request }: { request: Request }): boolean {
	const { protocol, hostname } = new URL(request.url);
	return (protocol === 'https:' || protocol === 'http:') && /(^|\.)test$/i.test(hostname);
}

async function toSimRequest(
	request: Request,
	jar: CookieJar,
	page: string | undefined
): Promise<SimRequest> {
	const headers: Array<[string, string]> = [];
	request.headers.forEach((value, name) => headers.push([titleCase(name), value]));
	const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
	const from = page && new URL(page).origin;
	const sameOrigin = from === new URL(request.url).origin;
	// Across sites the browser sends no Referer from mysite's pages (Django's default
	// `Referrer-Policy: same-origin`) and only the origin from others (strict-origin-when-cross-origin).
	if (page && !has('referer') && (sameOrigin || from !== SITE_ORIGIN))
		headers.push(['Referer', sameOrigin ? page : `${from}/`]);
	if (from && !has('origin') && !ORIGIN_FREE.has(request.method)) headers.push(['Origin', from]);
	if (request.credentials === 'include') {
		const cookie = jar.cookieHeader(request.url);
		if (cookie) headers.push(['Cookie', cookie]);
	}
	const body = ORIGIN_FREE.has(request.method)
		? new Uint8Array()
		: new Uint8Array(await request.arrayBuffer());
	return { method: request.method, url: request.url, headers, body };
}

/** The real `Response` the page gets: no `Set-Cookie`, trace headers readable by scripts. */
function toResponse(response: SimResponse): Response {
	const headers = new Headers();
	for (const [name, value] of response.headers) {
		const lower = name.toLowerCase();
		if (lower === 'set-cookie' || lower === 'connection') continue;
		headers.append(name, value);
	}
	headers.set('Access-Control-Expose-Headers', 'X-Trace-Id, Server-Timing');
	const empty = response.status === 204 || response.status === 304 || response.body === '';
	return new Response(empty ? null : response.body, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

/** A successful HTML page fetched with GET: what a browser would now be showing. */
function isDocument(request: SimRequest, response: SimResponse): boolean {
	if (request.method !== 'GET' || response.status !== 200) return false;
	const type = response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
	return type.startsWith('text/html');
}

/** `content-type` → `Content-Type`, as an HTTP/1.1 browser writes header names. */
function titleCase(name: string): string {
	return name.replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase());
}
