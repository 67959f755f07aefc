// `npm run bench:size`: the JavaScript each prerendered route loads before it is interactive,
// gzipped. Follows every static import from the page's entry scripts and module preloads;
// dynamic `import()` (msw, sql.js, the simulated stack) is lazy by design and listed apart.
// Usage: node scripts/bench-size.js [buildDir]   (run `npm run build` first)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const buildDir = resolve(process.argv[2] ?? process.env.BUILD_DIR ?? 'build');
const base = process.env.BASE_PATH ?? '';
/** KiB gzipped, up front on every route: the stack, sql.js and MSW load lazily after it. */
const BUDGET = 120;

if (!existsSync(buildDir)) {
	console.error(`No build at ${buildDir}: run \`npm run build\` first.`);
	process.exit(1);
}

const gzCache = new Map();
const gzSize = (file) => {
	if (!gzCache.has(file)) gzCache.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
	return gzCache.get(file);
};

function fileForUrl(url) {
	const path = url.startsWith(base) ? url.slice(base.length) : url;
	return join(buildDir, path.split('?')[0]);
}

const STATIC_IMPORT =
	/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/** Every file a module pulls in statically, and the dynamic imports it could load later. */
function closure(entryFiles) {
	const seen = new Set();
	const lazy = new Set();
	const queue = [...entryFiles];
	while (queue.length) {
		const file = queue.pop();
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		const code = readFileSync(file, 'utf8');
		for (const [, spec] of code.matchAll(STATIC_IMPORT)) queue.push(resolve(dirname(file), spec));
		// SvelteKit's router imports every route's node dynamically: those belong to other pages.
		for (const [, spec] of code.matchAll(DYNAMIC_IMPORT))
			if (!spec.includes('/nodes/')) lazy.add(resolve(dirname(file), spec));
	}
	return { eager: seen, lazy: [...lazy].filter((f) => !seen.has(f)) };
}

function pages(dir) {
	const found = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) found.push(...pages(full));
		else if (name.endsWith('.html')) found.push(full);
	}
	return found;
}

const rows = [];
for (const page of pages(buildDir)) {
	const html = readFileSync(page, 'utf8');
	const urls = new Set();
	for (const [, href] of html.matchAll(/<link[^>]+href="([^"]+\.js)"[^>]*>/g)) urls.add(href);
	for (const [, src] of html.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)) urls.add(src);
	for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) urls.add(src);
	const { eager, lazy } = closure([...urls].map(fileForUrl));
	let route =
		'/' +
		relative(buildDir, page)
			.replace(/index\.html$/, '')
			.replace(/\.html$/, '/');
	route = route.replace(/\\/g, '/');
	const eagerKiB = [...eager].reduce((sum, f) => sum + gzSize(f), 0) / 1024;
	const lazyKiB = closure(lazy).eager;
	const lazySize =
		[...lazyKiB].filter((f) => !eager.has(f)).reduce((s, f) => s + gzSize(f), 0) / 1024;
	rows.push({ route, files: eager.size, eagerKiB, lazyKiB: lazySize });
}
rows.sort((a, b) => a.route.localeCompare(b.route));

const pad = (s, n) => String(s).padEnd(n);
const num = (n) => n.toFixed(1).padStart(8);
console.log(
	`JavaScript per route, gzipped (KiB), from ${relative(process.cwd(), buildDir) || '.'}/`
);
console.log(
	`${pad('route', 34)}${pad('files', 7)}${'up front'.padStart(8)}  ${'lazy'.padStart(8)}  budget`
);
let over = 0;
for (const row of rows) {
	const budget = BUDGET;
	const verdict =
		budget === undefined ? '' : row.eagerKiB <= budget ? `≤ ${budget} ✓` : `> ${budget} ✗`;
	if (budget !== undefined && row.eagerKiB > budget) over++;
	console.log(
		`${pad(row.route, 34)}${pad(row.files, 7)}${num(row.eagerKiB)}  ${num(row.lazyKiB)}  ${verdict}`
	);
}
if (over) console.log(`${over} route(s) over budget.`);
