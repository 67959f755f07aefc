/**
 * Django's `Variable._resolve_lookup`: for each dotted part of `post.author.username`, try a
 * dictionary key, then an attribute, then a list index, and call what is callable (unless it is
 * marked `alters_data` or `do_not_call_in_templates`). JavaScript values are read the way the
 * Python values they stand for would be: a plain object or Map is a dict, a class instance an
 * object with attributes, a Date a datetime.
 */
import type { Context } from './context';
import { VariableDoesNotExist } from './errors';
import { isDict, isoFormat, pyRepr } from './py';
import { SafeString } from './safe';

function isClass(fn: unknown): boolean {
	return typeof fn === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

// JavaScript's own members (toString, constructor, Array's map…) are not Python attributes.
const BUILTIN_PROTOTYPES = new Set<object>([
	Object.prototype,
	Array.prototype,
	Function.prototype,
	Map.prototype,
	Set.prototype,
	Date.prototype,
	Promise.prototype
]);

/** Whether `bit` is the object's own data or defined by its class, not inherited from JS itself. */
function isAttribute(obj: object, bit: string): boolean {
	// Python spells these __class__ and len(), which templates cannot reach.
	if (bit === 'constructor' || (bit === 'length' && Array.isArray(obj))) return false;
	for (let o: object | null = obj; o !== null; o = Object.getPrototypeOf(o)) {
		if (Object.hasOwn(o, bit)) return !BUILTIN_PROTOTYPES.has(o);
	}
	return false;
}

/** Python dict methods, for `{% for k, v in data.items %}` on plain objects and Maps. */
function dictMethod(dict: Record<string, unknown> | Map<unknown, unknown>, name: string): unknown {
	const entries = dict instanceof Map ? [...dict] : Object.entries(dict);
	if (name === 'items') return () => entries;
	if (name === 'keys') return () => entries.map(([k]) => k);
	if (name === 'values') return () => entries.map(([, v]) => v);
	return undefined;
}

/** The attributes of Python's `datetime` (`{{ post.created.year }}`), read in UTC. */
function datetimeAttribute(d: Date, name: string): unknown {
	switch (name) {
		case 'year':
			return d.getUTCFullYear();
		case 'month':
			return d.getUTCMonth() + 1;
		case 'day':
			return d.getUTCDate();
		case 'hour':
			return d.getUTCHours();
		case 'minute':
			return d.getUTCMinutes();
		case 'second':
			return d.getUTCSeconds();
		case 'microsecond':
			return d.getUTCMilliseconds() * 1000;
		case 'weekday':
			return () => (d.getUTCDay() + 6) % 7;
		case 'isoweekday':
			return () => d.getUTCDay() || 7;
		case 'isoformat':
			return () => isoFormat(d);
		case 'timestamp':
			return () => d.getTime() / 1000;
		default:
			return MISSING;
	}
}

const MISSING = Symbol('missing');

/** A value that answers `obj[i]` itself, as Python's `__getitem__` (a QuerySet runs LIMIT 1). */
interface Indexable {
	__getitem__(index: number): unknown;
}

function lookupBit(current: unknown, bit: string): unknown {
	if (current === null || current === undefined) return MISSING;
	// 1. Dictionary lookup.
	if (current instanceof Map) {
		if (current.has(bit)) return current.get(bit);
	} else if (isDict(current) && Object.hasOwn(current, bit)) {
		return (current as Record<string, unknown>)[bit];
	}
	// 2. Attribute lookup (getters and methods of class instances, dict methods).
	if (isDict(current)) {
		const method = dictMethod(current, bit);
		if (method) return method;
	} else if (current instanceof Date) {
		const value = datetimeAttribute(current, bit);
		if (value !== MISSING) return value;
	} else if (typeof current === 'object' || typeof current === 'function') {
		if (isAttribute(current as object, bit)) {
			const value = (current as Record<string, unknown>)[bit];
			return typeof value === 'function' && !isClass(value)
				? bindMethod(value as AnyFunction, current)
				: value;
		}
	}
	// 3. List-index lookup.
	if (/^\d+$/.test(bit)) {
		const index = Number(bit);
		if (Array.isArray(current) && index < current.length) return current[index];
		if (typeof current === 'string' && index < current.length) return [...current][index];
		if (current instanceof SafeString) {
			const items =
				Symbol.iterator in current ? [...(current as Iterable<unknown>)] : [...current.value];
			if (index < items.length) return items[index];
		}
		if (current instanceof Map && current.has(index)) return current.get(index);
		const indexable = typeof current === 'object' && !isDict(current);
		if (indexable && typeof (current as Indexable).__getitem__ === 'function') {
			return (current as Indexable).__getitem__(index);
		}
		if (indexable && Symbol.iterator in (current as object)) {
			// An iterable such as a QuerySet: `{{ posts.0 }}` is its first item.
			const items = [...(current as Iterable<unknown>)];
			if (index < items.length) return items[index];
		}
	}
	return MISSING;
}

/** A bound method keeps the flags Django looks for on the function. */
type AnyFunction = (...args: unknown[]) => unknown;

function bindMethod(fn: AnyFunction, self: unknown): AnyFunction {
	const bound = fn.bind(self) as AnyFunction & Record<string, unknown>;
	const flags = fn as unknown as Record<string, unknown>;
	if (flags.alters_data) bound.alters_data = true;
	if (flags.do_not_call_in_templates) bound.do_not_call_in_templates = true;
	Object.defineProperty(bound, 'length', { value: fn.length });
	return bound;
}

export function resolveLookup(context: Context, lookups: readonly string[]): unknown {
	try {
		return walkLookups(context, lookups);
	} catch (e) {
		// An error marked silent_variable_failure (as Django's ObjectDoesNotExist is) renders as ''.
		if ((e as { silent_variable_failure?: unknown })?.silent_variable_failure) return '';
		throw e;
	}
}

function walkLookups(context: Context, lookups: readonly string[]): unknown {
	let current: unknown = MISSING;
	for (let i = 0; i < lookups.length; i++) {
		const bit = lookups[i];
		const next =
			i === 0 ? (context.has(bit) ? context.get(bit) : MISSING) : lookupBit(current, bit);
		if (next === MISSING) {
			const parent = current;
			throw new VariableDoesNotExist(
				() => `Failed lookup for key [${bit}] in ${i === 0 ? context.repr() : pyRepr(parent)}`
			);
		}
		current = next;
		if (typeof current === 'function' && !isClass(current)) {
			const flags = current as unknown as Record<string, unknown>;
			if (flags.do_not_call_in_templates) continue;
			// A method that changes data (e.g. `delete`) is never called from a template.
			if (flags.alters_data || current.length > 0) current = '';
			else current = (current as () => unknown)();
		}
	}
	return current;
}
