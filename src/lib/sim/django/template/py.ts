/**
 * Python's meaning of everyday operations (str(), truthiness, len(), ==, <, in, iteration) on
 * JavaScript values, because the template language is defined by what Python does: an empty
 * list is false, `None` prints as `None`, `True == 1`.
 */
import { SafeString } from './safe';

function isPlainObject(value: object): boolean {
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/** A plain object or a Map: what plays the part of a Python dict. */
export function isDict(value: unknown): value is Record<string, unknown> | Map<unknown, unknown> {
	return (
		value instanceof Map || (typeof value === 'object' && value !== null && isPlainObject(value))
	);
}

function hasMethod(value: object, name: string): boolean {
	return typeof (value as Record<string, unknown>)[name] === 'function';
}

/** `str(value)` in Python, for JS values. */
export function pyStr(value: unknown): string {
	if (value === undefined) return '';
	if (typeof value === 'string') return value;
	if (value instanceof SafeString) return value.value;
	if (value === null || typeof value !== 'object') return pyRepr(value);
	if (value instanceof Date) return isoFormat(value, ' ');
	if (hasMethod(value, '__str__')) return String((value as { __str__(): unknown }).__str__());
	if (Array.isArray(value) || isDict(value) || value instanceof Set) return pyRepr(value);
	if (value.toString !== Object.prototype.toString) return String(value);
	return `<${pythonClassName(value)} object>`;
}

/** Python's `str(obj)` keeps a SafeString that `__str__` returns (a message with a link). */
export function strKeepingSafe(value: unknown): unknown {
	if (typeof value !== 'object' || value === null || value instanceof SafeString) return value;
	const str = (value as { __str__?: unknown }).__str__;
	if (typeof str !== 'function') return value;
	const result: unknown = str.call(value);
	return result instanceof SafeString ? result : value;
}

/** `repr(value)` in Python, as lists and dicts print their items (`[...]` for a list inside itself). */
export function pyRepr(value: unknown, seen: Set<object> = new Set()): string {
	if (typeof value === 'object' && value !== null) {
		if (seen.has(value)) return Array.isArray(value) ? '[...]' : '{...}';
		seen.add(value);
		try {
			return reprObject(value, seen);
		} finally {
			seen.delete(value);
		}
	}
	return reprScalar(value);
}

function reprScalar(value: unknown): string {
	if (value === null || value === undefined) return 'None';
	if (value === true) return 'True';
	if (value === false) return 'False';
	if (typeof value === 'number') {
		if (Number.isNaN(value)) return 'nan';
		if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
		return String(value);
	}
	if (typeof value === 'string' || value instanceof SafeString) {
		const text = String(value);
		const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
		let body = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
		if (quote === "'") body = body.replace(/'/g, "\\'");
		return quote + body + quote;
	}
	if (typeof value === 'function') return `<function ${value.name || '<lambda>'}>`;
	return String(value);
}

function reprObject(value: object, seen: Set<object>): string {
	const r = (v: unknown) => pyRepr(v, seen);
	if (value instanceof SafeString) return reprScalar(value);
	if (Array.isArray(value)) return '[' + value.map(r).join(', ') + ']';
	if (value instanceof Set) return value.size ? '{' + [...value].map(r).join(', ') + '}' : 'set()';
	if (value instanceof Map) {
		return '{' + [...value].map(([k, v]) => `${r(k)}: ${r(v)}`).join(', ') + '}';
	}
	if (typeof value === 'object' && isPlainObject(value)) {
		const items = Object.entries(value).map(([k, v]) => `${r(k)}: ${r(v)}`);
		return '{' + items.join(', ') + '}';
	}
	try {
		if (hasMethod(value, '__repr__')) return String((value as { __repr__(): unknown }).__repr__());
		return pyStr(value);
	} catch {
		return `<${pythonClassName(value)} object>`;
	}
}

/** `datetime.isoformat(sep)` for a UTC datetime, with microseconds only when not zero. */
export function isoFormat(date: Date, sep = 'T'): string {
	const iso = date.toISOString();
	const ms = date.getUTCMilliseconds();
	return `${iso.slice(0, 10)}${sep}${iso.slice(11, 19)}${ms ? '.' + String(ms * 1000).padStart(6, '0') : ''}+00:00`;
}

/** `len(value)`; throws TypeError for values without a length, as Python does. */
export function pyLen(value: unknown): number {
	if (typeof value === 'string') return [...value].length;
	// A subclass of SafeString may be a list too (a form's ErrorList): its own length counts.
	if (value instanceof SafeString && Object.getPrototypeOf(value) === SafeString.prototype) {
		return [...value.value].length;
	}
	if (Array.isArray(value)) return value.length;
	if (value instanceof Map || value instanceof Set) return value.size;
	if (typeof value === 'object' && value !== null) {
		if (hasMethod(value, '__len__')) return Number((value as { __len__(): unknown }).__len__());
		if (isPlainObject(value)) return Object.keys(value).length;
		const length = (value as { length?: unknown }).length;
		if (typeof length === 'number') return length;
		if (Symbol.iterator in value) return [...(value as Iterable<unknown>)].length;
	}
	throw new TypeError(`object of type '${typeof value}' has no len()`);
}

/** Python truthiness: empty collections, 0, '' and None are false. */
export function pyBool(value: unknown): boolean {
	if (value === null || value === undefined || value === false) return false;
	if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
	if (typeof value === 'string') return value.length > 0;
	if (typeof value !== 'object') return true;
	if (hasMethod(value, '__bool__')) return Boolean((value as { __bool__(): unknown }).__bool__());
	try {
		return pyLen(value) > 0;
	} catch {
		return true;
	}
}

/** `list(value)`: what a `{% for %}` loop walks over. Iterating a dict gives its keys. */
export function pyList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return [...value];
	if (value instanceof Map) return [...value.keys()];
	if (typeof value === 'object' && value !== null) {
		if (Symbol.iterator in value) return [...(value as Iterable<unknown>)];
		if (value instanceof SafeString) return [...value.value];
		if (isPlainObject(value)) return Object.keys(value);
	}
	throw new TypeError(`'${value === null ? 'NoneType' : typeof value}' object is not iterable`);
}

function normalize(value: unknown): unknown {
	if (value instanceof SafeString) return value.value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (value instanceof Date) return value.getTime();
	return value;
}

/** Python `==`. Model instances may define `__eq__` (Django compares them by primary key). */
export function pyEquals(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a === 'object' && a !== null && hasMethod(a, '__eq__')) {
		return Boolean((a as { __eq__(o: unknown): unknown }).__eq__(b));
	}
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, i) => pyEquals(item, b[i]));
	}
	const x = normalize(a);
	const y = normalize(b);
	if (a instanceof Date !== b instanceof Date) return false;
	return (x === null || x === undefined) && (y === null || y === undefined) ? true : x === y;
}

/** Python's ordering (`<`); throws TypeError between values Python cannot order. */
export function pyCompare(a: unknown, b: unknown): number {
	const x = normalize(a);
	const y = normalize(b);
	if (typeof x === 'number' && typeof y === 'number') return x - y;
	if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
	if (Array.isArray(x) && Array.isArray(y)) {
		for (let i = 0; i < Math.min(x.length, y.length); i++) {
			const c = pyCompare(x[i], y[i]);
			if (c !== 0) return c;
		}
		return x.length - y.length;
	}
	throw new TypeError("'<' not supported between these types");
}

/** Python `a in b`. */
export function pyIn(a: unknown, b: unknown): boolean {
	if (typeof b === 'string' || b instanceof SafeString) {
		if (typeof a !== 'string' && !(a instanceof SafeString)) {
			throw new TypeError("'in <string>' requires string as left operand");
		}
		return String(b).includes(String(a));
	}
	if (b instanceof Map) return b.has(normalize(a)) || b.has(a);
	if (b instanceof Set) return b.has(a);
	if (typeof b === 'object' && b !== null && !Array.isArray(b) && isDict(b)) {
		return Object.hasOwn(b, String(normalize(a)));
	}
	return pyList(b).some((item) => pyEquals(item, a));
}

/**
 * The Python class name of an object with no `__str__`: a view's `class_name`, or the class's
 * declared `python_name` (never `constructor.name`, which a production build minifies).
 */
function pythonClassName(value: object): string {
	const own = (value as { class_name?: unknown }).class_name;
	if (typeof own === 'string' && own) return own;
	const declared = (value.constructor as { python_name?: unknown } | undefined)?.python_name;
	return typeof declared === 'string' && declared ? declared : 'object';
}
