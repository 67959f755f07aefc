/**
 * The player's clock and its merged timeline: pure arithmetic, no XState, no DOM.
 *
 * Time is counted on a *play clock* in **ticks**; one tick is one hop's travel. The clock runs only
 * while playing, at `HOP_DURATION_MS[speed]` wall-clock milliseconds per tick, so a speed change
 * never moves a packet: it only changes how fast the clock runs from then on.
 *
 * A trace is *added* at the play clock's value at that moment, its `startTick` (the clock stops
 * when everything has arrived, so a request sent later starts where the last one ended, and one
 * sent while the student is paused in the middle starts at the current position). Hop `i` of a
 * trace travels during the ticks `(startTick + i, startTick + i + 1]` and **arrives** at
 * `startTick + i + 1`. Several requests in flight therefore move together, each on its own hops.
 *
 * **The merged timeline** is every hop of every trace, ordered by arrival tick, ties broken by the
 * order the traces were added, then by hop index. The player's position is one clock value `tick`:
 * - a hop has *arrived* when its arrival tick ≤ `tick`;
 * - stepping forward moves `tick` to the next arrival tick after it, stepping back to the previous
 *   arrival tick before it, or to the very start (the first trace's `startTick`) when none is left;
 * - `goto(trace, i)` moves `tick` to that hop's arrival tick.
 * So stepping back past the start of a second request removes its packet from the picture (it has
 * not been sent yet at that position), and stepping forward again brings it back.
 */
import type { Hop, Trace } from '$lib/sim/types';

/** Ticks are sums of fractions; compare them with a little slack. */
export const EPSILON = 1e-6;

export interface ClockedTrace {
	readonly trace: Trace;
	readonly startTick: number;
}

export interface TimelineEntry {
	traceId: string;
	index: number;
	/** Arrival tick of this hop. */
	tick: number;
}

export const arrivalTick = (t: ClockedTrace, index: number) => t.startTick + index + 1;
export const endTick = (t: ClockedTrace) => t.startTick + t.trace.hops.length;

/** How many hops of this trace have arrived at `tick`. */
export function arrivedCount(t: ClockedTrace, tick: number): number {
	const n = Math.floor(tick - t.startTick + EPSILON);
	return Math.max(0, Math.min(t.trace.hops.length, n));
}

/**
 * The hop this trace is travelling at `tick`, or has just arrived with (exactly at its arrival
 * tick); `-1` before its first hop leaves or after its last arrived.
 */
export function hopIndexAt(t: ClockedTrace, tick: number): number {
	const i = Math.ceil(tick - t.startTick - EPSILON) - 1;
	return i >= 0 && i < t.trace.hops.length ? i : -1;
}

/** Every hop of every trace in arrival order (for the timeline list). */
export function mergedTimeline(traces: readonly ClockedTrace[]): TimelineEntry[] {
	const entries: (TimelineEntry & { order: number })[] = [];
	traces.forEach((t, order) =>
		t.trace.hops.forEach((_, index) =>
			entries.push({ traceId: t.trace.id, index, tick: arrivalTick(t, index), order })
		)
	);
	entries.sort((a, b) =>
		Math.abs(a.tick - b.tick) > EPSILON ? a.tick - b.tick : a.order - b.order || a.index - b.index
	);
	return entries.map(({ traceId, index, tick }) => ({ traceId, index, tick }));
}

export function firstTick(traces: readonly ClockedTrace[]): number {
	return traces.length ? Math.min(...traces.map((t) => t.startTick)) : 0;
}

export function lastTick(traces: readonly ClockedTrace[]): number {
	return traces.length ? Math.max(...traces.map(endTick)) : 0;
}

/** The first arrival strictly after `tick`, or `null` when everything has arrived. */
export function nextArrival(traces: readonly ClockedTrace[], tick: number): number | null {
	let best: number | null = null;
	for (const t of traces) {
		const arrived = Math.floor(tick - t.startTick + EPSILON);
		const index = Math.max(0, arrived);
		if (index >= t.trace.hops.length) continue;
		const at = arrivalTick(t, index);
		if (best === null || at < best) best = at;
	}
	return best;
}

/** The last arrival strictly before `tick`, else the start of the first trace, else `null`. */
export function previousStop(traces: readonly ClockedTrace[], tick: number): number | null {
	let best: number | null = null;
	for (const t of traces) {
		// The last hop whose arrival tick is < tick - EPSILON.
		const index = Math.min(t.trace.hops.length, Math.ceil(tick - t.startTick - EPSILON) - 1) - 1;
		if (index < 0) continue;
		const at = arrivalTick(t, index);
		if (best === null || at > best) best = at;
	}
	if (best !== null) return best;
	const start = firstTick(traces);
	return traces.length && start < tick - EPSILON ? start : null;
}

/** The hops arriving exactly at `tick` (what a breakpoint or the narration looks at). */
export function arrivalsAt(
	traces: readonly ClockedTrace[],
	tick: number
): { trace: Trace; hop: Hop }[] {
	const found: { trace: Trace; hop: Hop }[] = [];
	for (const t of traces) {
		const index = Math.round(tick - t.startTick) - 1;
		if (index < 0 || index >= t.trace.hops.length) continue;
		if (Math.abs(arrivalTick(t, index) - tick) < EPSILON)
			found.push({ trace: t.trace, hop: t.trace.hops[index] });
	}
	return found;
}

/**
 * The hop the student is looking at: a hop arriving exactly at `tick` (where stepping stops), else
 * of the hops travelling at `tick` the one that left last; `null` before anything has left.
 */
export function currentHop(
	traces: readonly ClockedTrace[],
	tick: number
): { trace: Trace; hop: Hop } | null {
	const arriving = arrivalsAt(traces, tick);
	if (arriving.length) return arriving[arriving.length - 1];
	let best: { trace: Trace; hop: Hop; departs: number } | null = null;
	for (const t of traces) {
		const index = hopIndexAt(t, tick);
		if (index < 0) continue;
		const departs = t.startTick + index;
		if (!best || departs >= best.departs)
			best = { trace: t.trace, hop: t.trace.hops[index], departs };
	}
	return best && { trace: best.trace, hop: best.hop };
}

/** Where a trace's packet is at `tick`, or `null` when it is not on the diagram. */
export function packetAt(
	t: ClockedTrace,
	tick: number
): { index: number; progress: number } | null {
	const hops = t.trace.hops.length;
	if (hops === 0 || tick < t.startTick - EPSILON || tick > endTick(t) + EPSILON) return null;
	const index = Math.max(0, hopIndexAt(t, tick));
	const progress = Math.max(0, Math.min(1, tick - t.startTick - index));
	return { index, progress };
}

/** Where the response is delivered: after the last hop that reaches the browser. */
export function deliveryCount(trace: Trace): number {
	for (let i = trace.hops.length - 1; i >= 0; i--) if (trace.hops[i].to === 'browser') return i + 1;
	return trace.hops.length;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Whether `next` is the request a browser sends to follow the redirect `previous` answered. */
export function followsRedirect(previous: Trace, next: Trace): boolean {
	if (!REDIRECTS.has(previous.status)) return false;
	const location = previous.response.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
	if (location === undefined) return false;
	try {
		const target = new URL(location, previous.url);
		const url = new URL(next.url);
		target.hash = url.hash = '';
		return target.href === url.href;
	} catch {
		return false;
	}
}

/** A redirect whose last hop reached the browser exactly at `tick`, which `next` follows. */
export function isRedirectFollowUp(
	traces: readonly ClockedTrace[],
	tick: number,
	next: Trace
): boolean {
	return traces.some(
		(t) => Math.abs(endTick(t) - tick) < EPSILON && followsRedirect(t.trace, next)
	);
}
