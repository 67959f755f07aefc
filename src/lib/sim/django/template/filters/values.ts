/**
 * Built-in filters on values and lists (`django/template/defaultfilters.py`): defaults, yes/no,
 * plurals, lengths, slicing, joining, adding, number formatting.
 */
import { pyBool, pyCompare, pyLen, pyList, pyStr } from '../py';
import { conditionalEscape, isSafe, markSafe, SafeString } from '../safe';
import type { FilterSpec } from '../variable';
import { filter0, filter1, filter2, pyInt, pySlice } from './helpers';
import { filesizeformat, floatformat } from './numbers';

function pluralize(value: unknown, arg: unknown = 's'): string {
	let text = String(arg);
	if (!text.includes(',')) text = ',' + text;
	const bits = text.split(',');
	if (bits.length > 2) return '';
	const [singular, plural] = bits;
	if (
		typeof value === 'number' ||
		typeof value === 'boolean' ||
		typeof value === 'string' ||
		value instanceof SafeString
	) {
		// float(value) == 1; text that is not a number gives ''.
		const n =
			typeof value === 'string' || value instanceof SafeString
				? Number(String(value).trim() || NaN)
				: Number(value);
		if (Number.isNaN(n)) return '';
		return n === 1 ? singular : plural;
	}
	try {
		return pyLen(value) === 1 ? singular : plural;
	} catch {
		return '';
	}
}

function yesno(value: unknown, arg?: unknown): unknown {
	const bits = String(arg ?? 'yes,no,maybe').split(',');
	if (bits.length < 2) return value;
	const [yes, no, maybe = bits[1]] = bits;
	if (value === null || value === undefined) return maybe;
	return pyBool(value) ? yes : no;
}

function sliceFilter(value: unknown, arg: unknown): unknown {
	try {
		const bits = String(arg)
			.split(':')
			.map((x) => (x ? pyInt(x) : undefined));
		if (bits.length > 3) return value;
		const [a, b, c] = bits.length === 1 ? [undefined, bits[0], undefined] : bits;
		if (typeof value === 'string' || value instanceof SafeString) {
			return pySlice([...String(value)], a, b, c).join('');
		}
		if (!Array.isArray(value)) return value;
		return pySlice(value, a, b, c);
	} catch {
		return value;
	}
}

function join(value: unknown, arg: unknown, autoescape: boolean): unknown {
	let items: unknown[];
	try {
		items = pyList(value);
	} catch {
		return value;
	}
	if (autoescape) {
		const sep = conditionalEscape(arg, pyStr).value;
		return markSafe(items.map((item) => conditionalEscape(item, pyStr).value).join(sep));
	}
	// Python's str.join refuses anything but text.
	if (!items.every((item) => typeof item === 'string' || isSafe(item))) return value;
	return markSafe(items.map(String).join(String(arg)));
}

function add(value: unknown, arg: unknown): unknown {
	try {
		return pyInt(value) + pyInt(arg);
	} catch {
		// Falls back to Python's `value + arg`: text joins text, lists join lists.
		const text = (v: unknown) => typeof v === 'string' || isSafe(v);
		if (text(value) && text(arg)) {
			const joined = String(value) + String(arg);
			return isSafe(value) && isSafe(arg) ? markSafe(joined) : joined;
		}
		if (Array.isArray(value) && Array.isArray(arg)) return [...value, ...arg];
		if (typeof value === 'number' && typeof arg === 'number') return value + arg;
		return '';
	}
}

function first(value: unknown): unknown {
	if (typeof value === 'string' || isSafe(value)) return String(value)[0] ?? '';
	try {
		return pyList(value)[0] ?? '';
	} catch {
		return '';
	}
}

function last(value: unknown): unknown {
	if (typeof value === 'string' || isSafe(value)) return [...String(value)].at(-1) ?? '';
	try {
		return pyList(value).at(-1) ?? '';
	} catch {
		return '';
	}
}

function lookupKey(item: unknown, key: string): unknown {
	let current = item;
	for (const bit of key.split('.')) {
		if (current instanceof Map) current = current.get(bit);
		else if (typeof current === 'object' && current !== null) {
			current = (current as Record<string, unknown>)[bit];
		} else return undefined;
	}
	return current;
}

function dictsort(value: unknown, arg: unknown, reverse: boolean): unknown {
	try {
		const items = [...pyList(value)];
		const key = String(arg);
		items.sort((a, b) => pyCompare(lookupKey(a, key), lookupKey(b, key)));
		return reverse ? items.reverse() : items;
	} catch {
		return '';
	}
}

export const VALUE_FILTERS: Record<string, FilterSpec> = {
	default: filter2((v, arg) => (pyBool(v) ? v : arg)),
	default_if_none: filter2((v, arg) => (v === null || v === undefined ? arg : v)),
	yesno: filter1(yesno),
	pluralize: filter1(pluralize),
	length: filter0((v) => {
		try {
			return pyLen(v);
		} catch {
			return 0;
		}
	}),
	first: filter0(first, { isSafe: true }),
	last: filter0(last, { isSafe: true }),
	slice: filter2(sliceFilter, { isSafe: true }),
	join: filter2((v, arg, ctx) => join(v, arg, ctx.autoescape), {
		isSafe: true,
		needsAutoescape: true
	}),
	add: filter2(add),
	divisibleby: filter2((v, arg) => pyInt(v) % pyInt(arg) === 0, { isSafe: false }),
	floatformat: filter1((v, arg) => floatformat(v, arg ?? -1), { isSafe: true }),
	filesizeformat: filter0(filesizeformat, { isSafe: true }),
	dictsort: filter2((v, arg) => dictsort(v, arg, false)),
	dictsortreversed: filter2((v, arg) => dictsort(v, arg, true))
};
