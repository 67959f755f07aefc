/**
 * How many requests the player keeps, so that the cost of the next request stays flat however
 * many came before (pure arithmetic, no XState).
 *
 * A request is *finished* when its response was delivered and the play clock has passed its last
 * hop. The player keeps the newest `KEEP_FINISHED` finished requests (enough to step back through
 * a redirect chain or a lesson's few requests) and at most `MAX_REQUESTS` requests in all; the
 * rest leave the player for a bounded archive of traces, from which `goto` (History's "Show in
 * player") brings one back. Past `MAX_REQUESTS` the oldest requests leave even while held: the
 * student cannot watch that many at once, so their responses go to the page at once.
 */
import type { Trace } from '$lib/sim/types';
import { EPSILON, endTick, type ClockedTrace } from './timeline';

export const KEEP_FINISHED = 20;
export const MAX_REQUESTS = 100;
/** Traces kept for "Show in player" after they left the player (History lists 50 requests). */
export const ARCHIVE_LIMIT = 200;

export interface RetainedEntry extends ClockedTrace {
	readonly delivered: boolean;
}

export function isFinished(entry: RetainedEntry, tick: number): boolean {
	return entry.delivered && tick >= endTick(entry) - EPSILON;
}

/**
 * Splits `entries` (oldest first) into the ones the player keeps and the ones that leave it, both
 * in their original order. O(entries).
 */
export function retain<E extends RetainedEntry>(
	entries: readonly E[],
	tick: number
): { kept: E[]; evicted: E[] } {
	let finished = 0;
	for (const e of entries) if (isFinished(e, tick)) finished++;
	let dropFinished = Math.max(0, finished - KEEP_FINISHED);
	let dropAny = Math.max(0, entries.length - dropFinished - MAX_REQUESTS);
	if (dropFinished === 0 && dropAny === 0) return { kept: [...entries], evicted: [] };
	const kept: E[] = [];
	const evicted: E[] = [];
	for (const e of entries) {
		if (dropFinished > 0 && isFinished(e, tick)) {
			dropFinished--;
			evicted.push(e);
		} else if (dropAny > 0) {
			dropAny--;
			evicted.push(e);
		} else kept.push(e);
	}
	return { kept, evicted };
}

/** Adds traces to the archive, newest last, keeping at most `ARCHIVE_LIMIT`. */
export function archived(archive: readonly Trace[], traces: readonly Trace[]): Trace[] {
	const next = [...archive, ...traces];
	return next.length > ARCHIVE_LIMIT ? next.slice(next.length - ARCHIVE_LIMIT) : next;
}
