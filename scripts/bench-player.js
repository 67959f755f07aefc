// Benchmark of the request-flow player (not a test: it prints figures, it asserts nothing).
// Serves the built site, opens the playground in Chromium, sends N concurrent real fetches to the
// simulated site and, while they animate, records every requestAnimationFrame timestamp, the long
// tasks, the moment the first packet appears and first moves on the diagram, and the moments the
// player reports each hop of the last request (its pace shows whether the play clock keeps wall
// time on a slow machine).
//
// The same run is made twice in fresh pages: the playground as it is, and as a baseline the same
// playground with the timeline hidden (`display: none`: its layout and paint are gone, its DOM is
// still updated). Each figure is printed beside its target and the baseline, with the machine's
// load average (other work on the machine slows every figure).
//
// Usage: npm run build && npm run bench:player
// Env: BUILD_DIR (build), PORT (4299), BENCH_REQUESTS (50), BENCH_PATH (/blog/3/),
//      BENCH_SPEED (normal), BENCH_WINDOW_MS (15000: frame intervals counted from the first
//      fetch), BENCH_CPU (1; 4 slows Chromium's CPU four times, as a slow laptop),
//      BENCH_BASELINE (1; 0 skips the run with the timeline hidden), BENCH_PROFILE (a file prefix:
//      writes `<prefix>-<run>.cpuprofile` for DevTools and prints the functions that took the most
//      time; build with `--minify false` for readable names), CHROMIUM_PATH.
// Targets: p95 frame interval < 20 ms over the window, fetch → first movement < 50 ms, the play
// clock's pace equal to the speed's hop duration (700 ms at normal). The floor: the same number of
// requests answered by the page's probe handler at once, measured in the same page just before.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { withServedBuild } from './bench-browser.js';

const port = Number(process.env.PORT ?? 4299);
const requests = Number(process.env.BENCH_REQUESTS ?? 50);
const path = process.env.BENCH_PATH ?? '/blog/3/';
const speed = process.env.BENCH_SPEED ?? 'normal';
const windowMs = Number(process.env.BENCH_WINDOW_MS ?? 15_000);
const cpu = Number(process.env.BENCH_CPU ?? 1);
const baseline = process.env.BENCH_BASELINE !== '0';
const profile = process.env.BENCH_PROFILE;
const HOP_MS = { slow: 1600, normal: 700, fast: 250, instant: 0 };

const runs = [{ name: 'playground', hide: null }];
if (baseline) runs.push({ name: 'timeline hidden', hide: 'section.player .timeline' });

/** One run in a fresh page: the figures, measured inside the page. */
async function measure(browser, origin, run) {
	const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
	await page.goto(`${origin}/playground/`);
	await page.waitForSelector('main[data-simulation="service-worker"]', { timeout: 60_000 });
	await page.waitForFunction(() => 'requestFlowPlayer' in window);
	if (run.hide) await page.addStyleTag({ content: `${run.hide} { display: none !important; }` });
	const cdp = await page.context().newCDPSession(page);
	if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
	if (profile) {
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	}
	// Warm up the simulated stack (database, templates) without animating.
	await page.evaluate(async (path) => {
		const player = window.requestFlowPlayer;
		player.setSpeed('instant');
		await (await fetch(`https://mysite.test${path}`, { credentials: 'include' })).text();
		player.clear();
	}, path);
	// The floor: as many requests in flight, each answered at once by the page's own probe
	// handler (a 204 with no stack and no player behind it): what reaching the page's handlers
	// through the service worker costs with that many in flight.
	const floor = await page.evaluate(async (requests) => {
		const t0 = performance.now();
		let first = null;
		const probe = () =>
			fetch('https://mysite.test/', {
				method: 'HEAD',
				headers: { 'x-request-flow-probe': '1' }
			}).then(() => (first ??= performance.now() - t0));
		await Promise.all(Array.from({ length: requests }, probe));
		return { first, all: performance.now() - t0 };
	}, requests);
	await cdp.send('Performance.enable');
	if (profile) await cdp.send('Profiler.start');
	const load = loadavg()[0];
	const before = await cpuTimes(cdp);
	const result = await page.evaluate(
		async ({ requests, path, speed, windowMs }) => {
			const player = window.requestFlowPlayer;
			player.setSpeed(speed);
			await new Promise((r) => setTimeout(r, 300));

			const frames = [];
			let running = true;
			requestAnimationFrame(function frame(t) {
				frames.push(t);
				if (running) requestAnimationFrame(frame);
			});
			const longTasks = [];
			const longTaskObserver = new PerformanceObserver((list) => {
				for (const e of list.getEntries()) longTasks.push({ at: e.startTime, ms: e.duration });
			});
			longTaskObserver.observe({ type: 'longtask' });
			// Hop changes as the player reports them (the last request is followed to its end).
			const hops = [];
			const stopListening = player.onHop(({ trace, hop, status }) => {
				if (trace && hop && status === 'playing')
					hops.push({ id: trace.id, index: hop.index, at: performance.now() });
			});
			// Packets: drawn (a new [data-packet]) and moved (its transform changes). The observer
			// looks only at what changed, so it costs the page little.
			const seen = new Map();
			let firstDrawn = null;
			let firstMoved = null;
			const look = (el) => {
				const key = el.getAttribute('data-packet');
				const at = el.getAttribute('transform');
				if (!seen.has(key)) {
					seen.set(key, at);
					firstDrawn ??= performance.now();
				} else if (firstMoved === null && seen.get(key) !== at) firstMoved = performance.now();
			};
			const observer = new MutationObserver((records) => {
				for (const r of records) {
					if (r.type === 'attributes') {
						if (r.target.hasAttribute?.('data-packet')) look(r.target);
						continue;
					}
					for (const n of r.addedNodes) {
						if (n.nodeType !== 1) continue;
						if (n.hasAttribute('data-packet')) look(n);
						for (const p of n.querySelectorAll('[data-packet]')) look(p);
					}
				}
			});
			observer.observe(document.body, {
				subtree: true,
				childList: true,
				attributes: true,
				attributeFilter: ['transform']
			});

			const t0 = performance.now();
			const answers = Array.from({ length: requests }, () =>
				fetch(`https://mysite.test${path}`, { credentials: 'include' }).then((r) => r.status)
			);
			const statuses = await Promise.all(answers);
			const total = performance.now() - t0;
			running = false;
			observer.disconnect();
			longTaskObserver.disconnect();
			stopListening();
			const start = firstDrawn ?? t0;
			const intervals = [];
			const windowed = [];
			for (let i = 1; i < frames.length; i++) {
				if (frames[i - 1] < start) continue;
				const interval = frames[i] - frames[i - 1];
				intervals.push(interval);
				if (frames[i] <= t0 + windowMs) windowed.push(interval);
			}
			// The pace of the request followed longest: wall time per hop between its first and last
			// reported hop.
			const byTrace = new Map();
			for (const h of hops) byTrace.set(h.id, [...(byTrace.get(h.id) ?? []), h]);
			const followed = [...byTrace.values()].sort((a, b) => b.length - a.length)[0] ?? [];
			const first = followed[0];
			const last = followed.at(-1);
			const pace =
				first && last && last.index > first.index
					? {
							ms: (last.at - first.at) / (last.index - first.index),
							hops: last.index - first.index
						}
					: null;
			const inWindow = longTasks.filter((t) => t.at <= t0 + windowMs);
			return {
				statuses,
				total,
				intervals,
				windowed,
				firstDrawn: firstDrawn === null ? null : firstDrawn - t0,
				firstMoved: firstMoved === null ? null : firstMoved - t0,
				packets: seen.size,
				pace,
				longTasks: inWindow.length,
				longest: Math.max(0, ...inWindow.map((t) => t.ms)),
				longTotal: inWindow.reduce((s, t) => s + t.ms, 0),
				early: frames.filter((f) => f >= t0 - 20 && f < t0 + 400).map((f) => Math.round(f - t0))
			};
		},
		{ requests, path, speed, windowMs }
	);
	const after = await cpuTimes(cdp);
	result.cpu = {
		thread: (after.ThreadTime - before.ThreadTime) * 1000,
		process: (after.ProcessTime - before.ProcessTime) * 1000,
		wall: (after.Timestamp - before.Timestamp) * 1000
	};
	if (profile) {
		const { profile: cpuProfile } = await cdp.send('Profiler.stop');
		const file = `${profile}-${run.name.replace(/\W+/g, '-')}.cpuprofile`;
		writeFileSync(file, JSON.stringify(cpuProfile));
		result.hotspots = hotspots(cpuProfile);
		result.profileFile = file;
	}
	await page.close();
	return { ...result, floor, load, loadAfter: loadavg()[0] };
}

/** The renderer's CPU time so far (s): its main thread's and the whole process's, and the clock. */
async function cpuTimes(cdp) {
	const { metrics } = await cdp.send('Performance.getMetrics');
	return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** The functions with the most self time in a CPU profile (ms), and where they are. */
function hotspots({ nodes, samples, timeDeltas }, top = 20) {
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const self = new Map();
	samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (timeDeltas[i] ?? 0)));
	const byFunction = new Map();
	for (const [id, us] of self) {
		const { functionName, url, lineNumber } = byId.get(id).callFrame;
		const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
		byFunction.set(key, (byFunction.get(key) ?? 0) + us / 1000);
	}
	return [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top);
}

const pick = (values, q) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
};
const ms = (v) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : `${v.toFixed(1)} ms`);

await withServedBuild({ port }, async ({ browser, origin }) => {
	const results = [];
	for (const run of runs) results.push(await measure(browser, origin, run));

	const statuses = [...new Set(results.flatMap((r) => r.statuses))].join(', ');
	console.log(
		`bench:player — ${requests} concurrent ${path} at '${speed}' speed, CPU ${cpu}× slower ` +
			`(statuses: ${statuses})`
	);
	const column = (text) => String(text).padEnd(18);
	const row = (label, values, target = '') =>
		console.log(`  ${label.padEnd(34)}${values.map(column).join('')}${target}`);
	row(
		'',
		runs.map((r) => r.name),
		'target'
	);
	row(
		'load average (1 min) before/after',
		results.map((r) => `${r.load.toFixed(1)} / ${r.loadAfter.toFixed(1)}`)
	);
	row(
		`frame interval p95, first ${windowMs / 1000} s`,
		results.map((r) => ms(pick(r.windowed, 0.95))),
		'< 20 ms'
	);
	row(
		`frame interval p99, first ${windowMs / 1000} s`,
		results.map((r) => ms(pick(r.windowed, 0.99)))
	);
	row(
		'frame interval median',
		results.map((r) => ms(pick(r.intervals, 0.5)))
	);
	row(
		'frame interval p95, whole run',
		results.map((r) => ms(pick(r.intervals, 0.95)))
	);
	row(
		`long tasks, first ${windowMs / 1000} s`,
		results.map((r) => `${r.longTasks} (max ${r.longest.toFixed(0)} ms)`)
	);
	row(
		'fetch() → first packet',
		results.map((r) => ms(r.firstDrawn))
	);
	row(
		'fetch() → first movement',
		results.map((r) => ms(r.firstMoved)),
		'< 50 ms'
	);
	row(
		`floor: first of ${requests} bare answers`,
		results.map((r) => ms(r.floor.first))
	);
	row(
		`floor: all ${requests} bare answers`,
		results.map((r) => ms(r.floor.all))
	);
	row(
		'play clock pace (per hop)',
		results.map((r) => (r.pace ? `${ms(r.pace.ms)} (${r.pace.hops})` : 'n/a')),
		`${HOP_MS[speed] ?? '?'} ms`
	);
	// CPU time does not grow when other work on the machine slows the run: compare these first
	// on a busy machine. Per frame: the main thread's time over the frames drawn.
	row(
		'main thread CPU, per second',
		results.map((r) => `${((r.cpu.thread / r.cpu.wall) * 1000).toFixed(0)} ms`)
	);
	row(
		'main thread CPU, per frame',
		results.map((r) => ms(r.cpu.thread / Math.max(1, r.intervals.length)))
	);
	row(
		'renderer CPU (all threads), per s',
		results.map((r) => `${((r.cpu.process / r.cpu.wall) * 1000).toFixed(0)} ms`)
	);
	row(
		'all responses delivered',
		results.map((r) => ms(r.total))
	);
	row(
		'packets drawn',
		results.map((r) => r.packets)
	);
	if (process.env.BENCH_DEBUG)
		for (const [i, r] of results.entries())
			console.log(`  frames in the first 400 ms (${runs[i].name}): ${r.early.join(' ')}`);
	for (const [i, r] of results.entries()) {
		if (!r.hotspots) continue;
		console.log(`\n  most self time (${runs[i].name}; ${r.profileFile}):`);
		for (const [name, t] of r.hotspots) console.log(`    ${t.toFixed(0).padStart(7)} ms  ${name}`);
	}
});
