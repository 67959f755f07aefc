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

/** Widgets that use arrow keys and Home themselves (the inspector's tabs, for one). */
const ARROW_WIDGETS =
	'[role="tablist"], [role="radiogroup"], [role="listbox"], [role="slider"], [role="menu"], [role="grid"], [role="tree"]';

/**
 * Keys typed into a field, a select, an editable area or a widget that uses arrow keys belong to
 * it, not to the player.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
	return target.closest(ARROW_WIDGETS) !== null;
}
