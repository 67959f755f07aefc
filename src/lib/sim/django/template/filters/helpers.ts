/**
 * Small pieces the built-in filters share: Python's `int()`, slicing, and a shorthand for
 * declaring a filter with Django's flags.
 */
import type { FilterContext, FilterSpec } from '../variable';

/** Python's `int(x)`: truncates floats, parses whole-number text, throws otherwise. */
export function pyInt(value: unknown): number {
	if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
	if (typeof value === 'boolean') return value ? 1 : 0;
	const text = typeof value === 'object' && value !== null ? String(value) : value;
	if (typeof text === 'string' && /^\s*[-+]?\d+\s*$/.test(text)) return Number.parseInt(text, 10);
	throw new TypeError(`invalid literal for int(): ${String(value)}`);
}

/** Python's `seq[start:stop:step]` index arithmetic. */
export function pySlice<T>(items: T[], start?: number, stop?: number, step = 1): T[] {
	if (step === 0) throw new RangeError('slice step cannot be zero');
	const n = items.length;
	const norm = (i: number | undefined, dflt: number, lo: number, hi: number) => {
		if (i === undefined) return dflt;
		const j = i < 0 ? i + n : i;
		return Math.min(Math.max(j, lo), hi);
	};
	const out: T[] = [];
	if (step > 0) {
		const a = norm(start, 0, 0, n);
		const b = norm(stop, n, 0, n);
		for (let i = a; i < b; i += step) out.push(items[i]);
	} else {
		const a = norm(start, n - 1, -1, n - 1);
		const b = norm(stop, -1, -1, n - 1);
		for (let i = a; i > b; i += step) out.push(items[i]);
	}
	return out;
}

type Flags = Omit<FilterSpec, 'fn' | 'arg'>;

/** A filter without an argument. */
export function filter0(
	fn: (value: unknown, ctx: FilterContext) => unknown,
	flags: Flags = {}
): FilterSpec {
	return { fn: (value, _arg, ctx) => fn(value, ctx), arg: 'none', ...flags };
}

/** A filter with an optional argument. */
export function filter1(
	fn: (value: unknown, arg: unknown, ctx: FilterContext) => unknown,
	flags: Flags = {}
): FilterSpec {
	return { fn, arg: 'optional', ...flags };
}

/** A filter whose argument is required. */
export function filter2(
	fn: (value: unknown, arg: unknown, ctx: FilterContext) => unknown,
	flags: Flags = {}
): FilterSpec {
	return { fn, arg: 'required', ...flags };
}
