// npm run bench:cold — the first visit to the playground, in a fresh Chromium profile each run
// (no service worker registered, nothing cached), against the production build served by
// scripts/serve.js (compressed, as a good host serves it). Not a test: it prints figures.
//
// Two journeys, each BENCH_RUNS times (default 5), medians printed beside their targets:
// - "Send at once": Send is clicked as soon as the page is interactive (the player mounted),
//   before the simulation says it is ready. It must be answered, and move quickly.
// - "Send when ready": the page is left until `simulationStatus.ready`, then Send.
// The breakdown comes from the `request-flow:*` performance marks that `mocks/browser.ts` sets
// (worker ready, site created, warm-up request, first request through Django); a build without
// them shows n/a.
//
// Usage: npm run build && npm run bench:cold
// Env: BUILD_DIR (build), PORT (4298), BENCH_RUNS (5), CHROMIUM_PATH.
import { buildDir, withServedBuild } from './bench-browser.js';

const port = Number(process.env.PORT ?? 4298);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
let origin;

/** Watches the diagram from the first script on: when a packet is first drawn and first moves. */
function watchPackets() {
	const seen = new Map();
	const times = { drawn: null, moved: null, sendAt: null, lcp: null, longTasks: [] };
	window.__cold = times;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) times.lcp = entry.startTime;
	}).observe({ type: 'largest-contentful-paint', buffered: true });
	// Tasks over 50 ms (the Long Tasks API), to find those that building the site causes.
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) times.longTasks.push([entry.startTime, entry.duration]);
	}).observe({ type: 'longtask', buffered: true });
	const look = () => {
		for (const packet of document.querySelectorAll('[data-packet]')) {
			const key = packet.getAttribute('data-packet');
			const at = packet.getAttribute('transform');
			if (!seen.has(key)) {
				seen.set(key, at);
				times.drawn ??= performance.now();
			} else if (times.moved === null && seen.get(key) !== at) times.moved = performance.now();
		}
	};
	new MutationObserver(look).observe(document, {
		subtree: true,
		childList: true,
		attributes: true
	});
	// The first click on Send, timed in the page (the driver's round trip is not the student's).
	document.addEventListener(
		'click',
		(event) => {
			if (event.target instanceof Element && event.target.closest('button.send'))
				times.sendAt ??= performance.now();
		},
		true
	);
}

/** Everything measured in one page, in ms since navigation began. */
function readTimes() {
	const mark = (name) => performance.getEntriesByName(`request-flow:${name}`)[0]?.startTime ?? null;
	const nav = performance.getEntriesByType('navigation')[0];
	return {
		...window.__cold,
		domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
		workerReady: mark('worker-ready'),
		siteLoadStart: mark('site-load-start') ?? mark('site-start'),
		siteStart: mark('site-start'),
		siteLoaded: mark('site-loaded'),
		siteCreated: mark('site-created'),
		fromSnapshot: mark('site-from-snapshot:mysite') !== null,
		siteThread:
			mark('site-thread:worker') !== null
				? 'worker'
				: mark('site-thread:page') !== null
					? 'page'
					: null,
		siteWorker: mark('site-thread:worker'),
		siteReady: mark('site-ready'),
		ready: mark('ready'),
		firstRequest: mark('first-request'),
		firstTrace: mark('first-trace')
	};
}

async function journey(browser, { waitForReady }) {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
	try {
		const page = await context.newPage();
		// Bytes on the wire (compressed as served), for every response the page received.
		let bytes = 0;
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
		await page.addInitScript(watchPackets);
		await page.goto(`${origin}/playground/`);
		await page.waitForFunction(() => 'requestFlowPlayer' in window, null, { timeout: 60_000 });
		const interactive = await page.evaluate(() => performance.now());
		let bytesAtReady = null;
		if (waitForReady)
			// A build from before `data-simulation-ready`: ready when the worker started.
			await page.waitForSelector(
				'main[data-simulation-ready="true"], main:not([data-simulation-ready])[data-simulation="service-worker"]',
				{ timeout: 60_000 }
			);
		if (waitForReady) bytesAtReady = bytes;
		await page.getByRole('button', { name: 'Send', exact: true }).click();
		// The first packet moving on the diagram, or the form's error when the fetch failed. (The
		// response itself arrives when the animation delivers it, many seconds later at Normal.)
		await page.waitForFunction(
			() => window.__cold.moved !== null || document.querySelector('#request-error') !== null,
			null,
			{ timeout: 60_000 }
		);
		const line = await page.evaluate(
			() => document.querySelector('#request-error')?.textContent ?? ''
		);
		return {
			...(await page.evaluate(readTimes)),
			interactive,
			line,
			kib: bytesAtReady && bytesAtReady / 1024
		};
	} finally {
		await context.close();
	}
}

const median = (values) => {
	const known = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
	if (!known.length) return null;
	const sorted = [...known].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const diff = (a, b) =>
	a === null || b === null || a === undefined || b === undefined ? null : a - b;
const ms = (v) => (v === null ? 'n/a'.padStart(9) : `${v.toFixed(0).padStart(6)} ms`);

function report(title, results) {
	const row = (label, pick, target = '') =>
		console.log(`  ${label.padEnd(44)}${ms(median(results.map(pick)))}   ${target}`);
	console.log(`${title} (median of ${results.length})`);
	row('navigation → interactive (player mounted)', (r) => r.interactive);
	row('navigation → service worker ready', (r) => r.workerReady);
	row('navigation → site worker answering', (r) => r.siteWorker);
	row('site loaded (the stack, sql.js, the database file)', (r) =>
		diff(r.siteLoaded, r.siteLoadStart ?? r.siteStart)
	);
	row('site created (database opened or built)', (r) =>
		diff(r.siteCreated ?? r.siteReady, r.siteLoaded ?? r.siteStart)
	);
	row('warm-up request, unseen, and reset', (r) => diff(r.siteReady, r.siteCreated));
	row('navigation → ready', (r) => r.ready);
	// A main-thread task that ends after the site starts loading and starts before it is ready:
	// whatever the page does meanwhile (starting the service worker, the end of hydration), and
	// the site's own work when it runs in the page (no Web Worker).
	row(
		'longest main-thread task while the site is built',
		(r) =>
			Math.max(
				0,
				...r.longTasks
					.filter(([start, duration]) => start + duration > r.siteLoadStart && start < r.ready)
					.map(([, duration]) => duration)
			),
		'(target ≤ 50 ms)'
	);
	row('first request through the stack', (r) => diff(r.firstTrace, r.firstRequest));
	row('Send → first movement', (r) => diff(r.moved, r.sendAt), '(target ≤ 100 ms)');
	row('navigation → first answer in the player', (r) => r.drawn);
	row('largest contentful paint', (r) => r.lcp);
	const kib = median(results.map((r) => r.kib));
	if (kib !== null)
		console.log(`  ${'transferred until ready'.padEnd(44)}${kib.toFixed(0).padStart(6)} KiB`);
	const restored = results.filter((r) => r.fromSnapshot).length;
	console.log(`  Database opened from the build's snapshot: ${restored} of ${results.length}`);
	const inWorker = results.filter((r) => r.siteThread === 'worker').length;
	console.log(`  Site run in its Web Worker: ${inWorker} of ${results.length}`);
	const failed = results.filter((r) => r.line !== '');
	console.log(`  Sends that failed: ${failed.length} of ${results.length}   (target 0)`);
	for (const r of failed) console.log(`    ${r.line.trim()}`);
}

await withServedBuild({ port }, async (served) => {
	const { browser } = served;
	origin = served.origin;
	// One throwaway visit: the server compresses each file once, on first request.
	await journey(browser, { waitForReady: true });
	const atOnce = [];
	const whenReady = [];
	for (let i = 0; i < runs; i++) {
		atOnce.push(await journey(browser, { waitForReady: false }));
		whenReady.push(await journey(browser, { waitForReady: true }));
	}
	console.log(`bench:cold — first visit to /playground/ from ${buildDir}/, fresh profile each run`);
	report('Send at once (clicked when the player mounts)', atOnce);
	report('Send when ready', whenReady);
});
