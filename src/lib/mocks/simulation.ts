/**
 * The browser's one simulated site, created on the first request: sql.js (its JavaScript and its
 * WebAssembly, ~350 KiB gzipped) and the whole stack load only then, never before first paint.
 * Vite's `?url` import gives the wasm file's URL in the build, for sql.js's `locateFile`.
 */
import type { Site } from '$lib/sim/site';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

let site: Promise<Site> | undefined;

export function getSite(): Promise<Site> {
	site ??= (async () => {
		const [{ default: initSqlJs }, { createSite }] = await Promise.all([
			import('sql.js'),
			import('$lib/sim/site')
		]);
		const sqlJs = await initSqlJs({ locateFile: () => wasmUrl });
		return createSite({ sqlJs });
	})();
	// A failed start (a wasm that did not load) may be retried by the next request.
	site.catch(() => (site = undefined));
	return site;
}
