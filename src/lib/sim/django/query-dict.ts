/**
 * `django.http.QueryDict`: `request.GET` and `request.POST`. A key may have several values
 * (`?tag=a&tag=b`); `get()` gives the last one, `getlist()` all of them, as in Django.
 * Parsing follows Python's `urllib.parse.parse_qsl(keep_blank_values=True, errors='replace')`:
 * `+` is a space, a broken `%zz` stays as typed, bytes that are not UTF-8 become U+FFFD.
 */
import { TooManyFieldsSent } from './exceptions';

/** Django's DATA_UPLOAD_MAX_NUMBER_FIELDS. */
export const MAX_NUMBER_FIELDS = 1000;

export class QueryDict {
	#lists = new Map<string, string[]>();

	constructor(queryString = '') {
		for (const [key, value] of parseQsl(queryString)) this.appendlist(key, value);
	}

	static fromEntries(entries: Iterable<readonly [string, string]>): QueryDict {
		const dict = new QueryDict();
		for (const [key, value] of entries) dict.appendlist(key, value);
		return dict;
	}

	/** The last value for `key`, or `fallback` (Django's `QueryDict.get`). */
	get(key: string): string | undefined;
	get<T>(key: string, fallback: T): string | T;
	get<T>(key: string, fallback?: T): string | T | undefined {
		const list = this.#lists.get(key);
		return list && list.length > 0 ? list[list.length - 1] : fallback;
	}

	getlist(key: string): string[] {
		return [...(this.#lists.get(key) ?? [])];
	}

	has(key: string): boolean {
		return this.#lists.has(key);
	}

	appendlist(key: string, value: string): void {
		const list = this.#lists.get(key);
		if (list) list.push(value);
		else this.#lists.set(key, [value]);
	}

	setlist(key: string, values: string[]): void {
		this.#lists.set(key, [...values]);
	}

	keys(): string[] {
		return [...this.#lists.keys()];
	}

	/** Every (key, last value), as `dict(request.POST.items())` would give. */
	items(): Array<[string, string]> {
		return [...this.#lists].map(([key, list]) => [key, list[list.length - 1] ?? '']);
	}

	/** Every (key, value) pair in order, repeats included. */
	lists(): Array<[string, string[]]> {
		return [...this.#lists].map(([key, list]) => [key, [...list]]);
	}

	get size(): number {
		return this.#lists.size;
	}

	/** A plain object for traces: one value, or a list when a key repeats. */
	toJSON(): Record<string, string | string[]> {
		const out: Record<string, string | string[]> = {};
		for (const [key, list] of this.#lists) out[key] = list.length === 1 ? list[0] : [...list];
		return out;
	}

	/** `QueryDict.urlencode()`. */
	urlencode(): string {
		const parts: string[] = [];
		for (const [key, list] of this.#lists) {
			for (const value of list) parts.push(`${quotePlus(key)}=${quotePlus(value)}`);
		}
		return parts.join('&');
	}
}

/** `urllib.parse.parse_qsl(qs, keep_blank_values=True)` with Django's field limit. */
export function parseQsl(queryString: string): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	if (!queryString) return pairs;
	const chunks = queryString.split('&');
	if (chunks.length > MAX_NUMBER_FIELDS) {
		throw new TooManyFieldsSent(
			'The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS.'
		);
	}
	for (const chunk of chunks) {
		if (!chunk) continue;
		const eq = chunk.indexOf('=');
		const key = eq >= 0 ? chunk.slice(0, eq) : chunk;
		const value = eq >= 0 ? chunk.slice(eq + 1) : '';
		pairs.push([unquotePlus(key), unquotePlus(value)]);
	}
	return pairs;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** `urllib.parse.unquote_plus(errors='replace')`: never throws. */
export function unquotePlus(text: string): string {
	return unquote(text.replaceAll('+', ' '));
}

/** `urllib.parse.unquote(errors='replace')`: never throws. */
export function unquote(text: string): string {
	if (!text.includes('%')) return text;
	const bytes: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
			bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
			i += 2;
		} else {
			const code = text.codePointAt(i) ?? 0;
			const char = String.fromCodePoint(code);
			if (code > 0xffff) i += 1;
			bytes.push(...encoder.encode(char));
		}
	}
	return decoder.decode(new Uint8Array(bytes));
}

/** `urllib.parse.quote_plus` (safe characters as Python's). */
export function quotePlus(text: string): string {
	return encodeURIComponent(text)
		.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
		.replaceAll('%20', '+')
		.replace(/%7E/gi, '~');
}
