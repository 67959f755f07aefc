/**
 * Small hand-made traces for the flow layer's unit tests: a trace along a path of nodes, with
 * the last hop back to the browser. (Realistic traces live in `tests/fixtures/traces.ts`.)
 */
import type { Hop, NodeId, Trace } from '$lib/sim/types';

/** A trace whose hops go from each node of `path` to the next. */
export function makeTrace(
	id: string,
	path: readonly NodeId[],
	url = `https://mysite.test/${id}/`
): Trace {
	const hops: Hop[] = path.slice(1).map((to, index) => {
		const from = path[index];
		const back = path.indexOf(to) < path.indexOf(from);
		return {
			index,
			from,
			to,
			kind: to === 'browser' ? 'response' : back ? 'return' : 'request',
			direction: back || to === 'browser' ? 'out' : 'in',
			summary: `Hop ${index} of ${id}: ${from} to ${to}.`,
			durationMs: 1,
			atMs: index,
			detail: {}
		};
	});
	return {
		id,
		method: 'GET',
		url,
		status: 200,
		startedAt: 0,
		totalMs: hops.length,
		timings: {},
		hops,
		request: { method: 'GET', url, headers: [], body: '' },
		response: { status: 200, statusText: 'OK', headers: [], body: '' }
	};
}

/** browser → web-server → app-server → web-server → browser: 4 hops. */
export const SHORT_PATH: NodeId[] = [
	'browser',
	'web-server',
	'app-server',
	'web-server',
	'browser'
];
