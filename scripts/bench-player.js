// Benchmark of the request-flow player (not a test: it prints figures, it asserts nothing).
// Serves the built site, opens the playground in Chromium, sends N concurrent real fetches to the
// simulated site and, while they animate, records every requestAnimationFrame timestamp and the
// moment the first packet appears and first moves on the diagram.
//
// Usage: npm run build && npm run bench:player
// Env: BUILD_DIR (build), PORT (4299), BENCH_REQUESTS (50), BENCH_PATH (/blog/3/),
//      BENCH_SPEED (normal), CHROMIUM_PATH. Targets: p95 frame interval < 20 ms, first movement < 50 ms.
import { withServedBuild } from './bench-browser.js';

const port = Number(process.env.PORT ?? 4299);
const requests = Number(process.env.BENCH_REQUESTS ?? 50);
const path = process.env.BENCH_PATH ?? '/blog/3/';
const speed = process.env.BENCH_SPEED ?? 'normal';

await withServedBuild({ port }, async ({ browser, origin }) => {
	const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
	await page.goto(`${origin}/playground/`);
	await page.waitForSelector('main[data-simulation="service-worker"]', { timeout: 30_000 });
	await page.waitForFunction(() => 'requestFlowPlayer' in window);

	const result = await page.evaluate(
		async ({ requests, path, speed }) => {
			const player = window.requestFlowPlayer;
			// Warm up the simulated stack (database, templates) without animating.
			player.setSpeed('instant');
			await (await fetch(`https://mysite.test${path}`, { credentials: 'include' })).text();
			player.clear();
			player.setSpeed(speed);
			await new Promise((r) => setTimeout(r, 300));

			const frames = [];
			let running = true;
			requestAnimationFrame(function frame(t) {
				frames.push(t);
				if (running) requestAnimationFrame(frame);
			});
			const seen = new Map();
			let firstDrawn = null;
			let firstMoved = null;
			const observer = new MutationObserver(() => {
				for (const p of document.querySelectorAll('[data-packet]')) {
					const at = p.getAttribute('transform');
					const key = p.getAttribute('data-packet');
					if (!seen.has(key)) {
						seen.set(key, at);
						firstDrawn ??= performance.now();
					} else if (firstMoved === null && seen.get(key) !== at) firstMoved = performance.now();
				}
			});
			observer.observe(document.body, { subtree: true, childList: true, attributes: true });

			const t0 = performance.now();
			const answers = Array.from({ length: requests }, () =>
				fetch(`https://mysite.test${path}`, { credentials: 'include' }).then((r) => r.status)
			);
			const statuses = await Promise.all(answers);
			const total = performance.now() - t0;
			running = false;
			observer.disconnect();
			const start = firstDrawn ?? t0;
			const intervals = [];
			for (let i = 1; i < frames.length; i++)
				if (frames[i - 1] >= start) intervals.push(frames[i] - frames[i - 1]);
			return {
				statuses,
				total,
				intervals,
				firstDrawn: firstDrawn === null ? null : firstDrawn - t0,
				firstMoved: firstMoved === null ? null : firstMoved - t0,
				packets: seen.size,
				early: frames.filter((f) => f >= t0 - 20 && f < t0 + 400).map((f) => Math.round(f - t0))
			};
		},
		{ requests, path, speed }
	);

	const sorted = [...result.intervals].sort((a, b) => a - b);
	const pick = (q) =>
		sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
	const ms = (v) => (v === null || Number.isNaN(v) ? 'n/a' : `${v.toFixed(1)} ms`);
	const statuses = [...new Set(result.statuses)].join(', ');
	console.log(
		`bench:player — ${requests} concurrent ${path} at '${speed}' speed (statuses: ${statuses})`
	);
	console.log(`  packets drawn:             ${result.packets}`);
	console.log(`  all responses delivered:   ${ms(result.total)}`);
	console.log(`  frames measured:           ${sorted.length}`);
	console.log(`  frame interval median:     ${ms(pick(0.5))}`);
	console.log(`  frame interval p95:        ${ms(pick(0.95))}   (target < 20 ms)`);
	console.log(`  fetch() → first packet:    ${ms(result.firstDrawn)}`);
	if (process.env.BENCH_DEBUG)
		console.log(`  frames in the first 400 ms: ${result.early.join(' ')}`);
	console.log(`  fetch() → first movement:  ${ms(result.firstMoved)}   (target < 50 ms)`);
});
