// npm run bench:lighthouse — Lighthouse (mobile: a mid-range phone on a slow 4G link, simulated)
// on the production build as scripts/serve.js serves it: Performance, Accessibility, Best
// Practices and SEO for the course map, the playground and one lesson, with LCP, TBT and the
// bytes transferred. Not a test: it prints figures (target: Performance ≥ 85 on each page).
//
// Lighthouse is not a devDependency (it brings Puppeteer and ~60 packages that `npm ci` would
// install for everyone): it runs through `npx --yes lighthouse@13`, which installs it into npm's
// cache on first use, from the npm registry. It downloads no browser: it drives the Chromium that
// find-chromium.js finds (CHROME_PATH).
//
// Usage: npm run build && npm run bench:lighthouse
// Env: BUILD_DIR (build), LIGHTHOUSE_PAGES (/,/playground/,/lessons/http/), LIGHTHOUSE_RUNS (3),
//      CHROMIUM_PATH.
// Each page is measured LIGHTHOUSE_RUNS times, the pages in turn, and the median run is printed
// with the range of the performance score: on a shared 2-core machine one run of the same build
// can differ from the next by ten points (the first paint waits for a free core).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findChromium } from './find-chromium.js';
import { buildDir, serveBuild } from './bench-browser.js';

const run = promisify(execFile);
const pages = (process.env.LIGHTHOUSE_PAGES ?? '/,/playground/,/lessons/http/').split(',');
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const chrome = findChromium();
if (!chrome) {
	console.error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
	process.exit(1);
}

async function lighthouse(url) {
	const { stdout } = await run(
		'npx',
		[
			'--yes',
			'lighthouse@13',
			url,
			'--output=json',
			'--output-path=stdout',
			'--quiet',
			`--only-categories=${CATEGORIES.join(',')}`,
			'--chrome-flags=--headless=new --no-sandbox --disable-gpu'
		],
		{ env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 256 * 1024 * 1024 }
	);
	return JSON.parse(stdout);
}

const score = (report, id) => Math.round((report.categories[id]?.score ?? NaN) * 100);
const audit = (report, id) => report.audits[id]?.numericValue ?? NaN;

const { origin, close } = await serveBuild(0);
try {
	console.log(
		`bench:lighthouse — mobile, simulated throttling, ${buildDir}/ served by serve.js, median of ${runs} (perf range)`
	);
	console.log(
		`  ${'page'.padEnd(18)}${'perf'.padStart(5)}${'a11y'.padStart(6)}${'best'.padStart(6)}` +
			`${'seo'.padStart(5)}${'LCP'.padStart(9)}${'TBT'.padStart(9)}${'transfer'.padStart(11)}`
	);
	const misses = [];
	const reports = new Map(pages.map((page) => [page, []]));
	// The pages in turn within each run, so a busy minute falls on all of them alike.
	for (let run = 0; run < runs; run++)
		for (const page of pages) reports.get(page).push(await lighthouse(`${origin}${page}`));
	for (const page of pages) {
		const all = reports.get(page).sort((a, b) => score(a, 'performance') - score(b, 'performance'));
		const report = all[Math.floor(all.length / 2)];
		const perf = score(report, 'performance');
		if (!(perf >= 85)) misses.push(page);
		const range =
			all.length > 1
				? ` (${score(all[0], 'performance')}–${score(all.at(-1), 'performance')})`
				: '';
		console.log(
			`  ${page.padEnd(18)}${String(perf).padStart(5)}` +
				`${String(score(report, 'accessibility')).padStart(6)}` +
				`${String(score(report, 'best-practices')).padStart(6)}` +
				`${String(score(report, 'seo')).padStart(5)}` +
				`${`${(audit(report, 'largest-contentful-paint') / 1000).toFixed(1)} s`.padStart(9)}` +
				`${`${audit(report, 'total-blocking-time').toFixed(0)} ms`.padStart(9)}` +
				`${`${(audit(report, 'total-byte-weight') / 1024).toFixed(0)} KiB`.padStart(11)}` +
				range
		);
		for (const id of CATEGORIES) {
			const failing = Object.values(report.audits).filter(
				(a) =>
					a.score !== null &&
					a.score < 0.9 &&
					report.categories[id]?.auditRefs.some((r) => r.id === a.id && r.weight > 0)
			);
			if (id !== 'performance' && failing.length)
				console.log(`      ${id}: ${failing.map((a) => a.id).join(', ')}`);
		}
	}
	console.log(
		`  target: performance ≥ 85 on each page${misses.length ? ` (missed: ${misses.join(', ')})` : ' ✓'}`
	);
} finally {
	close();
}
