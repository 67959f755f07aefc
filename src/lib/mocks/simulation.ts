/**
 * The browser's simulated site, created on the first request: sql.js (its JavaScript and its
 * WebAssembly, ~350 KiB gzipped) and the whole stack load only then, never before first paint.
 * Vite's `?url` import gives the wasm file's URL in the build, for sql.js's `locateFile`.
 *
 * Which project answers: `mysite` (`DJANGO_SETTINGS_MODULE=mysite.settings`, the default) or the
 * full one (`mysite.settings_full`: the admin, outside login, mail, payments), chosen with
 * `useProject()`. Each keeps its own database while the page lives; the full project's code loads
 * only when it is first chosen.
 */
import type { Site } from '$lib/sim/site';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

export type ProjectName = 'mysite' | 'mysite-full';

const sites = new Map<ProjectName, Promise<Site>>();
let current: ProjectName = 'mysite';

function start(name: ProjectName): Promise<Site> {
	const site = (async () => {
		const [{ default: initSqlJs }, { createSite }, project] = await Promise.all([
			import('sql.js'),
			import('$lib/sim/site'),
			name === 'mysite-full'
				? import('$lib/sim/mysite/full').then((m) => m.mysiteFull)
				: Promise.resolve(undefined)
		]);
		const sqlJs = await initSqlJs({ locateFile: () => wasmUrl });
		return createSite({ sqlJs, project });
	})();
	// A failed start (a wasm that did not load) may be retried by the next request.
	site.catch(() => sites.delete(name));
	sites.set(name, site);
	return site;
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
