/**
 * The browser's one simulated site, created on the first request: sql.js (its JavaScript and its
 * WebAssembly, ~350 KiB gzipped) and the whole stack load only then, never before first paint.
 * Vite's `?url` import gives the wasm file's URL in the build, for sql.js's `locateFile`.
 */
import type { Site } from '$lib/sim/site';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { SITE_ORIGIN } from './origin';

let site: Promise<Site> | undefined;

export function getSite(): Promise<Site> {
	site ??= (async () => {
		const [{ default: initSqlJs }, { createSite }] = await Promise.all([
			import('sql.js'),
			import('$lib/sim/site')
		]);
		const sqlJs = await initSqlJs({ locateFile: () => wasmUrl });
		const created = await createSite({ sqlJs });
		if (typeof performance !== 'undefined') performance.mark('request-flow:site-created');
		// A task of its own: a click or a frame may come between building the site and this.
		await new Promise((resolve) => setTimeout(resolve, 0));
		await warmUp(created);
		return created;
	})();
	// A failed start (a wasm that did not load) may be retried by the next request.
	site.catch(() => (site = undefined));
	return site;
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
	try {
		await site.handle({
			method: 'GET',
			url: `${SITE_ORIGIN}/blog/3/`,
			headers: [
				['Host', new URL(SITE_ORIGIN).host],
				['Accept', 'text/html']
			],
			body: new Uint8Array()
		});
	} catch (error) {
		// Only a warm-up: the student's request will say what is wrong, if anything is.
		console.info('Request Flow: the warm-up request failed.', error);
	}
	await site.reset();
}
