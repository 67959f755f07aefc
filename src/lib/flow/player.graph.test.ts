/**
 * Walks the player's state graph with `xstate/graph`: from every reachable state, the player can
 * get back to `idle` (a host can always clear it) and can restart playing when it holds traces.
 */
import { describe, expect, it } from 'vitest';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { transition, type EventFromLogic, type SnapshotFrom } from 'xstate';
import { playerMachine } from './player.machine';
import { SHORT_PATH, makeTrace } from './testing';

type Snapshot = SnapshotFrom<typeof playerMachine>;
type Event = EventFromLogic<typeof playerMachine>;

const a = makeTrace('a', SHORT_PATH);
const b = makeTrace('b', ['browser', 'web-server', 'browser']);
const arrival: Event = { type: 'xstate.after.untilNextArrival.player.playing' } as unknown as Event;

const events: Event[] = [
	{ type: 'trace.add', trace: a },
	{ type: 'trace.add', trace: b },
	{ type: 'playback.play' },
	{ type: 'playback.pause' },
	{ type: 'playback.stepForward' },
	{ type: 'playback.stepBack' },
	{ type: 'playback.goto', traceId: 'a', index: 1 },
	{ type: 'playback.restart' },
	{ type: 'playback.speed', speed: 'instant' },
	{ type: 'playback.speed', speed: 'normal' },
	{ type: 'breakpoints.set', nodes: ['app-server'] },
	{ type: 'breakpoints.set', nodes: [] },
	{ type: 'playback.clear' },
	arrival
];

/** A state is its name plus what matters for where it can go: traces, position, speed, breakpoints. */
function serializeState(snapshot: Snapshot): string {
	const c = snapshot.context;
	const ids = c.entries.map((e) => `${e.trace.id}@${e.startTick}`).join(',');
	return `${String(snapshot.value)}|${ids}|${c.tick}|${c.speed}|${c.breakpoints.join(',')}`;
}

// A frozen wall clock: time moves only by the arrival event, so the graph is finite.
const input = { now: () => 0 };

describe('the player state graph', () => {
	const paths = getShortestPaths(playerMachine, {
		events,
		input,
		serializeState,
		serializeEvent: (e) => JSON.stringify(e, (k, v) => (k === 'trace' ? v.id : v))
	});
	const reached = paths.map((p) => p.state);

	it('reaches every state of the player', () => {
		const names = new Set(reached.map((s) => String(s.value)));
		expect([...names].sort()).toEqual(['done', 'idle', 'paused', 'playing']);
		expect(reached.length).toBeGreaterThan(40);
	});

	it('can get back to idle from every reachable state', () => {
		const adjacency = getAdjacencyMap(playerMachine, { events, input, serializeState });
		// Walk the edges backwards from the idle states: every state must be reached.
		const into = new Map<string, string[]>();
		for (const [from, { transitions }] of Object.entries(adjacency))
			for (const { state } of Object.values(transitions) as { state: Snapshot }[]) {
				const to = serializeState(state);
				into.set(to, [...(into.get(to) ?? []), from]);
			}
		const canReachIdle = new Set(Object.keys(adjacency).filter((k) => k.startsWith('idle|')));
		const queue = [...canReachIdle];
		while (queue.length) {
			for (const from of into.get(queue.pop()!) ?? []) {
				if (canReachIdle.has(from)) continue;
				canReachIdle.add(from);
				queue.push(from);
			}
		}
		const stuck = Object.keys(adjacency).filter((k) => !canReachIdle.has(k));
		expect(Object.keys(adjacency).length).toBe(reached.length);
		expect(stuck).toEqual([]);
	});

	it('can play again from every state that holds traces', () => {
		for (const state of reached.filter((s) => s.context.entries.length > 0)) {
			const [next] = transition(playerMachine, state, { type: 'playback.restart' });
			expect(['playing', 'done']).toContain(String(next.value));
		}
	});
});
