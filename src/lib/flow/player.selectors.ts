/**
 * Read-only views of a player snapshot, for the UI and for hosts (lessons, embeds): status, the
 * current hop, the packets in flight and how to move them between snapshots.
 *
 * While playing, the snapshot only changes when a hop arrives. Each packet carries when its hop
 * left (`startedAt`, on the machine's `now()` scale — `performance.now()` in the browser, the same
 * as `requestAnimationFrame` timestamps) and how long it lasts, so the view interpolates.
 */
import type { SnapshotFrom } from 'xstate';
import type { Hop, Trace } from '$lib/sim/types';
import type { playerMachine } from './player.machine';
import { HOP_DURATION_MS } from './speed';
import {
	EPSILON,
	currentHop,
	mergedTimeline,
	nextArrival,
	packetAt,
	previousStop,
	type TimelineEntry
} from './timeline';

export type PlayerSnapshot = SnapshotFrom<typeof playerMachine>;
export type PlayerStatus = 'idle' | 'playing' | 'paused' | 'done';

export function statusOf(snapshot: PlayerSnapshot): PlayerStatus {
	return snapshot.value as PlayerStatus;
}

/**
 * Between arrivals the clock has passed `tick`: the hops that matter are the ones that left at
 * `tick`, so playing views look a hair later than the stored reading.
 */
function viewTick(snapshot: PlayerSnapshot): number {
	return snapshot.context.tick + (statusOf(snapshot) === 'playing' ? 2 * EPSILON : 0);
}

export interface Flight {
	traceId: string;
	trace: Trace;
	hop: Hop;
	/** Wall time this hop left, while playing; `null` while the clock stands still. */
	startedAt: number | null;
	/** How long the hop lasts at the current speed (ms). */
	durationMs: number;
	/** Progress along the edge (0..1) at the snapshot's moment. */
	progress: number;
	delivered: boolean;
}

/**
 * One packet per request on the diagram. A request that has not left yet (waiting at its first
 * node) is not drawn while another request's packet has just arrived at that node: the browser
 * following a redirect shows the redirect arrive first, and the new request appears as it leaves.
 */
export function flights(snapshot: PlayerSnapshot): Flight[] {
	const { context } = snapshot;
	const playing = statusOf(snapshot) === 'playing';
	const tick = viewTick(snapshot);
	const durationMs = HOP_DURATION_MS[context.speed];
	const result: Flight[] = [];
	for (const entry of context.entries) {
		const at = packetAt(entry, tick);
		if (!at) continue;
		const departs = entry.startTick + at.index;
		const flight: Flight = {
			traceId: entry.trace.id,
			trace: entry.trace,
			hop: entry.trace.hops[at.index],
			startedAt: playing ? context.tickAt + (departs - context.tick) * durationMs : null,
			durationMs,
			progress: playing ? Math.max(0, context.tick - departs) : at.progress,
			delivered: entry.delivered
		};
		result.push(flight);
	}
	const waiting = (f: Flight) => !playing && f.hop.index === 0 && f.progress === 0;
	return result.filter(
		(f) =>
			!waiting(f) || !result.some((o) => !waiting(o) && o.progress >= 1 && o.hop.to === f.hop.from)
	);
}

/** A packet's progress at wall time `now` (a rAF timestamp). */
export function progressAt(flight: Flight, now: number): number {
	if (flight.startedAt === null || flight.durationMs <= 0) return flight.progress;
	return Math.max(0, Math.min(1, (now - flight.startedAt) / flight.durationMs));
}

/**
 * The hop the inspector, narration and timeline show. Paused, it is the merged timeline's hop at
 * the position (`currentHop`). Playing, it follows one request — the newest still on the diagram —
 * so that with many requests in flight the text does not jump between them at every arrival.
 */
export function currentOf(snapshot: PlayerSnapshot): { trace: Trace; hop: Hop } | null {
	const tick = viewTick(snapshot);
	const entries = snapshot.context.entries;
	if (statusOf(snapshot) === 'playing') {
		for (let i = entries.length - 1; i >= 0; i--) {
			const at = packetAt(entries[i], tick);
			if (at) return { trace: entries[i].trace, hop: entries[i].trace.hops[at.index] };
		}
	}
	return currentHop(entries, tick);
}

export function canStepForward(snapshot: PlayerSnapshot): boolean {
	return nextArrival(snapshot.context.entries, viewTick(snapshot)) !== null;
}

export function canStepBack(snapshot: PlayerSnapshot): boolean {
	return previousStop(snapshot.context.entries, viewTick(snapshot)) !== null;
}

export function tracesOf(snapshot: PlayerSnapshot): Trace[] {
	return snapshot.context.entries.map((e) => e.trace);
}

export function timelineOf(snapshot: PlayerSnapshot): TimelineEntry[] {
	return mergedTimeline(snapshot.context.entries);
}
