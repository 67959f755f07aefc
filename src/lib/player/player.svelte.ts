/**
 * The player machine for Svelte: one actor, its snapshot in `$state.raw`, and the controller that
 * hosts (a lesson page, the embed's postMessage API) use to drive it.
 *
 * Create it inside a component (it lives as long as the component): `createPlayer()` starts the
 * actor and, with `present: true`, makes it the page's presenter, so every real `fetch` to the
 * simulated site is animated and held until its response reaches the browser. `destroy()` hands
 * any held responses to the page and stops the actor.
 */
import { createActor } from 'xstate';
import type { Hop, NodeId, Trace } from '$lib/sim/types';
import { playerMachine, type PlayerInput } from '$lib/flow/player.machine';
import {
	currentOf,
	statusOf,
	type PlayerSnapshot,
	type PlayerStatus
} from '$lib/flow/player.selectors';
import type { DetailLevel } from '$lib/flow/detail-level';
import { presentOn } from '$lib/flow/presenter';
import type { Speed } from '$lib/flow/speed';

/** What a host hears each time the hop in view changes. */
export interface HopChange {
	trace: Trace | null;
	hop: Hop | null;
	status: PlayerStatus;
	/** The level of detail the traces are shown at (`hop.index` counts the hops shown there). */
	level: DetailLevel;
}

/** Drives a player from outside: lesson pages, embeds, tests. */
export interface PlayerController {
	play(): void;
	pause(): void;
	stepForward(): void;
	stepBack(): void;
	/** Shows hop `index` of the trace `traceId` (pauses there). */
	goto(traceId: string, index: number): void;
	restart(): void;
	setSpeed(speed: Speed): void;
	setBreakpoints(nodes: readonly NodeId[]): void;
	/** Shows the traces at another level of detail, at the same moment of the request in view. */
	setDetail(level: DetailLevel): void;
	/** Plays a trace that did not come from a fetch (a recorded one, a lesson's example). */
	add(trace: Trace): Promise<void>;
	/** Forgets every trace (delivering any held response first). */
	clear(): void;
	/** Calls `listener` now and whenever the hop in view or the status changes. */
	onHop(listener: (change: HopChange) => void): () => void;
}

export interface PlayerOptions extends PlayerInput {
	/** Make this player the page's presenter: fetches to the simulated site play on it. */
	present?: boolean;
}

export function createPlayer(options: PlayerOptions = {}) {
	const { present = true, ...input } = options;
	const actor = createActor(playerMachine, { input });
	let snapshot = $state.raw<PlayerSnapshot>(actor.getSnapshot());
	// Listeners are callbacks, not state the UI reads.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const listeners = new Set<(change: HopChange) => void>();
	let lastKey = '';

	const change = (s: PlayerSnapshot): HopChange => {
		const c = currentOf(s);
		return {
			trace: c?.trace ?? null,
			hop: c?.hop ?? null,
			status: statusOf(s),
			level: s.context.detail
		};
	};

	const subscription = actor.subscribe((next) => {
		snapshot = next;
		const c = change(next);
		const key = `${c.trace?.id}#${c.hop?.index}#${c.status}`;
		if (key === lastKey) return;
		lastKey = key;
		for (const listener of listeners) listener(c);
	});
	actor.start();
	const disconnect = present ? presentOn(actor) : () => {};

	const controller: PlayerController = {
		play: () => actor.send({ type: 'playback.play' }),
		pause: () => actor.send({ type: 'playback.pause' }),
		stepForward: () => actor.send({ type: 'playback.stepForward' }),
		stepBack: () => actor.send({ type: 'playback.stepBack' }),
		goto: (traceId, index) => actor.send({ type: 'playback.goto', traceId, index }),
		restart: () => actor.send({ type: 'playback.restart' }),
		setSpeed: (speed) => actor.send({ type: 'playback.speed', speed }),
		setBreakpoints: (nodes) => actor.send({ type: 'breakpoints.set', nodes }),
		setDetail: (detail) => actor.send({ type: 'detail.set', detail }),
		add: (trace) =>
			new Promise<void>((resolve) => actor.send({ type: 'trace.add', trace, deliver: resolve })),
		clear: () => actor.send({ type: 'playback.clear' }),
		onHop(listener) {
			listeners.add(listener);
			listener(change(actor.getSnapshot()));
			return () => listeners.delete(listener);
		}
	};

	return {
		get snapshot() {
			return snapshot;
		},
		actor,
		controller,
		dismissNotice: () => actor.send({ type: 'notice.dismiss' }),
		destroy() {
			disconnect();
			actor.send({ type: 'playback.clear' });
			subscription.unsubscribe();
			actor.stop();
			listeners.clear();
		}
	};
}

export type PlayerHandle = ReturnType<typeof createPlayer>;
