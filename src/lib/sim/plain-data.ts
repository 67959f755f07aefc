/**
 * Traces are plain, frozen data (JSON-safe) so they can be posted to an iframe, stored and
 * exported. This makes that copy of whatever the stack recorded.
 */

/** Marks an object being copied, to cut cycles. */
const IN_PROGRESS = Symbol('in progress');

/**
 * A deep, frozen, JSON-safe copy of `value`. An object reached twice (the query info of a query
 * hop and of its rows hop, a context shown by two hops) is copied once and shared.
 *
 * Copies are not remembered from one call to the next: a registry of them (a WeakSet, to reuse a
 * copy met again) cost several times the copying itself, in its own upkeep and in the garbage
 * collector's, and a trace seldom holds a copy made before.
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
	const done = seen.get(value);
	if (done !== undefined) return done === IN_PROGRESS ? '[circular]' : done;
	let copy: unknown[] | Record<string, unknown>;
	if (Array.isArray(value)) {
		seen.set(value, IN_PROGRESS);
		copy = new Array<unknown>(value.length);
		for (let i = 0; i < value.length; i++) copy[i] = toPlain(value[i], seen) ?? null;
	} else {
		const proto = Object.getPrototypeOf(value);
		if (proto !== Object.prototype && proto !== null) return toPlainOther(value, seen);
		seen.set(value, IN_PROGRESS);
		copy = {};
		// for…in allocates no key list; a plain object inherits no enumerable keys.
		for (const key in value) {
			const item = toPlain((value as Record<string, unknown>)[key], seen);
			if (item !== undefined) copy[key] = item;
		}
	}
	Object.freeze(copy);
	seen.set(value, copy);
	return copy;
}

/** A date, Map, Set or class instance (shown, never walked). */
function toPlainOther(value: object, seen: Map<object, unknown>): unknown {
	if (value instanceof Date) return value.toISOString();
	if (value instanceof Map || value instanceof Set) {
		seen.set(value, IN_PROGRESS);
		const copy = toPlain(value instanceof Map ? Object.fromEntries(value) : [...value], seen);
		seen.set(value, copy);
		return copy;
	}
	const shown = value as { toJSON?: () => unknown; __str__?: () => unknown };
	if (typeof shown.toJSON === 'function') return toPlain(shown.toJSON(), seen);
	if (typeof shown.__str__ === 'function') return String(shown.__str__());
	return String(value);
}
