// npm run bench:main-thread — what a first visit costs the page's main thread, from a Chromium
// trace: every top-level task of the page's renderer from navigation until the page has been
// ready for BENCH_SETTLE_MS, in a fresh profile each run. Not a test: it prints figures.
//
// Lighthouse's Total Blocking Time multiplies each task's wall time by 4 (its simulated slow
// phone) and counts what passes 50 ms. On a shared 2-core machine a task's wall time mostly
// measures how long it waited for a core, so the same build scores very differently from one
// minute to the next. This benchmark prints both: the estimate from wall time (what Lighthouse
// sees here, now) and from the thread's CPU time (`tdur`: the work the page itself asks of the
// main thread, which holds on a busy machine). The home page (no simulated site, no player) is
// measured in the same run as the floor to read the others against.
//
// Usage: npm run build && npm run bench:main-thread
// Env: BUILD_DIR (build), BENCH_RUNS (5), BENCH_PAGES (/,/playground/,/lessons/http/),
//      BENCH_SETTLE_MS (3000), CHROMIUM_PATH.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDir, withServedBuild } from './bench-browser.js';

const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const pages = (process.env.BENCH_PAGES ?? '/,/playground/,/lessons/http/').split(',');
const settle = Number(process.env.BENCH_SETTLE_MS ?? 3000);
const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const dir = mkdtempSync(join(tmpdir(), 'bench-main-thread-'));

/** Lighthouse's blocking time of tasks lasting `ms` each, on a CPU 4× slower. */
const blocking = (durations) => durations.reduce((sum, ms) => sum + Math.max(0, 4 * ms - 50), 0);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function visit(browser, url) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const path = join(dir, 'trace.json');
	await browser.startTracing(page, { path, categories: ['toplevel', 'loading'] });
	await page.goto(url);
	// Pages that send say when the simulated site is ready; the others are done once loaded.
	await page
		.locator('main[data-simulation-ready="true"]')
		.waitFor({ timeout: 60_000 })
		.catch(() => undefined);
	await page.waitForTimeout(settle);
	await browser.stopTracing();
	await context.close();
	const { traceEvents } = JSON.parse(readFileSync(path, 'utf8'));
	// The page's main thread: the renderer thread that painted its first content.
	const fcp = traceEvents.filter((e) => e.name === 'firstContentfulPaint').at(-1);
	if (!fcp) throw new Error(`No first contentful paint in the trace of ${url}`);
	const tasks = traceEvents
		.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X' && TASK.has(e.name))
		.sort((a, b) => a.ts - b.ts);
	// Outermost tasks only (a task may run a nested one).
	const outer = [];
	let end = 0;
	for (const task of tasks) {
		if (task.ts < end) continue;
		outer.push(task);
		end = task.ts + task.dur;
	}
	const afterPaint = outer.filter((t) => t.ts >= fcp.ts);
	const cpu = (t) => (t.tdur ?? t.dur) / 1000;
	const wall = (t) => t.dur / 1000;
	return {
		cpu: outer.reduce((sum, t) => sum + cpu(t), 0),
		cpuBlocking: blocking(afterPaint.map(cpu)),
		cpuLongest: Math.max(0, ...afterPaint.map(cpu)),
		wallBlocking: blocking(afterPaint.map(wall)),
		wallLongest: Math.max(0, ...afterPaint.map(wall))
	};
}

try {
	await withServedBuild({}, async ({ browser, origin }) => {
		const results = new Map(pages.map((p) => [p, []]));
		// Pages in turn within each run, so a busy minute falls on all of them alike.
		for (let run = 0; run < runs; run++)
			for (const path of pages) results.get(path).push(await visit(browser, `${origin}${path}`));

		console.log(
			`bench:main-thread — first visit, ${buildDir}/, median of ${runs} (until ready + ${settle} ms)`
		);
		const floor = median(results.get(pages[0]).map((r) => r.cpu));
		const head =
			`  ${'page'.padEnd(18)}${'CPU ms'.padStart(8)}${'× floor'.padStart(9)}` +
			`${'TBT@4× (CPU)'.padStart(14)}${'longest'.padStart(9)}` +
			`${'TBT@4× (wall)'.padStart(15)}${'longest'.padStart(9)}`;
		console.log(head);
		for (const [path, list] of results) {
			const m = (pick) => median(list.map(pick));
			console.log(
				`  ${path.padEnd(18)}${m((r) => r.cpu)
					.toFixed(0)
					.padStart(8)}` +
					`${`${(m((r) => r.cpu) / floor).toFixed(2)}×`.padStart(9)}` +
					`${m((r) => r.cpuBlocking)
						.toFixed(0)
						.padStart(14)}` +
					`${m((r) => r.cpuLongest)
						.toFixed(0)
						.padStart(9)}` +
					`${m((r) => r.wallBlocking)
						.toFixed(0)
						.padStart(15)}` +
					`${m((r) => r.wallLongest)
						.toFixed(0)
						.padStart(9)}`
			);
		}
		console.log(
			`  CPU: the main thread's own work, navigation to ready + ${settle} ms; × floor: against` +
				` ${pages[0]} in the same run.\n` +
				'  TBT@4×: Σ max(0, 4 × task − 50 ms) over tasks after the first paint, from each' +
				" task's CPU time\n  (what the page asks for) and from its wall time (what Lighthouse" +
				' sees on this machine now: the\n  difference is time spent waiting for a core).'
		);
	});
} finally {
	rmSync(dir, { recursive: true, force: true });
}
