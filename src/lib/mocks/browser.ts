/**
 * Starts the simulation in the page, lazily (msw/browser is ~150 KiB): call it after the first
 * paint. Resolves once requests to `https://mysite.test` are answered, so no request races it.
 *
 * Normally Mock Service Worker's service worker answers them, so they are real network requests
 * that DevTools lists. When there is no service worker (an insecure context, private mode, a
 * sandboxed embed, registration blocked or failing), the same handlers answer inside the page:
 * `window.fetch` is wrapped so requests to the simulated origin go through msw's `getResponse`.
 * `?simulation=in-page` in the page's URL forces that mode (for tests and for trying it out).
 */
import { guardLocalStorage } from './storage-guard';
import { base } from '$app/paths';
import type { RequestHandler } from 'msw';
import { SITE_ORIGIN } from './origin';

export type SimulationMode = 'service-worker' | 'in-page';

/** The one line the UI shows in in-page mode. */
export const IN_PAGE_NOTICE =
	"Requests are answered inside this page, so your browser's DevTools will not list them.";

/** How long to wait for the service worker before answering in the page instead. */
const WORKER_TIMEOUT_MS = 10_000;

let started: Promise<SimulationMode> | undefined;

export function startSimulation(): Promise<SimulationMode> {
	started ??= (async () => {
		guardLocalStorage();
		const [{ createHandlers, onSite }, { http }] = await Promise.all([
			import('./handlers'),
			import('msw')
		]);
		// A predicate, not a path pattern: MSW's patterns throw URIError on a broken %-escape.
		const handlers = [http.all(onSite, takeTurn), ...createHandlers()];
		if (!wantsInPage()) {
			try {
				await withTimeout(startWorker(handlers), WORKER_TIMEOUT_MS);
				return 'service-worker' as const;
			} catch (error) {
				console.info('Request Flow: no service worker, answering requests in the page.', error);
			}
		}
		await answerInPage(handlers);
		return 'in-page' as const;
	})();
	return started;
}

/**
 * The stack answers each request on the page's main thread (6 ms or so). A burst of requests
 * (a page with its stylesheet and images, a benchmark's 50) would run back to back and leave no
 * room for animation frames for a tenth of a second at a time. So each request waits for its own
 * task before falling through to the real handler: the browser can draw a frame between two.
 */
let turns: Promise<void> = Promise.resolve();
function takeTurn(): Promise<undefined> {
	const turn = turns.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
	turns = turn;
	// Resolving with nothing lets msw try the next handler.
	return turn.then(() => undefined);
}

function wantsInPage(): boolean {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return true;
	if (typeof window !== 'undefined' && !window.isSecureContext) return true;
	return new URLSearchParams(location.search).get('simulation') === 'in-page';
}

async function startWorker(handlers: RequestHandler[]): Promise<void> {
	const { setupWorker } = await import('msw/browser');
	const worker = setupWorker(...handlers);
	await worker.start({
		serviceWorker: { url: `${base}/mockServiceWorker.js`, options: { scope: `${base}/` } },
		onUnhandledRequest: 'bypass',
		quiet: true
	});
}

/** Wraps `window.fetch` so requests to the simulated origin are answered by the handlers. */
async function answerInPage(handlers: RequestHandler[]): Promise<void> {
	const { getResponse } = await import('msw');
	const pageFetch = window.fetch.bind(window);
	const answer = async (request: Request, redirects: number): Promise<Response> => {
		const copy = request.clone();
		const response = await getResponse(handlers, request);
		// As through the worker: a request no handler answers, or one answered with a network
		// error (`HttpResponse.error()`), fails like an unreachable host.
		if (!response || response.type === 'error') throw new TypeError('Failed to fetch');
		const location = response.headers.get('location');
		if (!REDIRECTS.has(response.status) || !location || request.redirect !== 'follow')
			return redirects ? asRedirected(response, request.url) : response;
		// Follow the redirect as fetch does (Fetch standard, "HTTP-redirect fetch").
		if (redirects >= 20) throw new TypeError('Failed to fetch');
		const url = new URL(location, request.url).href;
		const toGet =
			response.status === 303 ||
			((response.status === 301 || response.status === 302) && request.method === 'POST');
		const headers = new Headers(copy.headers);
		if (toGet) ['content-type', 'content-length'].forEach((name) => headers.delete(name));
		const next = new Request(url, {
			method: toGet ? 'GET' : copy.method,
			headers,
			credentials: copy.credentials,
			body: toGet || ['GET', 'HEAD'].includes(copy.method) ? undefined : await copy.arrayBuffer()
		});
		return url.startsWith(`${SITE_ORIGIN}/`) ? answer(next, redirects + 1) : pageFetch(next);
	};
	window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
		// Read the URL without building a Request: that would use up the body of a Request input.
		const url = input instanceof Request ? input.url : new URL(String(input), location.href).href;
		if (!url.startsWith(`${SITE_ORIGIN}/`)) return pageFetch(input, init);
		return answer(new Request(input, init), 0);
	};
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A followed redirect's final response says where it came from, as fetch's does. */
function asRedirected(response: Response, url: string): Response {
	Object.defineProperty(response, 'url', { value: url });
	Object.defineProperty(response, 'redirected', { value: true });
	return response;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`No service worker after ${ms} ms`)), ms);
		promise.then(
			(value) => (clearTimeout(timer), resolve(value)),
			(error) => (clearTimeout(timer), reject(error))
		);
	});
}
