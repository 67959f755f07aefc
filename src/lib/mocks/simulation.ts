/**
 * The browser's simulated site, created on the first request: sql.js (its JavaScript and its
 * WebAssembly, ~350 KiB gzipped) and the whole stack load only then, never before first paint.
 * Vite's `?url` import gives the wasm file's URL in the build; it is fetched and compiled at once
 * (streaming, off the main thread) while the JavaScript loads, and handed to sql.js compiled.
 *
 * The database is not migrated and seeded in the page: the build did that with the project's
 * real migrations and seed and stored the file (`virtual:site-snapshot/<project>`, vite.config.ts),
 * which the site opens (`createSite({ snapshot })`). Without one (dev), the site is built from
 * scratch.
 *
 * Which project answers: `mysite` (`DJANGO_SETTINGS_MODULE=mysite.settings`, the default) or the
 * full one (`mysite.settings_full`: the admin, outside login, mail, payments), chosen with
 * `useProject()`. Each keeps its own database while the page lives; the full project's code loads
 * only when it is first chosen.
 */
import type { Site } from '$lib/sim/site';
import type { SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { SITE_ORIGIN } from './origin';

export type ProjectName = 'mysite' | 'mysite-full';

const sites = new Map<ProjectName, Promise<Site>>();
let current: ProjectName = 'mysite';

/** Each project's seeded database file, as the build made it (base64), or none (dev). */
const SNAPSHOTS: Record<ProjectName, () => Promise<{ default: string | undefined }>> = {
	mysite: () => import('virtual:site-snapshot/mysite'),
	'mysite-full': () => import('virtual:site-snapshot/mysite-full')
};

const loads = new Map<ProjectName, ReturnType<typeof load>>();

/** Everything building the site of project `name` needs, loaded in parallel. */
function load(name: ProjectName) {
	return Promise.all([
		loadSqlJs(),
		import('$lib/sim/site'),
		name === 'mysite-full'
			? import('$lib/sim/mysite/full').then((m) => m.mysiteFull)
			: Promise.resolve(undefined),
		SNAPSHOTS[name]().then((m) => (m.default ? base64Bytes(m.default) : undefined))
	]);
}

/**
 * Starts loading what the site of project `name` needs (the stack, sql.js and its wasm, the
 * build's database file) without building it: a page that will send calls it while the service
 * worker starts, so the two overlap.
 */
export function loadSite(name: ProjectName): ReturnType<typeof load> {
	let loading = loads.get(name);
	if (!loading) {
		loading = load(name);
		loads.set(name, loading);
		// A failed load (the network) may be retried.
		loading.catch(() => loads.delete(name));
	}
	return loading;
}

function start(name: ProjectName): Promise<Site> {
	const site = (async () => {
		const [sqlJs, { createSite }, project, snapshot] = await loadSite(name);
		mark('site-loaded');
		// Each step a task of its own, so that a click or a frame may come between them.
		await nextTask();
		const created = await createSite({ sqlJs, project, snapshot, pause: nextTask });
		mark('site-created');
		// For tests and the cold-start benchmark: was the build's database used?
		if (snapshot && created.db.schemaStatementsRun === 0) mark(`site-from-snapshot:${name}`);
		await nextTask();
		await warmUp(created);
		return created;
	})();
	// A failed start (a wasm that did not load) may be retried by the next request.
	site.catch(() => sites.delete(name));
	sites.set(name, site);
	return site;
}

let wasm: Promise<WebAssembly.Module> | undefined;

/**
 * Starts fetching and compiling sql.js's WebAssembly (~340 KiB gzipped), once: streaming
 * compilation works while the bytes arrive, off the main thread (`loadSite()` starts it while the
 * service worker starts).
 */
function compileSqlJs(): Promise<WebAssembly.Module> {
	wasm ??= (async () => {
		try {
			return await WebAssembly.compileStreaming(fetch(wasmUrl));
		} catch {
			// A host that does not send `application/wasm`: compile the whole file instead.
			return WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer());
		}
	})();
	wasm.catch(() => (wasm = undefined));
	return wasm;
}

/** sql.js, instantiated from the module `compileSqlJs()` compiled. */
async function loadSqlJs(): Promise<SqlJsStatic> {
	const compiled = compileSqlJs();
	const { default: initSqlJs } = await import('sql.js');
	return new Promise<SqlJsStatic>((resolve, reject) => {
		initSqlJs({
			instantiateWasm(imports, receive) {
				compiled.then((module) => WebAssembly.instantiate(module, imports)).then(receive, reject);
				return {};
			}
		}).then(resolve, reject);
	});
}

function base64Bytes(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/** `request-flow:<name>` in the page's performance timeline (bench:cold reads them). */
function mark(name: string): void {
	if (typeof performance !== 'undefined') performance.mark(`request-flow:${name}`);
}

/** The site that answers requests now. */
export function getSite(): Promise<Site> {
	return siteOf(current);
}

/**
 * The site of project `name`, whichever answers now: the project editor changes only the default
 * project (`mysite.settings`), so it reloads that site even while the full one answers.
 */
export function siteOf(name: ProjectName): Promise<Site> {
	return sites.get(name) ?? start(name);
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
export function useProject(name: ProjectName): Promise<Site> {
	chooseProject(name);
	return getSite();
}

/**
 * One request through the new site before anyone can send one, then a reset, so the first
 * request a student sends is as quick as the next ones: its code runs once (compiled by the
 * JavaScript engine, the template read and parsed, the SQL prepared). The first request was
 * measured at 50–140 ms in Chromium, the next ones at ~6 ms. Nobody sees it: it runs before
 * `getSite()` hands the site to anyone, it publishes no trace (the player, the history and lessons
 * never hear of it), the cookie jar is untouched, and the reset puts back the seeded data, the
 * settings and idle workers.
 */
async function warmUp(site: Site): Promise<void> {
	// Smaller requests first, each in a task of its own: what they run (nginx, the middleware,
	// the ORM and SQLite's SELECT) is then ready, so no single task takes long.
	for (const [path, accept] of WARM_UP) {
		try {
			await site.handle({
				method: 'GET',
				url: `${SITE_ORIGIN}${path}`,
				headers: [
					['Host', new URL(SITE_ORIGIN).host],
					['Accept', accept]
				],
				body: new Uint8Array()
			});
		} catch (error) {
			// Only a warm-up: the student's request will say what is wrong, if anything is.
			console.info('Request Flow: the warm-up request failed.', error);
		}
		mark(`warm-up:${path}`);
		await nextTask();
	}
	await site.reset();
}

/** Path and Accept: a file nginx serves, the API's JSON, a page's list, then the Send preset. */
const WARM_UP: Array<[string, string]> = [
	['/static/css/site.css', 'text/css'],
	['/api/posts/3/', 'application/json'],
	['/blog/', 'text/html'],
	['/blog/3/', 'text/html']
];

/**
 * Resolves in a new task: `scheduler.yield()` where there is one (the task keeps its place ahead
 * of other work), else a message to itself (setTimeout would wait 4 ms once nested).
 */
function nextTask(): Promise<void> {
	const { scheduler } = globalThis as { scheduler?: { yield?: () => Promise<void> } };
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => resolve();
		channel.port2.postMessage(null);
	});
}
