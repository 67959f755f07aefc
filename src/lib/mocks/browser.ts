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
import type { SetupWorker } from 'msw/browser';
import { SITE_ORIGIN } from './origin';
import { simulationStatus, type SimulationMode } from './status.svelte';
import { createWorkerWatch } from './worker-watch';
import { afterPageSettles } from '$lib/first-paint';
// Small (the site and sql.js load inside it only when needed): the choice of project is synchronous.
import { chooseProject, currentProject, getSite, siteThread, type ProjectName } from './simulation';

export type { SimulationMode } from './status.svelte';
export { simulationStatus } from './status.svelte';

/** The one line the UI shows in in-page mode. */
export const IN_PAGE_NOTICE =
	"Requests are answered inside this page, so your browser's DevTools will not list them.";

/** The same, when the service worker stopped answering during the session. */
export const WORKER_LOST_NOTICE =
	"The service worker stopped answering (a new version of the site?), so requests are now answered inside this page and your browser's DevTools will not list them.";

/**
 * The service worker this site registers: MSW's own `mockServiceWorker.js`, imported unchanged,
 * except that it stays registered when a page closes, so pages can enter the back/forward cache.
 */
export const WORKER_SCRIPT = 'request-flow-worker.js';

/** How long to wait for the service worker before answering in the page instead. */
const WORKER_TIMEOUT_MS = 10_000;

/** A request only the page's handlers answer (with 204): is the worker still passing requests on? */
const PROBE_HEADER = 'x-request-flow-probe';

let started: Promise<SimulationMode> | undefined;
let ready: Promise<SimulationMode> | undefined;
/**
 * Both wait, once, until the page has painted and hydrated: neither msw's start nor the site's
 * downloads and build then compete with them for the network or one of a small machine's cores.
 */
let settled: Promise<void> | undefined;
const pageSettled = () => (settled ??= afterPageSettles());

/**
 * Starts answering requests to the simulated site (the service worker, or in the page), without
 * building the site itself (the first request does that). Every page calls it once it is idle, so
 * a `fetch` typed into DevTools' console works anywhere.
 */
export function startSimulation(): Promise<SimulationMode> {
	started ??= (async () => {
		if (simulationStatus.state === 'idle') simulationStatus.state = 'starting';
		await pageSettled();
		guardLocalStorage();
		const inPage = wantsInPage();
		// msw/browser loads beside msw, not after it: no waterfall.
		const [{ createHandlers, onSite }, { http, HttpResponse }, browser, { onTrace }] =
			await Promise.all([
				import('./handlers'),
				import('./msw-core'),
				inPage ? undefined : import('msw/browser'),
				import('$lib/flow/trace-bus')
			]);
		const stopWatching = onTrace(() => {
			mark('first-trace');
			stopWatching();
		});
		// Predicates, not path patterns: MSW's patterns throw URIError on a broken %-escape.
		const handlers = [
			http.head(onSite, ({ request }) =>
				request.headers.has(PROBE_HEADER) ? new HttpResponse(null, { status: 204 }) : undefined
			),
			http.all(onSite, takeTurn),
			...createHandlers()
		];
		if (browser) {
			try {
				const worker = browser.setupWorker(...handlers);
				const active = await withTimeout(startWorker(worker), WORKER_TIMEOUT_MS);
				watchWorker(worker, handlers, active);
				mark('worker-ready');
				simulationStatus.mode = 'service-worker';
				return 'service-worker' as const;
			} catch (error) {
				console.info('Request Flow: no service worker, answering requests in the page.', error);
			}
		}
		await answerInPage(handlers);
		mark('worker-ready');
		simulationStatus.mode = 'in-page';
		simulationStatus.notice = IN_PAGE_NOTICE;
		return 'in-page' as const;
	})();
	started.catch(() => (simulationStatus.state = 'failed'));
	return started;
}

/**
 * Resolves when a request to the simulated site is answered at once: requests are intercepted
 * and the site (sql.js, migrated and seeded) is built. Sets `simulationStatus.ready`. Pages with
 * a control that sends call it as soon as they mount; the controls wait for it.
 */
export function simulationReady(): Promise<SimulationMode> {
	ready ??= (async () => {
		if (simulationStatus.state === 'idle') simulationStatus.state = 'starting';
		await pageSettled();
		// The site is loaded and built in its own Web Worker (sql.js, the stack, the build's
		// database file) while the service worker starts: neither waits for the other.
		mark('site-load-start');
		getSite().catch(() => undefined);
		const mode = await startSimulation();
		mark('site-start');
		// The project may change while its site is built: ready means the one chosen last is built.
		for (let project = currentProject(); ; project = currentProject()) {
			await getSite();
			if (project === currentProject()) break;
		}
		mark('site-ready');
		mark('ready');
		simulationStatus.state = 'ready';
		return mode;
	})();
	ready.catch(() => {
		simulationStatus.state = 'failed';
		ready = undefined;
	});
	return ready;
}

/**
 * Runs the simulated site on project `name` (`mysite`, or `mysite-full` for `mysite.settings_full`)
 * from the next request on. A page that sends calls it as it starts, before anything is sent.
 * Once `simulationReady()` has run, a change of project makes `simulationStatus` not ready again
 * until the new project's site is built, and returns that wait; before, the choice is only noted
 * (`simulationReady()` or the first request builds the chosen project's site). Each project keeps
 * its own database, so switching back finds the data as it was left.
 */
export function simulationProject(name: ProjectName): Promise<SimulationMode> | undefined {
	if (name === currentProject()) return ready;
	chooseProject(name);
	if (!ready) return undefined;
	ready = undefined;
	if (simulationStatus.state !== 'failed') simulationStatus.state = 'starting';
	return simulationReady();
}

/**
 * Where the stack runs on the page's main thread (no worker: `simulation.ts`), it answers each
 * request there (6 ms or so). A burst of requests (a page with its stylesheet and images, a
 * benchmark's 50) would run back to back and leave no room for animation frames for a tenth of a
 * second at a time. So each request then waits for its own task before falling through to the real
 * handler: the browser can draw a frame between two. In the worker, requests go straight on: the
 * worker answers them one after another while the page draws.
 */
let turns: Promise<void> = Promise.resolve();
function takeTurn(): Promise<undefined> | undefined {
	mark('first-request');
	if (siteThread() === 'worker') return undefined;
	const turn = turns.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
	turns = turn;
	// Resolving with nothing lets msw try the next handler.
	return turn.then(() => undefined);
}

/**
 * `request-flow:<name>` in the page's performance timeline, the first time only: the cold-start
 * benchmark (`npm run bench:cold`) reads them, and so can DevTools' Performance panel.
 */
function mark(name: string): void {
	const full = `request-flow:${name}`;
	if (typeof performance === 'undefined' || performance.getEntriesByName(full).length) return;
	performance.mark(full);
}

function wantsInPage(): boolean {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return true;
	if (typeof window !== 'undefined' && !window.isSecureContext) return true;
	return new URLSearchParams(location.search).get('simulation') === 'in-page';
}

const workerOptions = () => ({
	serviceWorker: { url: `${base}/${WORKER_SCRIPT}`, options: { scope: `${base}/` } },
	onUnhandledRequest: 'bypass' as const,
	quiet: true
});

/** Starts MSW's worker; resolves with the service worker that now passes requests on. */
async function startWorker(worker: SetupWorker): Promise<ServiceWorker | null> {
	const registration = await worker.start(workerOptions());
	return registration?.active ?? null;
}

/**
 * After another worker takes control (a new deployment) or the page comes back from the
 * back/forward cache, checks that requests are still answered, and recovers (worker-watch.ts).
 */
function watchWorker(
	worker: SetupWorker,
	handlers: RequestHandler[],
	started: ServiceWorker | null
) {
	let ours = started;
	const watch = createWorkerWatch({
		probe,
		restart: async () => {
			worker.stop();
			ours = await withTimeout(startWorker(worker), WORKER_TIMEOUT_MS);
		},
		fallBack: async () => {
			await answerInPage(handlers);
			simulationStatus.mode = 'in-page';
			simulationStatus.notice = WORKER_LOST_NOTICE;
		}
	});
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		// The worker MSW started taking control of a first visit is no news.
		if (navigator.serviceWorker.controller !== ours) void watch.check();
	});
	window.addEventListener('pageshow', (event) => event.persisted && void watch.check());
	// For tests and DevTools' console: `await requestFlowCheckWorker()`.
	Object.assign(window, { requestFlowCheckWorker: watch.check });
}

async function probe(): Promise<boolean> {
	try {
		const response = await withTimeout(
			fetch(`${SITE_ORIGIN}/`, { method: 'HEAD', headers: { [PROBE_HEADER]: '1' } }),
			5_000
		);
		return response.status === 204;
	} catch {
		return false;
	}
}

/** Wraps `window.fetch` so requests to the simulated origin are answered by the handlers. */
async function answerInPage(handlers: RequestHandler[]): Promise<void> {
	const { getResponse } = await import('./msw-core');
	const pageFetch = window.fetch.bind(window);
	const answer = async (request: Request, redirects: number): Promise<Response> => {
		const copy = request.clone();
		const response = await getResponse(handlers, request);
		// As through the worker: a request no handler answers, or one answered with a network
		// error (`HttpResponse.error()`), fails like an unreachable host.
		if (!response || response.type === 'error') throw new TypeError('Failed to fetch');
		const location = response.headers.get('location');
		if (!REDIRECTS.has(response.status) || !location || request.redirect !== 'follow')
			return redirects ? asRedirected(response, request.url) : withUrl(response, request.url);
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

/**
 * `Response.url` is read-only and empty on a constructed response: give it the URL it was
 * fetched from, without the fragment, as fetch does.
 */
export function withUrl(response: Response, url: string): Response {
	Object.defineProperty(response, 'url', { value: url.split('#')[0], configurable: true });
	return response;
}

/** A followed redirect's final response says where it came from, as fetch's does. */
function asRedirected(response: Response, url: string): Response {
	withUrl(response, url);
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
