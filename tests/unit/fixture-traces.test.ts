// The fixture traces keep the trace contract, so tests built on them test something real.
import { describe, expect, it } from 'vitest';
import { NODE_IDS } from '$lib/sim/types';
import { fixtureSources, fixtureTraces } from '../fixtures/traces';

describe.each(fixtureTraces.map((t) => [`${t.method} ${new URL(t.url).pathname}`, t] as const))(
	'fixture %s',
	(_name, trace) => {
		it('numbers its hops in order and keeps a monotonic clock', () => {
			trace.hops.forEach((hop, i) => {
				expect(hop.index).toBe(i);
				expect(NODE_IDS).toContain(hop.from);
				expect(NODE_IDS).toContain(hop.to);
				expect(hop.summary).toMatch(/^\S.*\.$/);
				if (i > 0) expect(hop.atMs).toBeGreaterThanOrEqual(trace.hops[i - 1].atMs);
			});
			expect(trace.hops[0].from).toBe('browser');
			expect(trace.hops.at(-1)?.to).toBe('browser');
			expect(trace.totalMs).toBe(trace.hops.at(-1)?.atMs);
		});

		it('sends X-Trace-Id and a Server-Timing that matches its timings', () => {
			const headers = new Map(trace.response.headers.map(([n, v]) => [n.toLowerCase(), v]));
			expect(headers.get('x-trace-id')).toBe(trace.id);
			const timing = Object.fromEntries(
				headers
					.get('server-timing')!
					.split(', ')
					.map((m) => [m.split(';')[0], Number(m.split('dur=')[1])])
			);
			expect(timing).toEqual(trace.timings);
			const last = trace.hops.at(-1)!.detail.http!;
			expect(last.startsWith(`HTTP/1.1 ${trace.status} ${trace.response.statusText}\r\n`)).toBe(
				true
			);
			expect(last.endsWith(`\r\n\r\n${trace.response.body}`)).toBe(true);
		});

		it('points its source references at lines that exist', () => {
			for (const hop of trace.hops) {
				const source = hop.detail.source;
				if (!source) continue;
				const lines = fixtureSources[source.file].split('\n');
				expect(source.lines.length).toBeGreaterThan(0);
				for (const n of source.lines) expect(lines[n - 1]).toBeDefined();
			}
		});

		it('is frozen, JSON-safe data', () => {
			expect(Object.isFrozen(trace)).toBe(true);
			expect(Object.isFrozen(trace.hops[0].detail)).toBe(true);
			expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
		});
	}
);
