/**
 * The player under load: a bounded number of requests whatever came before, held responses always
 * released within four minutes of the page's `fetch`, and a play clock that keeps wall time when
 * its timers fire late.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import type { NodeId } from '$lib/sim/types';
import { EVICTED_NOTICE, playerMachine, type PlayerInput } from './player.machine';
import { currentOf, statusOf, tracesOf } from './player.selectors';
import { presentOn } from './presenter';
import { RELEASE_AFTER_MS } from './request.machine';
import { ARCHIVE_LIMIT, KEEP_FINISHED, MAX_REQUESTS } from './retention';
import { HOP_DURATION_MS } from './speed';
import { SHORT_PATH, makeTrace } from './testing';
import { publishTrace } from './trace-bus';

const HOP = HOP_DURATION_MS.normal;

function start(input: PlayerInput = {}) {
	const actor = createActor(playerMachine, { input: { now: () => Date.now(), ...input } });
	actor.start();
	return actor;
}

/** A path of `n` hops, out through the stack and back to the browser. */
function longPath(n: number): NodeId[] {
	const out: NodeId[] = ['browser', 'web-server', 'app-server', 'middleware', 'view'];
	const path: NodeId[] = ['browser'];
	while (path.length < n) path.push(out[path.length % 4 === 0 ? 4 : path.length % 4]);
	path.push('browser');
	return path;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the player under load', () => {
	it('keeps a bounded number of requests and actors, however many came before', () => {
		const actor = start({ speed: 'instant' });
		let delivered = 0;
		for (let i = 0; i < 2000; i++)
			actor.send({
				type: 'trace.add',
				trace: makeTrace(`t${i}`, SHORT_PATH),
				deliver: () => void delivered++
			});
		const { context, children } = actor.getSnapshot();
		expect(delivered).toBe(2000);
		expect(context.entries.length).toBeLessThanOrEqual(KEEP_FINISHED + 1);
		expect(Object.keys(children).length).toBeLessThanOrEqual(1);
		expect(context.archive).toHaveLength(ARCHIVE_LIMIT);
		expect(context.evicted).toBe(2000 - context.entries.length);
		// The newest are still in the player; stepping back walks through them.
		expect(tracesOf(actor.getSnapshot()).at(-1)?.id).toBe('t1999');
		expect(context.notice).toBeNull();
	}, 60_000);

	it('brings back a request that left the player when the student opens it (History)', () => {
		const actor = start({ speed: 'instant' });
		for (let i = 0; i < 100; i++)
			actor.send({ type: 'trace.add', trace: makeTrace(`t${i}`, SHORT_PATH) });
		expect(actor.getSnapshot().context.entries.some((e) => e.trace.id === 't10')).toBe(false);
		actor.send({ type: 'playback.goto', traceId: 't10', index: 1 });
		const c = currentOf(actor.getSnapshot());
		expect(`${c?.trace.id}#${c?.hop.index}`).toBe('t10#1');
		expect(statusOf(actor.getSnapshot())).toBe('paused');
		actor.send({ type: 'playback.stepForward' });
		expect(currentOf(actor.getSnapshot())?.hop.index).toBe(2);
		expect(actor.getSnapshot().context.entries.length).toBeLessThanOrEqual(KEEP_FINISHED + 1);
	});

	it('lets the oldest held requests go, answered, past the limit the student can watch', () => {
		const actor = start({ autoplay: false });
		const delivered = new Set<string>();
		for (let i = 0; i < MAX_REQUESTS + 20; i++)
			actor.send({
				type: 'trace.add',
				trace: makeTrace(`t${i}`, SHORT_PATH),
				deliver: () => void delivered.add(`t${i}`)
			});
		const { context } = actor.getSnapshot();
		expect(context.entries).toHaveLength(MAX_REQUESTS);
		expect([...delivered].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `t${i}`).sort());
		expect(context.notice).toBe(EVICTED_NOTICE);
	});
});

describe('the safety release', () => {
	it('is timed from when the page sent the request, not from when the trace reached the player', () => {
		const actor = start({ autoplay: false });
		const sentAt = Date.now();
		// The stack took 100 s to answer (a long queue of requests before this one).
		vi.advanceTimersByTime(100_000);
		let deliveredAt: number | null = null;
		actor.send({
			type: 'trace.add',
			trace: makeTrace('late', SHORT_PATH),
			receivedAt: sentAt,
			deliver: () => void (deliveredAt = Date.now())
		});
		vi.advanceTimersByTime(RELEASE_AFTER_MS - 100_000 - 1);
		expect(deliveredAt).toBeNull();
		vi.advanceTimersByTime(1);
		expect(deliveredAt).toBe(sentAt + RELEASE_AFTER_MS);
	});

	it('answers all of 400 concurrent fetches within four minutes of the fetch', async () => {
		const player = start({ autoplay: false });
		const disconnect = presentOn(player);
		const sentAt = Date.now();
		const late: number[] = [];
		const answers: Promise<void>[] = [];
		// All 400 fetched at once; the stack answers one every 250 ms, so the last trace reaches
		// the player 100 s later. The student is paused at the start.
		for (let i = 0; i < 400; i++) {
			const answer = publishTrace(makeTrace(`c${i}`, longPath(26)), { receivedAt: sentAt }).then(
				() => {
					const waited = Date.now() - sentAt;
					if (waited > RELEASE_AFTER_MS) late.push(waited);
				}
			);
			answers.push(answer);
			await vi.advanceTimersByTimeAsync(250);
		}
		await vi.advanceTimersByTimeAsync(RELEASE_AFTER_MS - 100_000);
		let settled = 0;
		answers.forEach((a) => a.then(() => settled++));
		await vi.advanceTimersByTimeAsync(0);
		expect(settled).toBe(400);
		expect(late).toEqual([]);
		disconnect();
		player.stop();
	});
});

describe('the play clock', () => {
	it('keeps wall time when each arrival is handled late (a busy machine)', () => {
		const actor = start();
		const hops = 20;
		actor.send({ type: 'trace.add', trace: makeTrace('slow-machine', longPath(hops)) });
		const t0 = Date.now();
		// Each timer fires on time, then the page is busy for 150 ms (a long frame) before the next.
		while (statusOf(actor.getSnapshot()) === 'playing') {
			vi.advanceTimersToNextTimer();
			vi.setSystemTime(Date.now() + 150);
		}
		const elapsed = Date.now() - t0;
		expect(statusOf(actor.getSnapshot())).toBe('done');
		// Without drift: 20 hops at 700 ms, plus the last timer's lateness and the busy spell after it
		// (re-anchoring at every late arrival would take 20 × 850 ms).
		expect(elapsed).toBeLessThanOrEqual(hops * HOP + 2 * 150);
	});

	it('does not move a packet ahead of the clock when a timer fires late', () => {
		const actor = start();
		actor.send({ type: 'trace.add', trace: makeTrace('a', longPath(6)) });
		vi.setSystemTime(Date.now() + HOP / 2); // blocked for half a hop: the first timer is late
		vi.advanceTimersToNextTimer();
		const { context } = actor.getSnapshot();
		expect(context.tick).toBe(1);
		// The first arrival was due half a hop ago: the clock reads 1.5 now.
		expect((Date.now() - context.tickAt) / HOP).toBeCloseTo(0.5);
		vi.advanceTimersByTime(HOP / 2);
		expect(actor.getSnapshot().context.tick).toBe(2);
	});
});
