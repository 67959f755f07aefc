/**
 * bench:sim's two further figures, beside the table of one request's cost:
 *
 * - the SQL floor: the statements one request sends, run on the same sql.js database with nothing
 *   around them (no ORM, no trace, no template). No simulation that really runs those queries can
 *   answer faster, so a row's ratio is read against (bare MSW + SQL alone) / bare MSW;
 * - growth: 1,000 requests in a row through the real handlers, one browser (cookie jar) and one site,
 *   the first 100 against the last 100. The next request must not cost more because many came before.
 */
import { getResponse, type RequestHandler } from 'msw';
import type { Site } from '$lib/sim/site';
import type { QueryInfo } from '$lib/sim/types';

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Waits for the next turn of the event loop, as a page's fetches each start in a task of their own.
 * Without it a loop of awaited requests is one long job, and V8 keeps every `WeakRef` target made
 * during a job (undici's request signals make some) until the job ends: the heap would grow with
 * the number of requests in the loop, which no page sees.
 */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** As on the wire: the body as bytes (empty for a GET), the headers as sent. */
export async function toSim(request: Request) {
	const body =
		request.method === 'GET' ? new Uint8Array() : new Uint8Array(await request.arrayBuffer());
	return { method: request.method, url: request.url, headers: [...request.headers], body };
}

/** The SQL statements (with their parameters) that one request sends, from its trace. */
export async function statementsOf(
	site: Site,
	request: Request,
	between?: () => Promise<void>
): Promise<QueryInfo[]> {
	if (between) await between();
	const { trace } = await site.handle(await toSim(request));
	return trace.hops.flatMap((hop) =>
		hop.kind === 'query' && hop.detail.query ? [hop.detail.query] : []
	);
}

/** Median time of running these statements alone, on the site's own database. */
export async function measureSql(
	site: Site,
	statements: readonly QueryInfo[],
	runs: number,
	between?: () => Promise<void>
): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		if (between) await between();
		const start = performance.now();
		for (const { sql, params } of statements) site.db.run(sql, params);
		times.push(performance.now() - start);
	}
	return median(times);
}

export interface GrowthCase {
	request: () => Request;
	/** Unmeasured work before this request (putting the stock back before an order). */
	between?: () => Promise<void>;
}

export interface Growth {
	first: number;
	last: number;
	ratio: number;
}

/**
 * `total` requests, taking the cases in turn. Each window (the first and the last `window`
 * requests) holds every case equally often; its figure is the sum over cases of that case's median
 * in the window, so one slow outlier (a garbage collection) moves it little.
 */
export async function measureGrowth(
	handlers: RequestHandler[],
	cases: readonly GrowthCase[],
	total = 1000,
	window = 100
): Promise<Growth> {
	const times: number[][] = cases.map(() => []);
	const at: number[] = [];
	for (let i = 0; i < total; i++) {
		const which = i % cases.length;
		const c = cases[which];
		if (c.between) await c.between();
		await nextTask();
		const request = c.request();
		const start = performance.now();
		const response = await getResponse(handlers, request);
		if (!response) throw new Error(`no handler answered ${request.url}`);
		await response.text();
		times[which].push(performance.now() - start);
		at.push(which);
	}
	const windowSum = (from: number, to: number) => {
		const perCase: number[][] = cases.map(() => []);
		const seen = cases.map(() => 0);
		for (let i = 0; i < total; i++) {
			const which = at[i];
			const n = seen[which]++;
			if (i >= from && i < to) perCase[which].push(times[which][n]);
		}
		return perCase.reduce((sum, values) => sum + median(values), 0);
	};
	const first = windowSum(0, window);
	const last = windowSum(total - window, total);
	return { first, last, ratio: last / first };
}
