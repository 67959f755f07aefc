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
 */
import { assign, enqueueActions, setup, type ActorRefFrom } from 'xstate';
import {
	RELEASE_NOTICE,
	clockNow,
	type PlayerContext,
	type PlayerEvent,
	type PlayerInput
} from './player.context';
import { DEFAULT_DETAIL, nodesReached, relevel, traceAt } from './detail-level';
import { requestMachine } from './request.machine';
import { DEFAULT_SPEED, HOP_DURATION_MS } from './speed';
import {
	EPSILON,
	arrivalTick,
	arrivalsAt,
	currentHop,
	firstTick,
	lastTick,
	nextArrival,
	previousStop
} from './timeline';

export { RELEASE_NOTICE, type PlayerContext, type PlayerEvent, type PlayerInput };

const noop = () => {};

/** How every state takes a trace first: a known one is delivered, at `instant` it jumps to the end. */
const addFirst = [
	{ guard: 'isKnownTrace', actions: 'deliverDuplicate' },
	{ guard: 'isInstant', target: 'done', actions: ['addTrace', 'jumpToEnd', 'syncRequests'] }
] as const;

export const playerMachine = setup({
	types: {
		context: {} as PlayerContext,
		input: {} as PlayerInput,
		events: {} as PlayerEvent
	},
	actors: { request: requestMachine },
	actions: {
		startClock: assign({ tickAt: ({ context }) => context.now() }),
		freezeClock: assign(({ context }) => ({
			tick: Math.min(clockNow(context, true), lastTick(context.entries)),
			tickAt: context.now()
		})),
		addTrace: assign({
			entries: ({ context, event, spawn }) => {
				if (event.type !== 'trace.add') return context.entries;
				const input = {
					trace: traceAt(event.trace, context.detail),
					startTick: context.tick,
					deliver: event.deliver ?? noop
				};
				const ref = spawn('request', { id: `request-${event.trace.id}`, input });
				const entry = { ...input, source: event.trace, ref, delivered: false, released: false };
				return [...context.entries, entry];
			}
		}),
		deliverDuplicate: ({ event }) => {
			if (event.type === 'trace.add') event.deliver?.();
		},
		arriveAtNext: assign(({ context }) => ({
			tick: nextArrival(context.entries, context.tick) ?? context.tick,
			tickAt: context.now()
		})),
		stepForward: assign({
			tick: ({ context }) => nextArrival(context.entries, context.tick) ?? context.tick
		}),
		stepBack: assign({
			tick: ({ context }) => previousStop(context.entries, context.tick) ?? context.tick
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
		rewind: assign({ tick: ({ context }) => firstTick(context.entries), stopped: [] }),
		jumpToEnd: assign({ tick: ({ context }) => lastTick(context.entries) }),
		/** Tells every request where the clock is; a request that reached the browser delivers. */
		syncRequests: enqueueActions(({ context, enqueue }) => {
			for (const entry of context.entries)
				enqueue.sendTo(entry.ref, { type: 'clock.sync', tick: context.tick });
		}),
		/** Only the requests with a hop arriving now: the cheap path taken at every arrival. */
		syncArrivals: enqueueActions(({ context, enqueue }) => {
			for (const entry of context.entries) {
				const k = context.tick - entry.startTick;
				if (k > EPSILON && Math.abs(k - Math.round(k)) < EPSILON)
					enqueue.sendTo(entry.ref, { type: 'clock.sync', tick: context.tick });
			}
		}),
		setSpeed: assign({
			speed: ({ context, event }) => (event.type === 'playback.speed' ? event.speed : context.speed)
		}),
		/** Shows every trace at another level of detail, at the same moment of the request in view. */
		setDetail: enqueueActions(({ context, event, enqueue }) => {
			if (event.type !== 'detail.set' || event.detail === context.detail) return;
			const focus = currentHop(context.entries, context.tick)?.trace.id;
			const next = relevel(context.entries, context.tick, context.detail, event.detail, focus);
			enqueue.assign({ detail: event.detail, entries: next.entries, tick: next.tick });
			for (const e of next.entries)
				enqueue.sendTo(e.ref, {
					type: 'request.view',
					trace: e.trace,
					startTick: e.startTick,
					tick: next.tick
				});
		}),
		/** Remembers the pause points the next arrival stops at, so each stops once per request. */
		recordStops: assign({
			stopped: ({ context }) => {
				const next = nextArrival(context.entries, context.tick);
				if (next === null) return context.stopped;
				const reached = arrivalsAt(context.entries, next).flatMap(({ trace, hop }) =>
					nodesReached(hop).map((node) => `${trace.id} ${node}`)
				);
				return [...new Set([...context.stopped, ...reached])];
			}
		}),
		forgetStops: assign({ stopped: [] }),
		setBreakpoints: assign({
			breakpoints: ({ context, event }) =>
				event.type === 'breakpoints.set' ? [...event.nodes] : context.breakpoints
		}),
		recordDelivery: assign(({ context, event }) => {
			if (event.type !== 'request.delivered') return {};
			return {
				entries: context.entries.map((e) =>
					e.trace.id === event.traceId ? { ...e, delivered: true, released: event.released } : e
				),
				notice: event.released ? RELEASE_NOTICE : context.notice
			};
		}),
		dismissNotice: assign({ notice: null }),
		/** Hands every held response to the page and stops the request actors. */
		flushRequests: enqueueActions(({ context, enqueue }) => {
			for (const entry of context.entries) {
				enqueue.sendTo(entry.ref, { type: 'request.flush' });
				enqueue.stopChild(entry.ref);
			}
		}),
		forgetTraces: assign({ entries: [], tick: 0, notice: null, stopped: [] })
	},
	guards: {
		isInstant: ({ context }) => context.speed === 'instant',
		isAutoplay: ({ context }) => context.autoplay,
		isInstantChosen: ({ event }) => event.type === 'playback.speed' && event.speed === 'instant',
		isAtEnd: ({ context }) => context.tick >= lastTick(context.entries) - EPSILON,
		isKnownTrace: ({ context, event }) =>
			event.type === 'trace.add' && context.entries.some((e) => e.trace.id === event.trace.id),
		isBreakpointNext: ({ context }) => {
			const next = nextArrival(context.entries, context.tick);
			if (next === null || context.breakpoints.length === 0) return false;
			return arrivalsAt(context.entries, next).some(({ trace, hop }) =>
				nodesReached(hop).some(
					(node) =>
						context.breakpoints.includes(node) && !context.stopped.includes(`${trace.id} ${node}`)
				)
			);
		}
	},
	delays: {
		untilNextArrival: ({ context }) => {
			const next = nextArrival(context.entries, context.tick);
			return next === null ? 0 : (next - context.tick) * HOP_DURATION_MS[context.speed];
		}
	}
}).createMachine({
	id: 'player',
	context: ({ input }) => ({
		entries: [],
		tick: 0,
		tickAt: 0,
		speed: input.speed ?? DEFAULT_SPEED,
		breakpoints: input.breakpoints ?? [],
		stopped: [],
		detail: input.detail ?? DEFAULT_DETAIL,
		autoplay: input.autoplay ?? true,
		notice: null,
		now: input.now ?? (() => performance.now())
	}),
	initial: 'idle',
	on: {
		'breakpoints.set': { actions: 'setBreakpoints' },
		'detail.set': { actions: ['setDetail', 'syncRequests'] },
		'request.delivered': { actions: 'recordDelivery' },
		'notice.dismiss': { actions: 'dismissNotice' },
		'playback.clear': { target: '.idle', actions: ['flushRequests', 'forgetTraces'] },
		'playback.speed': { actions: 'setSpeed' },
		'playback.goto': { target: '.paused', actions: ['goto', 'syncRequests'] },
		'playback.restart': { target: '.playing', actions: ['rewind', 'syncRequests'] }
	},
	states: {
		idle: {
			on: {
				'playback.goto': {},
				'playback.restart': {},
				'trace.add': [
					...addFirst,
					{ guard: 'isAutoplay', target: 'playing', actions: 'addTrace' },
					{ target: 'paused', actions: 'addTrace' }
				]
			}
		},
		playing: {
			entry: 'startClock',
			always: [
				{ guard: 'isInstant', target: 'done', actions: ['jumpToEnd', 'syncRequests'] },
				{ guard: 'isAtEnd', target: 'done' }
			],
			after: {
				untilNextArrival: [
					{
						guard: 'isBreakpointNext',
						target: 'paused',
						actions: ['recordStops', 'arriveAtNext', 'syncArrivals']
					},
					{ target: 'playing', reenter: true, actions: ['arriveAtNext', 'syncArrivals'] }
				]
			},
			on: {
				'playback.pause': { target: 'paused', actions: 'freezeClock' },
				'playback.stepForward': {
					target: 'paused',
					actions: ['freezeClock', 'stepForward', 'syncRequests']
				},
				'playback.stepBack': {
					target: 'paused',
					actions: ['freezeClock', 'stepBack', 'syncRequests']
				},
				// Re-entering restarts the clock, so the next arrival is timed on the new hops.
				'detail.set': {
					target: 'playing',
					reenter: true,
					actions: ['freezeClock', 'setDetail', 'syncRequests']
				},
				// Re-entering restarts the clock, so the next arrival is timed at the new speed.
				'playback.speed': {
					target: 'playing',
					reenter: true,
					actions: ['freezeClock', 'setSpeed']
				},
				'trace.add': [
					...addFirst,
					{ target: 'playing', reenter: true, actions: ['freezeClock', 'addTrace'] }
				]
			}
		},
		paused: {
			always: { guard: 'isAtEnd', target: 'done' },
			on: {
				'playback.play': 'playing',
				// Instant means "no waiting": held responses go to the page now.
				'playback.speed': [
					{
						guard: 'isInstantChosen',
						target: 'done',
						actions: ['setSpeed', 'jumpToEnd', 'syncRequests']
					},
					{ actions: 'setSpeed' }
				],
				'playback.stepForward': { actions: ['stepForward', 'syncRequests'] },
				'playback.stepBack': { actions: ['stepBack', 'syncRequests'] },
				'trace.add': [...addFirst, { actions: 'addTrace' }]
			}
		},
		done: {
			on: {
				'playback.play': { target: 'playing', actions: ['rewind', 'syncRequests'] },
				'playback.stepBack': { target: 'paused', actions: ['stepBack', 'syncRequests'] },
				'trace.add': [
					...addFirst,
					{ guard: 'isAutoplay', target: 'playing', actions: 'addTrace' },
					{ target: 'paused', actions: 'addTrace' }
				]
			}
		}
	}
});

export type PlayerActor = ActorRefFrom<typeof playerMachine>;
