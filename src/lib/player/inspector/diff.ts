/** Before/after comparisons for the Cookies & session tab, with each change named in words. */
import type { CookieInfo } from '$lib/sim/types';

export type Change = 'added' | 'changed' | 'removed' | 'unchanged';

export interface CookieRow {
	name: string;
	before?: string;
	after?: string;
	change: Change;
}

const cookieText = (c: CookieInfo) => (c.attributes ? `${c.value}; ${c.attributes}` : c.value);

function changeOf(before: string | undefined, after: string | undefined): Change {
	if (before === undefined) return 'added';
	if (after === undefined) return 'removed';
	return before === after ? 'unchanged' : 'changed';
}

/** One row per cookie name, in the order they first appear (before, then new ones). */
export function diffCookies(
	before: readonly CookieInfo[] = [],
	after: readonly CookieInfo[] = []
): CookieRow[] {
	const names = [...new Set([...before, ...after].map((c) => c.name))];
	return names.map((name) => {
		const b = before.find((c) => c.name === name);
		const a = after.find((c) => c.name === name);
		const bt = b && cookieText(b);
		const at = a && cookieText(a);
		return { name, before: bt, after: at, change: changeOf(bt, at) };
	});
}

export interface SessionRow {
	key: string;
	before?: string;
	after?: string;
	change: Change;
}

const show = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));

export function diffSession(
	before: Readonly<Record<string, unknown>> = {},
	after: Readonly<Record<string, unknown>> = {}
): SessionRow[] {
	const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	return keys.map((key) => {
		const b = show(before[key]);
		const a = show(after[key]);
		return { key, before: b, after: a, change: changeOf(b, a) };
	});
}
