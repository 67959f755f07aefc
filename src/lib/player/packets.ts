/** Small helpers for the player component: packet labels and keyboard targets. */
import type { Hop, Trace } from '$lib/sim/types';

/** The method and path on the way in; the status on the way back (what a student looks for). */
export function packetLabel(trace: Trace, hop: Hop): string {
	if (hop.direction === 'out') return String(trace.status);
	let path = trace.url;
	try {
		path = new URL(trace.url).pathname;
	} catch {
		// Keep the URL as it is: a label is never worth an error.
	}
	return `${trace.method} ${path}`;
}

/** Keys typed into a field, a select or an editable area belong to it, not to the player. */
export function isTypingTarget(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
