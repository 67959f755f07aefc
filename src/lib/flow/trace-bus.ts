/**
 * Where traces go once the simulated stack has answered a request.
 *
 * The MSW handler publishes every trace here and awaits the returned promise before it gives the
 * response to the page: that is how a real `fetch` stays pending until the animation delivers it.
 * One presenter (the page's player) decides when each response is delivered; any number of
 * listeners (a lesson's challenge checker, the client's history) just watch.
 */
import type { Trace } from '$lib/sim/types';

/** What the handler knows about the request besides its trace. */
export interface Arrival {
	/**
	 * When the page's request reached the handler, on `performance.now()`'s scale: the player times
	 * its safety release from here, so time spent queued before the stack answered counts.
	 */
	receivedAt?: number;
}

export type Presenter = (trace: Trace, arrival: Arrival) => Promise<void>;
export type TraceListener = (trace: Trace) => void;

const listeners = new Set<TraceListener>();
let presenter: Presenter | null = null;

/** Announces a trace and resolves when its response may reach the page. */
export function publishTrace(trace: Trace, arrival: Arrival = {}): Promise<void> {
	for (const listener of listeners) listener(trace);
	return presenter ? presenter(trace, arrival) : Promise.resolve();
}

/** Watches every trace, in the order the stack produced them. Returns an unsubscribe function. */
export function onTrace(listener: TraceListener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Installs the page's player as the one that delivers responses. Returns a function to remove it. */
export function setPresenter(next: Presenter): () => void {
	presenter = next;
	return () => {
		if (presenter === next) presenter = null;
	};
}
