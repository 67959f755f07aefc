/**
 * Builds the browser's simulated sites, one per project, where they run: in the site's Web Worker
 * (`site-worker.ts`), or in the page when there is no worker (`simulation.ts`). sql.js (its
 * JavaScript and its WebAssembly, ~350 KiB gzipped) and the whole stack load only when asked,
 * never before first paint. Vite's `?url` import gives the wasm file's URL in the build; it is
 * fetched and compiled at once (streaming) while the JavaScript loads, and handed to sql.js
 * compiled.
 *
 * The database is not migrated and seeded in the page: the build did that with the project's
 * real migrations and seed and stored the file (`virtual:site-snapshot/<project>`, vite.config.ts),
 * which the site opens (`createSite({ snapshot })`). Without one (dev), the site is built from
 * scratch.
 *
 * Two projects: `mysite` (`DJANGO_SETTINGS_MODULE=mysite.settings`, the default) and the full one
 * (`mysite.settings_full`: the admin, outside login, mail, payments). Each keeps its own database
 * while the page lives; the full project's code loads only when it is first asked for.
 */
import type { Site } from '$lib/sim/site';
import type { SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { SITE_ORIGIN } from './origin';

export type ProjectName = 'mysite' | 'mysite-full';

const sites = new Map<ProjectName, Promise<Site>>();

/** Each project's seeded database file, as the build made it (base64), or none (dev). */
const SNAPSHOTS: Record<ProjectName, () => Promise<{ default: string | undefined }>> = {
	mysite: () => import('virtual:site-snapshot/mysite'),
	'mysite-full': () => import('virtual:site-snapshot/mysite-full')
};

const loads = new Map<ProjectName, ReturnType<typeof load>>();

/** Everything building the site of project `name` needs, loaded in parallel. */
function load(name: ProjectName) {
	const marked = <T>(what: string, loading: Promise<T>) =>
		loading.then((loaded) => (mark(`loaded:${what}`), loaded));
	return Promise.all([
		marked('sql.js', loadSqlJs()),
		marked('stack', import('$lib/sim/site')),
		name === 'mysite-full'
			? marked(
					'full project',
					import('$lib/sim/mysite/full').then((m) => m.mysiteFull)
				)
			: Promise.resolve(undefined),
		marked(
			'database file',
			SNAPSHOTS[name]().then((m) => (m.default ? base64Bytes(m.default) : undefined))
		)
	]);
}

/** Everything building the site of project `name` needs, loaded once. */
function loadSite(name: ProjectName): ReturnType<typeof load> {
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
			mark('wasm-fetch');
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

/** A point in the site's start-up: `request-flow:<name>`, at `time` (ms since the epoch). */
export interface Mark {
	name: string;
	time: number;
}

const marks: Mark[] = [];

/**
 * `request-flow:<name>` in this thread's performance timeline (bench:cold and the tests read the
 * page's; a worker's marks are handed over with `takeMarks()`).
 */
function mark(name: string): void {
	if (typeof performance === 'undefined') return;
	const entry = performance.mark(`request-flow:${name}`);
	marks.push({ name: entry.name, time: performance.timeOrigin + entry.startTime });
}

/** The marks made since the last call. */
export function takeMarks(): Mark[] {
	return marks.splice(0);
}

/** The site of project `name`, built (and warmed up) on first use. */
export function siteOf(name: ProjectName): Promise<Site> {
	return sites.get(name) ?? start(name);
}

/**
 * One request through the new site before anyone can send one, then a reset, so the first
 * request a student sends is as quick as the next ones: its code runs once (compiled by the
 * JavaScript engine, the template read and parsed, the SQL prepared). The first request was
 * measured at 50–140 ms in Chromium, the next ones at ~6 ms. Nobody sees it: it runs before
 * `siteOf()` hands the site to anyone, it publishes no trace (the player, the history and lessons
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
