import { describe, expect, it } from 'vitest';
import { SHORT_PATH, makeTrace } from './testing';
import { currentHop, deliveryCount, mergedTimeline, nextArrival, previousStop } from './timeline';

const a = { trace: makeTrace('a', SHORT_PATH), startTick: 0 };
const b = { trace: makeTrace('b', ['browser', 'web-server', 'browser']), startTick: 1.5 };

describe('the merged timeline', () => {
	it('orders every hop of every trace by arrival tick, then by the order traces came', () => {
		const order = mergedTimeline([a, b]).map((e) => `${e.traceId}#${e.index}@${e.tick}`);
		expect(order).toEqual(['a#0@1', 'a#1@2', 'b#0@2.5', 'a#2@3', 'b#1@3.5', 'a#3@4']);
	});

	it('steps between arrivals and to the very start', () => {
		expect(nextArrival([a, b], 2)).toBe(2.5);
		expect(nextArrival([a, b], 4)).toBeNull();
		expect(previousStop([a, b], 2.5)).toBe(2);
		expect(previousStop([a, b], 1)).toBe(0);
		expect(previousStop([a, b], 0)).toBeNull();
	});

	it('shows the hop that arrives at a stop, else the one that left last', () => {
		expect(currentHop([a, b], 2)?.hop.index).toBe(1);
		expect(currentHop([a, b], 1.8)).toMatchObject({ trace: { id: 'b' }, hop: { index: 0 } });
		expect(currentHop([a, b], 2.2)).toMatchObject({ trace: { id: 'a' }, hop: { index: 2 } });
		expect(currentHop([a, b], 0)).toBeNull();
	});

	it('delivers after the last hop that reaches the browser', () => {
		expect(deliveryCount(a.trace)).toBe(4);
		expect(deliveryCount(makeTrace('c', ['browser', 'web-server', 'browser', 'web-server']))).toBe(
			2
		);
	});
});
