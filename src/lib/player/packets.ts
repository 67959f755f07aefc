/** Small helpers for the player component: packet labels and keyboard targets. */
import type { Hop, Trace } from '$lib/sim/types';

/** Labels by trace and hop (neither changes once recorded): asked for at every arrival. */
const labels = new WeakMap<Trace, WeakMap<Hop, string>>();

/** The method and path on the way in; the status on the way back (what a student looks for). */
export function packetLabel(trace: Trace, hop: Hop): string {
	let byHop = labels.get(trace);
	if (!byHop) labels.set(trace, (byHop = new WeakMap()));
	let label = byHop.get(hop);
	if (label === undefined) byHop.set(hop, (label = labelFor(trace, hop)));
	return label;
}

function labelFor(trace: Trace, hop: Hop): string {
	// Short words for what crosses the edge, so the picture itself teaches: HTTP between the
	// servers, a call, SQL, rows and HTML inside Django.
	const rows = hop.detail.query?.rows.length;
	switch (hop.kind) {
		case 'query':
			return 'SQL';
		case 'rows':
			return rows === undefined ? 'rows' : `${rows} row${rows === 1 ? '' : 's'}`;
		case 'render':
			return 'context';
		case 'return':
			if (hop.from === 'template') return 'HTML';
			if (hop.from === 'model') return 'objects';
			break;
		case 'call':
			if (hop.to === 'model') return 'ORM';
			break;
	}
	if (hop.direction === 'out') return String(trace.status);
	// Work inside one box sits on the box's top edge: the method alone leaves its group's name free.
	if (hop.from === hop.to) return trace.method;
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
