// Benchmark of the playground under load (not a test: it prints figures, it asserts nothing).
// Serves the built site, opens the playground in Chromium with the player at Instant speed, and
// sends real fetches to the simulated site in batches. After 0, 100, 500 and 2,000 requests it
// measures the next requests one at a time — from `fetch()` to the response read and the next
// frame painted, so the player's and the timeline's work is counted — and counts the page's
// elements and the JavaScript heap. Target: the cost of the next request stays flat (within 2× of
// the first figure) however many came before.
//
// Usage: npm run build && npm run bench:load
// Env: BUILD_DIR (build), PORT (4298), BENCH_PATH (/blog/3/), BENCH_CHECKPOINTS (0,100,500,2000),
//      BENCH_SAMPLES (10, requests measured at each checkpoint), BENCH_BATCH (50, concurrent
//      fetches while filling), CHROMIUM_PATH.
import { withServedBuild } from './bench-browser.js';

const port = Number(process.env.PORT ?? 4298);
const path = process.env.BENCH_PATH ?? '/blog/3/';
const checkpoints = (process.env.BENCH_CHECKPOINTS ?? '0,100,500,2000').split(',').map(Number);
const samples = Number(process.env.BENCH_SAMPLES ?? 10);
const batch = Number(process.env.BENCH_BATCH ?? 50);

await withServedBuild(
	{ port, args: ['--enable-precise-memory-info'] },
	async ({ browser, origin }) => {
		const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
		await page.goto(`${origin}/playground/`);
		await page.waitForSelector(
			'main[data-simulation="service-worker"], main[data-simulation="in-page"]',
			{ timeout: 60_000 }
		);
		await page.waitForFunction(() => 'requestFlowPlayer' in window);
		const mode = await page.locator('main[data-simulation]').getAttribute('data-simulation');
		await page.evaluate(async (path) => {
			window.requestFlowPlayer.setSpeed('instant');
			// Warm up the simulated stack (database, templates) and the page's code paths; these do not
			// count as requests seen: the player is cleared after them.
			for (let i = 0; i < 5; i++)
				await (await fetch(`https://mysite.test${path}`, { credentials: 'include' })).text();
			window.requestFlowPlayer.clear();
		}, path);

		console.log(
			`bench:load — ${path} through the playground at Instant speed (${mode}), ` +
				`${samples} requests measured one at a time at each point`
		);
		console.log('  requests before   per request   ratio   elements   ratio   JS heap');
		let sent = 0;
		let first = null;
		for (const target of checkpoints) {
			const t0 = Date.now();
			while (sent < target) {
				const n = Math.min(batch, target - sent);
				await page.evaluate(
					({ path, n }) =>
						Promise.all(
							Array.from({ length: n }, () =>
								fetch(`https://mysite.test${path}`, { credentials: 'include' }).then((r) =>
									r.text()
								)
							)
						),
					{ path, n }
				);
				sent += n;
			}
			const filling = Date.now() - t0;
			const m = await page.evaluate(
				async ({ path, samples }) => {
					const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
					await frame();
					const times = [];
					for (let i = 0; i < samples; i++) {
						const t = performance.now();
						await (await fetch(`https://mysite.test${path}`, { credentials: 'include' })).text();
						await frame();
						times.push(performance.now() - t);
					}
					times.sort((a, b) => a - b);
					return {
						median: times[Math.floor(times.length / 2)],
						mean: times.reduce((a, b) => a + b, 0) / times.length,
						elements: document.getElementsByTagName('*').length,
						heap: performance.memory ? performance.memory.usedJSHeapSize : null
					};
				},
				{ path, samples }
			);
			sent += samples;
			first ??= m;
			const heap = m.heap === null ? 'n/a' : `${(m.heap / 1024 / 1024).toFixed(1)} MB`;
			console.log(
				`  ${String(target).padStart(15)}   ${`${m.mean.toFixed(1)} ms`.padStart(11)}   ` +
					`${(m.mean / first.mean).toFixed(2).padStart(5)}×   ${String(m.elements).padStart(8)}   ` +
					`${(m.elements / first.elements).toFixed(2).padStart(5)}×   ${heap}` +
					(target > 0 ? `   (filled in ${(filling / 1000).toFixed(1)} s)` : '')
			);
		}
		console.log('  target: per request and elements within 2× of the first row');
	}
);
