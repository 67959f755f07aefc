/**
 * One request on its way through the diagram: the player spawns one of these per trace.
 *
 * It holds the trace's position (how many hops have arrived, told by the player's clock) and the
 * "delivered" resolver of the real `fetch` that waits for it. The response is delivered once, when
 * the hop that reaches the browser arrives; stepping back later does not take it back. A request
 * that is still held four minutes after the page sent it is released anyway: Chromium fails a
 * service-worker request after about five, and the page must get its answer. The player tells it
 * how much of those four minutes is left (`releaseInMs`): time spent queued before the trace
 * reached the player counts. Once delivered, the player stops the actor.
 */
import { assign, sendParent, setup } from 'xstate';
import type { Trace } from '$lib/sim/types';
import { arrivedCount, deliveryCount } from './timeline';

/** Chromium gives up on a held service-worker request at about 5 minutes; release before that. */
export const RELEASE_AFTER_MS = 4 * 60 * 1000;

export interface RequestInput {
	trace: Trace;
	startTick: number;
	/** Resolves the promise the MSW handler awaits; called exactly once. */
	deliver: () => void;
	/** Milliseconds until the safety release (`RELEASE_AFTER_MS` after the page sent it). */
	releaseInMs: number;
}

export interface RequestContext extends RequestInput {
	/** Hops arrived so far at the player's position. */
	position: number;
	/** `position` at which the response reaches the browser. */
	deliverAt: number;
}

export type RequestEvent =
	| { type: 'clock.sync'; tick: number }
	/** Deliver now, without waiting for the animation (the player is cleared or gone). */
	| { type: 'request.flush' };

/** What a request tells the player. */
export type RequestReport = { type: 'request.delivered'; traceId: string; released: boolean };

export const requestMachine = setup({
	types: {
		context: {} as RequestContext,
		input: {} as RequestInput,
		events: {} as RequestEvent
	},
	actions: {
		recordPosition: assign({
			position: ({ context, event }) =>
				event.type === 'clock.sync' ? arrivedCount(context, event.tick) : context.position
		}),
		deliverResponse: ({ context }) => context.deliver(),
		reportDelivered: sendParent(({ context }): RequestReport => ({
			type: 'request.delivered',
			traceId: context.trace.id,
			released: false
		})),
		reportReleased: sendParent(({ context }): RequestReport => ({
			type: 'request.delivered',
			traceId: context.trace.id,
			released: true
		}))
	},
	guards: {
		hasReachedBrowser: ({ context }) => context.position >= context.deliverAt
	},
	delays: {
		safetyRelease: ({ context }) => Math.max(0, context.releaseInMs)
	}
}).createMachine({
	id: 'request',
	context: ({ input }) => ({
		...input,
		position: 0,
		deliverAt: deliveryCount(input.trace)
	}),
	initial: 'holding',
	states: {
		holding: {
			always: {
				guard: 'hasReachedBrowser',
				target: 'delivered',
				actions: ['deliverResponse', 'reportDelivered']
			},
			after: {
				safetyRelease: { target: 'delivered', actions: ['deliverResponse', 'reportReleased'] }
			},
			on: {
				'clock.sync': { actions: 'recordPosition' },
				'request.flush': { target: 'delivered', actions: 'deliverResponse' }
			}
		},
		delivered: {
			on: { 'clock.sync': { actions: 'recordPosition' } }
		}
	}
});
