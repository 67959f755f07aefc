/**
 * What one request costs through the whole simulated stack (nginx → gunicorn → Django → SQLite
 * and back, trace included), against a bare MSW handler answering the same bytes. Both are
 * answered by MSW's `getResponse`, with no network and no worker, so the difference is the
 * stack's own cost. Medians of wall-clock time over many runs; figures vary from machine to
 * machine, so they are printed, never asserted.
 */
import { getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import initSqlJs from 'sql.js';
import { createHandlers } from '$lib/mocks/handlers';
import { CookieJar } from '$lib/client/cookie-jar';
import { createSite, type Site } from '$lib/sim/site';
import { USERS } from '$lib/sim/mysite';
import { createTinySite } from '$lib/sim/tiny-project';
import {
	measureGrowth,
	measureSql,
	median,
	nextTask,
	statementsOf,
	toSim
} from './bench-sim-figures';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const ROUNDS = 5;
const WARMUP = 10;
const ORIGIN = 'https://mysite.test';

interface Case {
	name: string;
	site: Site;
	request: () => Request;
	/** Work between runs that is not measured (putting the stock back after an order). */
	between?: (site: Site) => Promise<void>;
}

async function measure(
	handlers: RequestHandler[],
	make: () => Request,
	between?: () => Promise<void>
): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < WARMUP + RUNS / ROUNDS; i++) {
		if (between) await between();
		await nextTask();
		const request = make();
		const start = performance.now();
		const response = await getResponse(handlers, request);
		if (!response) throw new Error(`no handler answered ${request.url}`);
		await response.text();
		if (i >= WARMUP) times.push(performance.now() - start);
	}
	return times;
}

/** The stack alone, without MSW: `site.handle` on the same request. */
async function measureSite(
	site: Site,
	make: () => Request,
	between?: () => Promise<void>
): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < WARMUP + RUNS; i++) {
		if (between) await between();
		await nextTask();
		const sim = await toSim(make());
		const start = performance.now();
		await site.handle(sim);
		if (i >= WARMUP) times.push(performance.now() - start);
	}
	return times;
}

export async function run(): Promise<void> {
	const created = performance.now();
	const site = await createSite({ sqlJs: await initSqlJs() });
	const startup = performance.now() - created;
	const tiny = await createTinySite();
	const cases: Case[] = [
		{
			name: 'static file  GET /static/css/site.css',
			site,
			request: () => new Request(`${ORIGIN}/static/css/site.css`)
		},
		{
			name: 'spine only   GET / (tiny project, one-line view)',
			site: tiny,
			request: () => new Request(`${ORIGIN}/`)
		},
		{ name: 'blog list    GET /blog/', site, request: () => new Request(`${ORIGIN}/blog/`) },
		{ name: 'blog detail  GET /blog/1/', site, request: () => new Request(`${ORIGIN}/blog/1/`) },
		{
			name: 'API order    POST /api/orders/ (token)',
			site,
			request: () =>
				new Request(`${ORIGIN}/api/orders/`, {
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						Authorization: `Token ${USERS.alice.token}`
					},
					body: JSON.stringify({ product: 1, quantity: 1 })
				}),
			between: async (s) => s.reset()
		}
	];

	const rows: string[][] = [];
	for (const c of cases) {
		const handlers = createHandlers({
			site: async () => c.site,
			jar: new CookieJar(),
			present: async () => {}
		});
		const between = c.between ? () => c.between!(c.site) : undefined;
		const sample = await getResponse(handlers, c.request());
		const status = sample?.status ?? 0;
		const headers = [...(sample?.headers ?? [])];
		const body = (await sample?.text()) ?? '';
		const bare = [
			http.all(`${ORIGIN}/*`, () => new HttpResponse(body || null, { status, headers }))
		];
		// The three are measured in alternating rounds, so warm-up and machine load hit all alike.
		const times = { full: [] as number[], direct: [] as number[], plain: [] as number[] };
		for (let round = 0; round < ROUNDS; round++) {
			times.full.push(...(await measure(handlers, c.request, between)));
			times.direct.push(...(await measureSite(c.site, c.request, between)));
			times.plain.push(...(await measure(bare, c.request)));
		}
		const [full, direct, plain] = [median(times.full), median(times.direct), median(times.plain)];
		const statements = await statementsOf(c.site, c.request(), between);
		const sql = await measureSql(c.site, statements, RUNS, between);
		rows.push([
			c.name,
			`${status}`,
			full.toFixed(3),
			direct.toFixed(3),
			plain.toFixed(3),
			(full - plain).toFixed(3),
			(full / plain).toFixed(1) + '×',
			`${statements.length}`,
			sql.toFixed(3),
			((plain + sql) / plain).toFixed(1) + '×',
			c.name.startsWith('blog list') ? '≤ 1 ms and ≤ 3×' : '≤ 3×'
		]);
	}

	const header = [
		'request',
		'status',
		'via MSW ms',
		'site.handle ms',
		'bare MSW ms',
		'overhead ms',
		'ratio',
		'queries',
		'SQL alone ms',
		'floor',
		'target'
	];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, i) =>
				i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])
			)
			.join('  ');
	console.log(
		`\nbench:sim — median of ${RUNS} runs in ${ROUNDS} alternating rounds, ${WARMUP} warm-up runs each (Node ${process.version})`
	);
	console.log(`site start-up (sql.js, migrate, seed data): ${startup.toFixed(0)} ms\n`);
	console.log(line(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const row of rows) console.log(line(row));
	console.log(
		'\nvia MSW: getResponse() through the real handlers (Request → SimRequest → site → Response).' +
			'\nsite.handle: the stack alone, trace included. bare MSW: a handler that returns the same bytes.' +
			'\noverhead = via MSW − bare MSW. Targets: blog list < 1 ms of overhead; within 3× the bare handler.' +
			'\nSQL alone: the statements the request sends (queries), run on the same database with nothing' +
			'\naround them. floor = (bare MSW + SQL alone) / bare MSW: no stack that runs those queries beats it.'
	);

	// Growth: one browser, one fresh site, the cases in turn (the order's stock put back unmeasured).
	const grown = await createSite({ sqlJs: await initSqlJs() });
	const growthHandlers = createHandlers({
		site: async () => grown,
		jar: new CookieJar(),
		present: async () => {}
	});
	const withCookies = (make: () => Request) => () =>
		new Request(make(), { credentials: 'include' });
	const growthCases = cases
		.filter((c) => c.site === site)
		.map((c) => ({
			request: withCookies(c.request),
			between: c.between ? () => c.between!(grown) : undefined
		}));
	const total = 1000;
	const growth = await measureGrowth(growthHandlers, growthCases, total);
	console.log(
		`\ngrowth: ${total} requests in a row via MSW (the ${growthCases.length} mysite rows in turn, one cookie jar, one site):` +
			`\n  first 100 ${growth.first.toFixed(3)} ms, last 100 ${growth.last.toFixed(3)} ms` +
			` (sum of each row's median), last / first ${growth.ratio.toFixed(2)}×   target ≤ 1.2×`
	);
}
