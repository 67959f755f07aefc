/**
 * The page's side of the simulated sites. The sites themselves (sql.js and the whole stack, one
 * per project) run in a dedicated Web Worker (`site-worker.ts`): loading and compiling sql.js,
 * opening the database and answering each request never block the page's main thread, so the
 * first click, the animation and the page's own start-up stay quick. The page asks the worker
 * through Comlink and gets plain data back (`site-host.ts`). Where no worker can start (a
 * sandboxed frame, a strict Content-Security-Policy, `?site-thread=page` in the page's URL), the
 * same host runs in the page, lazily loaded, and answers the same way.
 *
 * Which project answers: `mysite` (`DJANGO_SETTINGS_MODULE=mysite.settings`, the default) or the
 * full one (`mysite.settings_full`: the admin, outside login, mail, payments), chosen with
 * `useProject()`. Each keeps its own database while the page lives; the full project's code loads
 * only when it is first chosen.
 */
import type { ProjectEdits } from '$lib/sim/project-files/load-project';
import type { ReloadReport, SiteConfig } from '$lib/sim/site';
import type { SimRequest } from '$lib/sim/types';
import type { Handled, Mailboxes, Mark, ProjectName, SiteHost } from './site-host';

export type { ProjectName } from './site-host';
export type { Handled, Mailboxes } from './site-host';

/** Where the simulated sites run. */
export type SiteThread = 'worker' | 'page';

/** One project's simulated site, as the page reaches it: every answer comes asynchronously. */
export interface SimulatedSite {
	readonly project: ProjectName;
	/** Answers `request`; rejects (as `fetch` does) when its host does not exist. */
	handle(request: SimRequest): Promise<Handled>;
	/** Answers `request`, or resolves with null when its host does not exist. */
	answer(request: SimRequest): Promise<Handled | null>;
	config(): Promise<SiteConfig>;
	configure(patch: Partial<SiteConfig>): Promise<SiteConfig>;
	reset(): Promise<void>;
	reload(edits: ProjectEdits): Promise<ReloadReport>;
	/** Switches an outside server on or off; resolves with whether it is up now. */
	setServerUp(host: string, up: boolean): Promise<boolean>;
	isServerUp(host: string): Promise<boolean>;
	/** The mail server's mailboxes, or null when the project has none. */
	readMail(address: string): Promise<Mailboxes | null>;
	/** Calls `listener` after each mail delivered; resolves with a stop function (null: no server). */
	watchMail(listener: () => void): Promise<(() => void) | null>;
}

/** How long the worker may take to answer its first call before the page runs the sites. */
const WORKER_TIMEOUT_MS = 15_000;

let current: ProjectName = 'mysite';
let host: Promise<SiteHost> | undefined;
let thread: SiteThread | undefined;
const sites = new Map<ProjectName, Promise<SimulatedSite>>();

/**
 * The host of the simulated sites: the worker's, or the page's own when no worker starts.
 * `first`: the project whose site is wanted first, which a new worker starts building at once.
 */
function connect(first: ProjectName = current): Promise<SiteHost> {
	host ??= (async () => {
		if (typeof Worker !== 'undefined' && !wantsPageThread()) {
			try {
				const remote = await startWorker(first);
				thread = 'worker';
				mark('site-thread:worker');
				return remote;
			} catch (error) {
				console.info('Request Flow: no worker, the simulated site runs in the page.', error);
			}
		}
		const { createSiteHost } = await import('./site-host');
		thread = 'page';
		mark('site-thread:page');
		return createSiteHost();
	})();
	host.catch(() => (host = undefined));
	return host;
}

async function startWorker(first: ProjectName): Promise<SiteHost> {
	const worker = new Worker(new URL('./site-worker.ts', import.meta.url), {
		type: 'module',
		name: 'Request Flow: simulated site'
	});
	try {
		const { wrap } = await import('comlink');
		const remote = kept(wrap<SiteHost>(worker) as unknown as SiteHost);
		// Asked at once, not after the first answer: the worker receives it as soon as its script
		// has run and builds the site while the page is still busy with its own start.
		remote.start(first).catch(() => undefined);
		// A worker whose script cannot load (a sandboxed frame, a strict CSP) only fires `error`.
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error('the worker did not answer')),
				WORKER_TIMEOUT_MS
			);
			worker.addEventListener('error', (event) => {
				clearTimeout(timer);
				reject(new Error(event.message || 'the worker failed to start'));
			});
			remote.takeMarks().then((marks) => {
				clearTimeout(timer);
				copyMarks(marks);
				resolve();
			}, reject);
		});
		return remote;
	} catch (error) {
		worker.terminate();
		throw error;
	}
}

/** Every method of the host, each once. */
const HOST_METHODS: { [K in keyof SiteHost]: true } = {
	start: true,
	answer: true,
	config: true,
	configure: true,
	reset: true,
	reload: true,
	setServerUp: true,
	isServerUp: true,
	readMail: true,
	watchMail: true,
	stopWatchingMail: true,
	takeMarks: true
};

/** The worker's Comlink proxies, kept for the page's life. */
const proxies = new Set<unknown>();

/**
 * The host's methods, each read once from the Comlink proxy and kept. Comlink makes a new proxy
 * on every property read and, when one is garbage-collected, runs a finalizer: script running in
 * a page kept in the back/forward cache, which evicts it.
 */
function kept(remote: SiteHost): SiteHost {
	proxies.add(remote);
	const methods = Object.keys(HOST_METHODS).map((name) => [name, remote[name as keyof SiteHost]]);
	for (const [, method] of methods) proxies.add(method);
	return Object.fromEntries(methods) as unknown as SiteHost;
}

function wantsPageThread(): boolean {
	return (
		typeof location !== 'undefined' &&
		new URLSearchParams(location.search).get('site-thread') === 'page'
	);
}

/** Where the simulated sites run, once the first one was asked for. */
export function siteThread(): SiteThread | undefined {
	return thread;
}

/** The site that answers requests now. */
export function getSite(): Promise<SimulatedSite> {
	return siteOf(current);
}

/**
 * The site of project `name`, whichever answers now: the project editor changes only the default
 * project (`mysite.settings`), so it reloads that site even while the full one answers.
 */
export function siteOf(name: ProjectName): Promise<SimulatedSite> {
	let site = sites.get(name);
	if (!site) {
		site = (async () => {
			const h = await connect(name);
			try {
				await h.start(name);
			} finally {
				copyMarks(await h.takeMarks());
			}
			return bind(name, h);
		})();
		// A failed start (a wasm that did not load) may be retried by the next request.
		site.catch(() => sites.delete(name));
		sites.set(name, site);
	}
	return site;
}

/** The running site's answer to `request` (null: its host does not exist). */
export async function answer(request: SimRequest): Promise<Handled | null> {
	return (await getSite()).answer(request);
}

/** The project the site runs now. */
export function currentProject(): ProjectName {
	return current;
}

/**
 * Makes `name` the project that answers from the next request on, without building its site yet
 * (the next request, or `getSite()`, does). A page calls it as it starts, before anything is sent.
 */
export function chooseProject(name: ProjectName): void {
	current = name;
}

/** Makes `name` the project that answers from the next request on, and starts it if needed. */
export function useProject(name: ProjectName): Promise<SimulatedSite> {
	chooseProject(name);
	return getSite();
}

function bind(name: ProjectName, h: SiteHost): SimulatedSite {
	return {
		project: name,
		async handle(request) {
			const handled = await h.answer(name, request);
			if (!handled)
				throw new TypeError(`Failed to fetch: no server at ${new URL(request.url).host}`);
			return handled;
		},
		answer: (request) => h.answer(name, request),
		config: () => h.config(name),
		configure: (patch) => h.configure(name, patch),
		reset: () => h.reset(name),
		reload: (edits) => h.reload(edits),
		setServerUp: (server, up) => h.setServerUp(name, server, up),
		isServerUp: (server) => h.isServerUp(name, server),
		readMail: (address) => h.readMail(name, address),
		async watchMail(listener) {
			// Across the thread boundary a function travels as a Comlink proxy.
			const { proxy } = await import('comlink');
			const id = await h.watchMail(name, proxy(listener));
			return id === null ? null : () => void h.stopWatchingMail(id);
		}
	};
}

/** The worker's start-up marks, copied into the page's timeline at the times they were made. */
function copyMarks(marks: Mark[]): void {
	if (thread === 'page' || typeof performance === 'undefined') return;
	for (const { name, time } of marks) {
		performance.mark(name, { startTime: time - performance.timeOrigin });
	}
}

/** `request-flow:<name>` in the page's performance timeline (bench:cold reads them). */
function mark(name: string): void {
	if (typeof performance !== 'undefined') performance.mark(`request-flow:${name}`);
}
