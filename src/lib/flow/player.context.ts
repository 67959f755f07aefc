/**
 * The player machine's context, input and events, and the clock reading, apart from the machine
 * so the view layer can import the types without the statechart.
 */
import type { ActorRefFrom } from 'xstate';
import type { NodeId, Trace } from '$lib/sim/types';
import type { RequestReport, requestMachine } from './request.machine';
import { HOP_DURATION_MS, type Speed } from './speed';
import type { ClockedTrace } from './timeline';

export const RELEASE_NOTICE =
	'The browser would give up waiting after 5 minutes, so the response was handed to the page now; the animation stays where you left it.';

export const EVICTED_NOTICE =
	'More requests came at once than the player can show, so the oldest were handed to the page without their animation; History still lists them.';

export interface PlayerEntry extends ClockedTrace {
	/** The request actor while the response is held; `null` once it was delivered. */
	ref: ActorRefFrom<typeof requestMachine> | null;
	deliver: () => void;
	delivered: boolean;
	released: boolean;
}

export interface PlayerContext {
	/** The requests in the player, in the order they were added (bounded: see `retention.ts`). */
	entries: PlayerEntry[];
	/** Traces that left the player, newest last, so `goto` can bring one back (bounded). */
	archive: Trace[];
	/** How many requests have left the player since it was last cleared. */
	evicted: number;
	/**
	 * The play clock, read at wall time `tickAt` (ms, on `now()`'s scale). While playing, `tickAt`
	 * is when the clock *should* have read `tick`, not when a timer fired: a late timer shortens the
	 * next wait instead of slowing the clock.
	 */
	tick: number;
	tickAt: number;
	/** The student moved by stepping (or goto) since playback last ran. */
	stepped: boolean;
	speed: Speed;
	breakpoints: readonly NodeId[];
	autoplay: boolean;
	/** A message the page should show (the safety release), until dismissed. */
	notice: string | null;
	now: () => number;
}

export interface PlayerInput {
	speed?: Speed;
	breakpoints?: readonly NodeId[];
	autoplay?: boolean;
	/** The wall clock; `performance.now()` by default, the same scale as rAF timestamps. */
	now?: () => number;
}

export type PlayerEvent =
	| {
			type: 'trace.add';
			trace: Trace;
			deliver?: () => void;
			/** When the page's request reached the simulation (`now()`'s scale): times the release. */
			receivedAt?: number;
	  }
	| { type: 'playback.play' }
	| { type: 'playback.pause' }
	| { type: 'playback.stepForward' }
	| { type: 'playback.stepBack' }
	| { type: 'playback.goto'; traceId: string; index: number }
	| { type: 'playback.restart' }
	| { type: 'playback.clear' }
	| { type: 'playback.speed'; speed: Speed }
	| { type: 'breakpoints.set'; nodes: readonly NodeId[] }
	| { type: 'notice.dismiss' }
	| RequestReport;

/** The play clock now, without changing anything (the clock runs only while playing). */
export const clockNow = (context: PlayerContext, running: boolean) =>
	running && HOP_DURATION_MS[context.speed] > 0
		? context.tick + (context.now() - context.tickAt) / HOP_DURATION_MS[context.speed]
		: context.tick;
