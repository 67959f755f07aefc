/**
 * The player: plays traces on the diagram, one spawned request actor per trace.
 *
 * States: `idle` (no traces), `playing` (the play clock runs), `paused`, `done` (everything has
 * arrived). The machine owns time and position; see `timeline.ts` for the play clock and the
 * merged timeline that stepping walks. It never sends an event per animation frame: it keeps the
 * clock reading (`tick` at wall time `tickAt`) and the view interpolates packets from it
 * (`player.selectors.ts`). A delayed transition fires at each hop arrival, which is when packets
 * change hop, breakpoints pause and responses are delivered.
 *
 * Speeds: the clock runs at `HOP_DURATION_MS[speed]` per hop; `instant` plays no animation: the
 * position jumps to the end and every held response is delivered at once.
 *
 * The play clock keeps wall time: each arrival is scheduled from when the previous one was due,
 * not from when its timer fired, so a busy machine catches up instead of playing slower.
 *
 * Cost: the player keeps a bounded number of requests (`retention.ts`); a delivered request's
 * actor is stopped. Every step's work is proportional to the requests still in the player.
 */
import { assign, enqueueActions, setup, type ActorRefFrom } from 'xstate';
import {
	EVICTED_NOTICE,
	RELEASE_NOTICE,
	clockNow,
	type PlayerContext,
	type PlayerEntry,
	type PlayerEvent,
	type PlayerInput
} from './player.context';
import { RELEASE_AFTER_MS, requestMachine } from './request.machine';
import { archived, retain } from './retention';
import { DEFAULT_SPEED, HOP_DURATION_MS } from './speed';
import {
	EPSILON,
	arrivalTick,
	arrivalsAt,
	firstTick,
	isRedirectFollowUp,
	lastTick,
	nextArrival,
	previousStop
} from './timeline';

export { EVICTED_NOTICE, RELEASE_NOTICE, type PlayerContext, type PlayerEvent, type PlayerInput };

const noop = () => {};

/** How every state takes a trace first: a known one is delivered, at `instant` it jumps to the end. */
const addFirst = [
	{ guard: 'isKnownTrace', actions: 'deliverDuplicate' },
	{
		guard: 'isInstant',
		target: 'done',
		actions: ['addTrace', 'jumpToEnd', 'syncRequests', 'evictOld']
	}
] as const;

export const playerMachine = setup({
	types: {
		context: {} as PlayerContext,
		input: {} as PlayerInput,
		events: {} as PlayerEvent
	},
	actors: { request: requestMachine },
	actions: {
		/** Playback starts (from paused, done or idle): the clock runs from now. */
		startClock: assign({ tickAt: ({ context }) => context.now(), stepped: false }),
		/**
		 * The clock's reading now, kept as the new anchor. It never passes the next arrival, which
		 * its own timer handles; `tickAt` stays on the wall-time schedule.
		 */
		freezeClock: assign(({ context }) => {
			const duration = HOP_DURATION_MS[context.speed];
			const cap = nextArrival(context.entries, context.tick) ?? lastTick(context.entries);
			const tick = Math.max(context.tick, Math.min(clockNow(context, true), cap));
			return {
				tick,
				tickAt: duration > 0 ? context.tickAt + (tick - context.tick) * duration : context.now()
			};
		}),
		addTrace: assign({
			entries: ({ context, event, spawn }) => {
				if (event.type !== 'trace.add') return context.entries;
				const deliver = event.deliver ?? noop;
				const waited = event.receivedAt === undefined ? 0 : context.now() - event.receivedAt;
				const input = {
					trace: event.trace,
					startTick: context.tick,
					deliver,
					releaseInMs: RELEASE_AFTER_MS - Math.max(0, waited)
				};
				const ref = spawn('request', { id: `request-${event.trace.id}`, input });
				const entry: PlayerEntry = {
					trace: event.trace,
					startTick: context.tick,
					deliver,
					ref,
					delivered: false,
					released: false
				};
				return [...context.entries, entry];
			}
		}),
		/** Past the limits of `retention.ts`, the oldest requests leave for the archive. */
		evictOld: enqueueActions(({ context, enqueue }) => {
			const { kept, evicted } = retain(context.entries, context.tick);
			if (evicted.length === 0) return;
			let held = false;
			for (const entry of evicted) {
				if (!entry.ref) continue;
				held = true;
				enqueue.sendTo(entry.ref, { type: 'request.flush' });
				enqueue.stopChild(entry.ref);
			}
			enqueue.assign({
				entries: kept,
				archive: archived(
					context.archive,
					evicted.map((e) => e.trace)
				),
				evicted: context.evicted + evicted.length,
				notice: held ? EVICTED_NOTICE : context.notice
			});
		}),
		deliverDuplicate: ({ event }) => {
			if (event.type === 'trace.add') event.deliver?.();
		},
		/** The next arrival, due at its planned wall time (a late timer does not move the schedule). */
		arriveAtNext: assign(({ context }) => {
			const next = nextArrival(context.entries, context.tick) ?? context.tick;
			return {
				tick: next,
				tickAt: context.tickAt + (next - context.tick) * HOP_DURATION_MS[context.speed]
			};
		}),
		markStepped: assign({ stepped: true }),
		stepForward: assign({
			tick: ({ context }) => nextArrival(context.entries, context.tick) ?? context.tick
		}),
		stepBack: assign({
			tick: ({ context }) => previousStop(context.entries, context.tick) ?? context.tick
		}),
		/** A trace that left the player comes back (after the others) when the student opens it. */
		reopen: assign(({ context, event }) => {
			if (event.type !== 'playback.goto') return {};
			if (context.entries.some((e) => e.trace.id === event.traceId)) return {};
			const trace = context.archive.find((t) => t.id === event.traceId);
			if (!trace) return {};
			const entry: PlayerEntry = {
				trace,
				startTick: lastTick(context.entries),
				deliver: noop,
				ref: null,
				delivered: true,
				released: false
			};
			return {
				entries: [...context.entries, entry],
				archive: context.archive.filter((t) => t !== trace)
			};
		}),
		goto: assign({
			tick: ({ context, event }) => {
				if (event.type !== 'playback.goto') return context.tick;
				const entry = context.entries.find((e) => e.trace.id === event.traceId);
				if (!entry || event.index < 0 || event.index >= entry.trace.hops.length)
					return context.tick;
				return arrivalTick(entry, event.index);
			}
		}),
		rewind: assign({ tick: ({ context }) => firstTick(context.entries) }),
		jumpToEnd: assign({ tick: ({ context }) => lastTick(context.entries) }),
		/** Tells every held request where the clock is; one that reached the browser delivers. */
		syncRequests: enqueueActions(({ context, enqueue }) => {
			for (const entry of context.entries)
				if (entry.ref) enqueue.sendTo(entry.ref, { type: 'clock.sync', tick: context.tick });
		}),
		/** Only the held requests with a hop arriving now: the cheap path taken at every arrival. */
		syncArrivals: enqueueActions(({ context, enqueue }) => {
			for (const entry of context.entries) {
				if (!entry.ref) continue;
				const k = context.tick - entry.startTick;
				if (k > EPSILON && Math.abs(k - Math.round(k)) < EPSILON)
					enqueue.sendTo(entry.ref, { type: 'clock.sync', tick: context.tick });
			}
		}),
		setSpeed: assign({
			speed: ({ context, event }) => (event.type === 'playback.speed' ? event.speed : context.speed)
		}),
		setBreakpoints: assign({
			breakpoints: ({ context, event }) =>
				event.type === 'breakpoints.set' ? [...event.nodes] : context.breakpoints
		}),
		/** A request delivered its response: record it and stop its actor. */
		recordDelivery: enqueueActions(({ context, event, enqueue }) => {
			if (event.type !== 'request.delivered') return;
			const entry = context.entries.find((e) => e.trace.id === event.traceId);
			if (entry?.ref) enqueue.stopChild(entry.ref);
			enqueue.assign({
				entries: context.entries.map((e) =>
					e.trace.id === event.traceId
						? { ...e, ref: null, delivered: true, released: event.released }
						: e
				),
				notice: event.released ? RELEASE_NOTICE : context.notice
			});
		}),
		dismissNotice: assign({ notice: null }),
		/** Hands every held response to the page and stops the request actors. */
		flushRequests: enqueueActions(({ context, enqueue }) => {
			for (const entry of context.entries) {
				if (!entry.ref) continue;
				enqueue.sendTo(entry.ref, { type: 'request.flush' });
				enqueue.stopChild(entry.ref);
			}
		}),
		forgetTraces: assign({ entries: [], archive: [], evicted: 0, tick: 0, notice: null })
	},
	guards: {
		isInstant: ({ context }) => context.speed === 'instant',
		isAutoplay: ({ context }) => context.autoplay,
		/**
		 * A new request plays by itself, unless it is the browser following a redirect the student
		 * has just stepped to: then it waits at the browser for the next step.
		 */
		playsByItself: ({ context, event }) =>
			context.autoplay &&
			!(
				context.stepped &&
				event.type === 'trace.add' &&
				isRedirectFollowUp(context.entries, context.tick, event.trace)
			),
		isInstantChosen: ({ event }) => event.type === 'playback.speed' && event.speed === 'instant',
		isAtEnd: ({ context }) => context.tick >= lastTick(context.entries) - EPSILON,
		isKnownTrace: ({ context, event }) =>
			event.type === 'trace.add' && context.entries.some((e) => e.trace.id === event.trace.id),
		isBreakpointNext: ({ context }) => {
			const next = nextArrival(context.entries, context.tick);
			if (next === null || context.breakpoints.length === 0) return false;
			return arrivalsAt(context.entries, next).some(
				({ hop }) => hop.from !== hop.to && context.breakpoints.includes(hop.to)
			);
		}
	},
	delays: {
		/** From the planned time of the last arrival, so a late timer does not delay the next one. */
		untilNextArrival: ({ context }) => {
			const next = nextArrival(context.entries, context.tick);
			if (next === null) return 0;
			const due = context.tickAt + (next - context.tick) * HOP_DURATION_MS[context.speed];
			return Math.max(0, due - context.now());
		}
	}
}).createMachine({
	id: 'player',
	context: ({ input }) => ({
		entries: [],
		archive: [],
		evicted: 0,
		tick: 0,
		tickAt: 0,
		stepped: false,
		speed: input.speed ?? DEFAULT_SPEED,
		breakpoints: input.breakpoints ?? [],
		autoplay: input.autoplay ?? true,
		notice: null,
		now: input.now ?? (() => performance.now())
	}),
	initial: 'idle',
	on: {
		'breakpoints.set': { actions: 'setBreakpoints' },
		'request.delivered': { actions: 'recordDelivery' },
		'notice.dismiss': { actions: 'dismissNotice' },
		'playback.clear': { target: '.idle', actions: ['flushRequests', 'forgetTraces'] },
		'playback.speed': { actions: 'setSpeed' },
		'playback.goto': {
			target: '.paused',
			actions: ['reopen', 'goto', 'markStepped', 'syncRequests', 'evictOld']
		},
		'playback.restart': {
			target: '.playing',
			actions: ['rewind', 'syncRequests', 'startClock']
		}
	},
	states: {
		idle: {
			on: {
				'playback.goto': {},
				'playback.restart': {},
				'trace.add': [
					...addFirst,
					{ guard: 'isAutoplay', target: 'playing', actions: ['addTrace', 'startClock'] },
					{ target: 'paused', actions: 'addTrace' }
				]
			}
		},
		playing: {
			always: [
				{ guard: 'isInstant', target: 'done', actions: ['jumpToEnd', 'syncRequests'] },
				{ guard: 'isAtEnd', target: 'done' }
			],
			after: {
				untilNextArrival: [
					{
						guard: 'isBreakpointNext',
						target: 'paused',
						actions: ['arriveAtNext', 'syncArrivals']
					},
					{ target: 'playing', reenter: true, actions: ['arriveAtNext', 'syncArrivals'] }
				]
			},
			on: {
				'playback.pause': { target: 'paused', actions: ['freezeClock', 'syncArrivals'] },
				'playback.stepForward': {
					target: 'paused',
					actions: ['freezeClock', 'stepForward', 'markStepped', 'syncRequests']
				},
				'playback.stepBack': {
					target: 'paused',
					actions: ['freezeClock', 'stepBack', 'markStepped', 'syncRequests']
				},
				// Re-entering restarts the timer, so the next arrival is timed at the new speed.
				'playback.speed': {
					target: 'playing',
					reenter: true,
					actions: ['freezeClock', 'syncArrivals', 'setSpeed']
				},
				'trace.add': [
					...addFirst,
					{
						target: 'playing',
						reenter: true,
						actions: ['freezeClock', 'syncArrivals', 'addTrace', 'evictOld']
					}
				]
			}
		},
		paused: {
			always: { guard: 'isAtEnd', target: 'done' },
			on: {
				'playback.play': { target: 'playing', actions: 'startClock' },
				// Instant means "no waiting": held responses go to the page now.
				'playback.speed': [
					{
						guard: 'isInstantChosen',
						target: 'done',
						actions: ['setSpeed', 'jumpToEnd', 'syncRequests']
					},
					{ actions: 'setSpeed' }
				],
				'playback.stepForward': { actions: ['stepForward', 'markStepped', 'syncRequests'] },
				'playback.stepBack': { actions: ['stepBack', 'markStepped', 'syncRequests'] },
				'trace.add': [...addFirst, { actions: ['addTrace', 'evictOld'] }]
			}
		},
		done: {
			on: {
				'playback.play': {
					target: 'playing',
					actions: ['rewind', 'syncRequests', 'startClock']
				},
				'playback.stepBack': {
					target: 'paused',
					actions: ['stepBack', 'markStepped', 'syncRequests']
				},
				'trace.add': [
					...addFirst,
					{
						guard: 'playsByItself',
						target: 'playing',
						actions: ['addTrace', 'evictOld', 'startClock']
					},
					{ target: 'paused', actions: ['addTrace', 'evictOld'] }
				]
			}
		}
	}
});

export type PlayerActor = ActorRefFrom<typeof playerMachine>;
