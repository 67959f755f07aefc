import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import type { NodeId, Trace } from '$lib/sim/types';
import { RELEASE_AFTER_MS } from './request.machine';
import { RELEASE_NOTICE, playerMachine, type PlayerInput } from './player.machine';
import {
	canStepBack,
	canStepForward,
	currentOf,
	flights,
	progressAt,
	statusOf
} from './player.selectors';
import { HOP_DURATION_MS } from './speed';
import { SHORT_PATH, makeTrace } from './testing';

const HOP = HOP_DURATION_MS.normal;

function start(input: PlayerInput = {}) {
	const actor = createActor(playerMachine, { input: { now: () => Date.now(), ...input } });
	actor.start();
	return actor;
}

/** A trace with a counter of how often its response was delivered. */
function held(id: string, path: NodeId[] = SHORT_PATH) {
	const trace: Trace = makeTrace(id, path);
	const record = { trace, deliveries: 0 };
	const event = { type: 'trace.add' as const, trace, deliver: () => void record.deliveries++ };
	return {
		...record,
		event,
		get delivered() {
			return record.deliveries;
		}
	};
}

const where = (actor: ReturnType<typeof start>) => {
	const c = currentOf(actor.getSnapshot());
	return c && `${c.trace.id}#${c.hop.index}`;
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the player machine', () => {
	it('plays a trace to the end and delivers when the response reaches the browser', () => {
		const actor = start();
		const a = held('a');
		actor.send(a.event);
		expect(statusOf(actor.getSnapshot())).toBe('playing');
		expect(where(actor)).toBe('a#0');
		vi.advanceTimersByTime(3 * HOP);
		expect(where(actor)).toBe('a#3');
		expect(a.delivered).toBe(0);
		vi.advanceTimersByTime(HOP);
		expect(statusOf(actor.getSnapshot())).toBe('done');
		expect(a.delivered).toBe(1);
		expect(actor.getSnapshot().context.entries[0].delivered).toBe(true);
	});

	it('steps forward and back over the hops, and stepping back does not un-deliver', () => {
		const actor = start({ autoplay: false });
		const a = held('a');
		actor.send(a.event);
		expect(statusOf(actor.getSnapshot())).toBe('paused');
		expect(where(actor)).toBeNull();
		expect(canStepBack(actor.getSnapshot())).toBe(false);
		actor.send({ type: 'playback.stepForward' });
		expect(where(actor)).toBe('a#0');
		actor.send({ type: 'playback.stepForward' });
		actor.send({ type: 'playback.stepForward' });
		actor.send({ type: 'playback.stepBack' });
		expect(where(actor)).toBe('a#1');
		actor.send({ type: 'playback.stepForward' });
		actor.send({ type: 'playback.stepForward' });
		expect(where(actor)).toBe('a#3');
		expect(statusOf(actor.getSnapshot())).toBe('done');
		expect(canStepForward(actor.getSnapshot())).toBe(false);
		expect(a.delivered).toBe(1);
		actor.send({ type: 'playback.stepBack' });
		actor.send({ type: 'playback.stepBack' });
		expect(where(actor)).toBe('a#1');
		expect(statusOf(actor.getSnapshot())).toBe('paused');
		actor.send({ type: 'playback.stepForward' });
		actor.send({ type: 'playback.stepForward' });
		expect(a.delivered).toBe(1);
	});

	it('goes to a hop by trace id and index, and ignores a hop that does not exist', () => {
		const actor = start();
		const a = held('a');
		actor.send(a.event);
		actor.send({ type: 'playback.goto', traceId: 'a', index: 2 });
		expect(statusOf(actor.getSnapshot())).toBe('paused');
		expect(where(actor)).toBe('a#2');
		actor.send({ type: 'playback.goto', traceId: 'a', index: 9 });
		actor.send({ type: 'playback.goto', traceId: 'nope', index: 0 });
		expect(where(actor)).toBe('a#2');
		expect(flights(actor.getSnapshot())).toMatchObject([{ traceId: 'a', progress: 1 }]);
	});

	it('keeps the packet where it is when the speed changes mid-hop', () => {
		const actor = start();
		actor.send(held('a').event);
		vi.advanceTimersByTime(HOP / 2);
		const before = progressAt(flights(actor.getSnapshot())[0], Date.now());
		expect(before).toBeCloseTo(0.5);
		actor.send({ type: 'playback.speed', speed: 'slow' });
		const [flight] = flights(actor.getSnapshot());
		expect(flight.durationMs).toBe(HOP_DURATION_MS.slow);
		expect(progressAt(flight, Date.now())).toBeCloseTo(0.5);
		vi.advanceTimersByTime(HOP_DURATION_MS.slow / 2 - 1);
		expect(actor.getSnapshot().context.tick).toBeCloseTo(0.5);
		vi.advanceTimersByTime(1);
		expect(actor.getSnapshot().context.tick).toBe(1);
		expect(where(actor)).toBe('a#1');
	});

	it('pauses when a packet arrives at a breakpoint node, and plays on from there', () => {
		const actor = start({ breakpoints: ['app-server'] });
		const a = held('a');
		actor.send(a.event);
		vi.advanceTimersByTime(2 * HOP);
		expect(statusOf(actor.getSnapshot())).toBe('paused');
		expect(where(actor)).toBe('a#1');
		expect(currentOf(actor.getSnapshot())?.hop.to).toBe('app-server');
		vi.advanceTimersByTime(10 * HOP);
		expect(where(actor)).toBe('a#1');
		actor.send({ type: 'breakpoints.set', nodes: ['browser'] });
		actor.send({ type: 'playback.play' });
		vi.advanceTimersByTime(2 * HOP);
		expect(statusOf(actor.getSnapshot())).toBe('done');
		expect(a.delivered).toBe(1);
	});

	it('plays concurrent requests side by side, each with its own actor and packet', () => {
		const actor = start();
		const a = held('a');
		const b = held('b');
		actor.send(a.event);
		vi.advanceTimersByTime(HOP / 2);
		actor.send(b.event);
		const snapshot = actor.getSnapshot();
		expect(Object.keys(snapshot.children).sort()).toEqual(['request-a', 'request-b']);
		expect(flights(snapshot).map((f) => [f.traceId, f.hop.index])).toEqual([
			['a', 0],
			['b', 0]
		]);
		vi.advanceTimersByTime(3.5 * HOP);
		expect(a.delivered).toBe(1);
		expect(b.delivered).toBe(0);
		expect(flights(actor.getSnapshot()).map((f) => f.traceId)).toEqual(['b']);
		vi.advanceTimersByTime(HOP / 2);
		expect(b.delivered).toBe(1);
		expect(statusOf(actor.getSnapshot())).toBe('done');
	});

	it('pausing mid-hop stops there: the first step finishes the hop in flight', () => {
		const actor = start();
		actor.send(held('a').event);
		vi.advanceTimersByTime(1.5 * HOP);
		actor.send({ type: 'playback.pause' });
		expect(actor.getSnapshot().context.tick).toBeCloseTo(1.5);
		expect(where(actor)).toBe('a#1');
		actor.send({ type: 'playback.stepForward' });
		expect(actor.getSnapshot().context.tick).toBe(2);
		expect(where(actor)).toBe('a#1');
	});

	it('a pause after an arrival was due (its timer late on a busy machine) lands on that arrival', () => {
		const actor = start();
		actor.send(held('a').event);
		vi.advanceTimersByTime(1.5 * HOP);
		// The wall clock passes hop 1's arrival (tick 2), but its timer has not fired yet.
		vi.setSystemTime(Date.now() + 0.7 * HOP);
		expect(where(actor)).toBe('a#1');
		actor.send({ type: 'playback.pause' });
		// The packet had reached its node: the pause is at the arrival, so the step goes on from there.
		expect(actor.getSnapshot().context.tick).toBe(2);
		expect(where(actor)).toBe('a#1');
		actor.send({ type: 'playback.stepForward' });
		expect(where(actor)).toBe('a#2');
	});

	it('steps back past the start of a second request, and forward again', () => {
		const actor = start();
		actor.send(held('a').event);
		vi.advanceTimersByTime(1.5 * HOP);
		actor.send(held('b').event); // b starts at tick 1.5
		actor.send({ type: 'playback.pause' });
		expect(flights(actor.getSnapshot()).map((f) => f.traceId)).toEqual(['a', 'b']);
		actor.send({ type: 'playback.stepBack' }); // to tick 1: a's first arrival, before b was sent
		expect(actor.getSnapshot().context.tick).toBe(1);
		expect(where(actor)).toBe('a#0');
		expect(flights(actor.getSnapshot()).map((f) => f.traceId)).toEqual(['a']);
		actor.send({ type: 'playback.stepBack' }); // to the very start
		expect(where(actor)).toBeNull();
		expect(canStepBack(actor.getSnapshot())).toBe(false);
		actor.send({ type: 'playback.stepForward' });
		actor.send({ type: 'playback.stepForward' }); // tick 2: a's second arrival; b is halfway
		expect(where(actor)).toBe('a#1');
		expect(flights(actor.getSnapshot())).toMatchObject([
			{ traceId: 'a', progress: 1 },
			{ traceId: 'b', progress: 0.5 }
		]);
		actor.send({ type: 'playback.stepForward' }); // tick 2.5: b's first arrival
		expect(where(actor)).toBe('b#0');
	});

	it('releases a held request after four minutes and keeps the animation where it was', () => {
		const actor = start({ autoplay: false });
		const a = held('a');
		actor.send(a.event);
		actor.send({ type: 'playback.stepForward' });
		vi.advanceTimersByTime(RELEASE_AFTER_MS - 1);
		expect(a.delivered).toBe(0);
		expect(actor.getSnapshot().context.notice).toBeNull();
		vi.advanceTimersByTime(1);
		expect(a.delivered).toBe(1);
		const snapshot = actor.getSnapshot();
		expect(snapshot.context.notice).toBe(RELEASE_NOTICE);
		expect(snapshot.context.entries[0]).toMatchObject({ delivered: true, released: true });
		expect(where(actor)).toBe('a#0');
		expect(statusOf(snapshot)).toBe('paused');
		actor.send({ type: 'playback.play' });
		vi.advanceTimersByTime(10 * HOP);
		expect(statusOf(actor.getSnapshot())).toBe('done');
		expect(a.delivered).toBe(1);
		actor.send({ type: 'notice.dismiss' });
		expect(actor.getSnapshot().context.notice).toBeNull();
	});

	it('at instant speed jumps each trace to its end and delivers at once', () => {
		const actor = start({ speed: 'instant' });
		const a = held('a');
		actor.send(a.event);
		expect(statusOf(actor.getSnapshot())).toBe('done');
		expect(a.delivered).toBe(1);
		expect(where(actor)).toBe('a#3');
	});

	it('switching to instant while playing delivers everything in flight', () => {
		const actor = start();
		const a = held('a');
		const b = held('b');
		actor.send(a.event);
		actor.send(b.event);
		vi.advanceTimersByTime(HOP);
		actor.send({ type: 'playback.speed', speed: 'instant' });
		expect(statusOf(actor.getSnapshot())).toBe('done');
		expect([a.delivered, b.delivered]).toEqual([1, 1]);
	});

	it('switching to instant while paused delivers what is held', () => {
		const actor = start({ autoplay: false });
		const a = held('a');
		actor.send(a.event);
		actor.send({ type: 'playback.stepForward' });
		actor.send({ type: 'playback.speed', speed: 'instant' });
		expect(statusOf(actor.getSnapshot())).toBe('done');
		expect(a.delivered).toBe(1);
	});

	it('restarts from the first hop without delivering twice', () => {
		const actor = start();
		const a = held('a');
		actor.send(a.event);
		vi.advanceTimersByTime(4 * HOP);
		actor.send({ type: 'playback.restart' });
		expect(statusOf(actor.getSnapshot())).toBe('playing');
		expect(actor.getSnapshot().context.tick).toBe(0);
		vi.advanceTimersByTime(4 * HOP);
		expect(statusOf(actor.getSnapshot())).toBe('done');
		expect(a.delivered).toBe(1);
	});

	it('clearing hands every held response to the page and returns to idle', () => {
		const actor = start({ autoplay: false });
		const a = held('a');
		actor.send(a.event);
		actor.send({ type: 'playback.clear' });
		expect(statusOf(actor.getSnapshot())).toBe('idle');
		expect(a.delivered).toBe(1);
		expect(actor.getSnapshot().children).toEqual({});
	});

	it('delivers a trace it already has at once instead of playing it twice', () => {
		const actor = start({ autoplay: false });
		const a = held('a');
		actor.send(a.event);
		actor.send(a.event);
		expect(a.delivered).toBe(1);
		expect(actor.getSnapshot().context.entries).toHaveLength(1);
	});

	it('delivers a trace without hops at once', () => {
		const actor = start({ autoplay: false });
		const empty = held('empty', ['browser']);
		actor.send(empty.event);
		expect(empty.delivered).toBe(1);
		expect(statusOf(actor.getSnapshot())).toBe('done');
	});
});
