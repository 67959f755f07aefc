import { describe, expect, it } from 'vitest';
import { TraceRecorder } from './trace';

const request = { method: 'GET', url: 'https://mysite.test/', headers: [], body: new Uint8Array() };
const response = { status: 200, statusText: 'OK', headers: [], body: '' };

describe('TraceRecorder', () => {
	it('keeps a simulated clock and per-node totals', () => {
		const r = new TraceRecorder({ id: 't1', startedAt: 0 });
		r.hop('browser', 'web-server', 'request', 'in', 'sends', {}, 0);
		r.transit(20);
		r.hop('web-server', 'app-server', 'request', 'in', 'proxies', {}, 0.5);
		r.spend('view', 100);
		r.hop('view', 'middleware', 'response', 'out', 'returns', {}, 1);
		expect(r.hops.map((hop) => [hop.atMs, hop.durationMs])).toEqual([
			[0, 0],
			[20.5, 0.5],
			[121.5, 101]
		]);
		expect(r.timings).toEqual({ 'web-server': 0.5, view: 101 });
		expect(r.serverTiming()).toBe('web-server;dur=0.5, view;dur=101');
	});

	it('turns one SQL statement outside an ORM call into a full round trip', () => {
		const r = new TraceRecorder();
		r.actor = 'middleware';
		r.query({
			orm: 'Session.objects.get(…)',
			sql: 'SELECT 1',
			params: [],
			columns: ['1'],
			rows: [[1]]
		});
		expect(r.hops.map((hop) => `${hop.from}>${hop.to}:${hop.kind}`)).toEqual([
			'middleware>model:call',
			'model>database:query',
			'database>model:rows',
			'model>middleware:return'
		]);
	});

	it('rewinds to what a killed worker got to see', () => {
		const r = new TraceRecorder();
		r.hop('app-server', 'middleware', 'request', 'in', 'calls', {}, 1);
		r.spend('view', 45_000);
		r.hop('view', 'middleware', 'response', 'out', 'too late', {}, 1);
		r.rewindTo(30_001, 'view');
		expect(r.hops).toHaveLength(1);
		expect(r.now).toBe(30_001);
		expect(r.timings).toEqual({ 'app-server': 1, view: 30_000 });
	});

	it('freezes a JSON-safe copy that later changes cannot reach', () => {
		const r = new TraceRecorder({ id: 't2' });
		const context: Record<string, unknown> = { when: new Date(0), fn: () => 1, list: [1] };
		context.self = context;
		r.render('home.html', context);
		const trace = r.finish(request, response);
		(context.list as number[]).push(2);
		const shown = trace.hops[0].detail.template?.context;
		expect(shown).toEqual({ when: '1970-01-01T00:00:00.000Z', list: [1], self: '[circular]' });
		expect(Object.isFrozen(trace.hops[0].detail)).toBe(true);
		expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
	});
});
