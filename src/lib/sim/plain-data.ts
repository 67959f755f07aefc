/**
 * Traces are plain, frozen data (JSON-safe) so they can be posted to an iframe, stored and
 * exported. This makes that copy of whatever the stack recorded.
 */

/** Copies this module made: deep-frozen and plain already, so they are shared, never copied. */
const copies = new WeakSet<object>();
/** Marks an object being copied, to cut cycles. */
const IN_PROGRESS = Symbol('in progress');

/**
 * A deep, frozen, JSON-safe copy of `value`. An object reached twice (the query info of a query
 * hop and of its rows hop, a context shown by two hops) is copied once and shared, and a copy
 * made earlier is reused as it is.
 */
export function frozenPlainCopy<T>(value: T): T {
	return toPlain(value, new Map()) as T;
}

/**
 * A frozen, JSON-safe copy: plain objects and arrays are copied, dates become ISO text, functions
 * are dropped, cycles cut. Any other object (a model instance, say) is shown by its `toJSON()`, its
 * `__str__()` (as Django prints it) or its `String()`, never walked: it may reach the database.
 */
function toPlain(value: unknown, seen: Map<object, unknown>): unknown {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'function' || typeof value === 'symbol') return undefined;
		if (typeof value === 'bigint') return Number(value);
		if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
		return value;
	}
	if (value instanceof Date) return value.toISOString();
	if (copies.has(value)) return value;
	if (seen.has(value)) {
		const done = seen.get(value);
		return done === IN_PROGRESS ? '[circular]' : done;
	}
	const proto = Object.getPrototypeOf(value);
	const plain = proto === Object.prototype || proto === null;
	if (!plain && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set)) {
		const shown = value as { toJSON?: () => unknown; __str__?: () => unknown };
		if (typeof shown.toJSON === 'function') return toPlain(shown.toJSON(), seen);
		if (typeof shown.__str__ === 'function') return String(shown.__str__());
		return String(value);
	}
	seen.set(value, IN_PROGRESS);
	let copy: unknown;
	if (Array.isArray(value)) copy = value.map((item) => toPlain(item, seen) ?? null);
	else if (value instanceof Map) copy = toPlain(Object.fromEntries(value), seen);
	else if (value instanceof Set) copy = toPlain([...value], seen);
	else {
		const out: Record<string, unknown> = {};
		for (const key in value) {
			const item = toPlain((value as Record<string, unknown>)[key], seen);
			if (item !== undefined) out[key] = item;
		}
		copy = out;
	}
	Object.freeze(copy);
	if (typeof copy === 'object' && copy !== null) copies.add(copy);
	seen.set(value, copy);
	return copy;
}
