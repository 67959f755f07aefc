/**
 * Built-in filters on text (`django/template/defaultfilters.py`): case, truncation, line breaks,
 * escaping, slugs, URL quoting. Flags (`isSafe`, `needsAutoescape`, `stringFilter`) are Django's.
 */
import { pyList } from '../py';
import { escape, escapeHtml, markSafe } from '../safe';
import { filter0, filter1, filter2, pyInt } from './helpers';
import type { FilterSpec } from '../variable';

const str = (value: unknown) => value as string;

/** Python's `str.title()`, then Django's two fixes for apostrophes and digits. */
function title(text: string): string {
	let out = '';
	let previousCased = false;
	for (const ch of text) {
		const cased = ch.toLowerCase() !== ch.toUpperCase();
		out += cased ? (previousCased ? ch.toLowerCase() : ch.toUpperCase()) : ch;
		previousCased = cased;
	}
	return out
		.replace(/([a-z])'([A-Z])/g, (m) => m.toLowerCase())
		.replace(/\d([A-Z])/g, (m) => m.toLowerCase());
}

/** `Truncator.add_truncation_text`. */
function addTruncation(text: string, truncate: string): string {
	return text.endsWith(truncate) ? text : text + truncate;
}

function truncateWords(text: string, arg: unknown): string {
	let length: number;
	try {
		length = pyInt(arg);
	} catch {
		return text;
	}
	if (length <= 0) return '';
	const words = text.split(/\s+/).filter(Boolean);
	if (words.length > length) return addTruncation(words.slice(0, length).join(' '), ' …');
	return words.join(' ');
}

function truncateChars(text: string, arg: unknown): string {
	let length: number;
	try {
		length = pyInt(arg);
	} catch {
		return text;
	}
	if (length <= 0) return '';
	const chars = [...text.normalize('NFC')];
	// The ellipsis counts towards the length: "Joel is a slug"|truncatechars:7 is "Joel i…".
	return chars.length > length ? chars.slice(0, length - 1).join('') + '…' : chars.join('');
}

const normalizeNewlines = (text: string) => text.replace(/\r\n|\r/g, '\n');

/** `django.utils.html.linebreaks`. */
function linebreaks(text: string, autoescape: boolean): string {
	const paras = normalizeNewlines(text).split(/\n{2,}/);
	return paras
		.map((p) => `<p>${(autoescape ? escapeHtml(p) : p).replace(/\n/g, '<br>')}</p>`)
		.join('\n\n');
}

/** `strip_tags`: removes anything that looks like a tag, repeatedly, as Django's loop does. */
export function stripTags(text: string): string {
	let value = text;
	for (;;) {
		const next = value.replace(/<\/?[a-zA-Z!?][^<>]*>|<!--[\s\S]*?-->/g, '');
		if (next === value) return value;
		value = next;
	}
}

/** `urllib.parse.quote(text, safe)`: UTF-8, upper-case percent escapes. */
export function quote(text: string, safe = '/'): string {
	let out = '';
	for (const ch of text) {
		if (/[A-Za-z0-9_.\-~]/.test(ch) || safe.includes(ch)) out += ch;
		else
			out += encodeURIComponent(ch).replace(
				/[!'()*]/g,
				(c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()
			);
	}
	return out;
}

export const TEXT_FILTERS: Record<string, FilterSpec> = {
	lower: filter0((v) => str(v).toLowerCase(), { isSafe: true, stringFilter: true }),
	// Not is_safe: upper-casing could turn `&amp;` into `&AMP;`.
	upper: filter0((v) => str(v).toUpperCase(), { stringFilter: true }),
	title: filter0((v) => title(str(v)), { isSafe: true, stringFilter: true }),
	capfirst: filter0((v) => str(v) && str(v)[0].toUpperCase() + str(v).slice(1), {
		isSafe: true,
		stringFilter: true
	}),
	truncatewords: filter2((v, arg) => truncateWords(str(v), arg), {
		isSafe: true,
		stringFilter: true
	}),
	truncatechars: filter2((v, arg) => truncateChars(str(v), arg), {
		isSafe: true,
		stringFilter: true
	}),
	linebreaks: filter0((v, ctx) => markSafe(linebreaks(str(v), ctx.autoescape && !ctx.inputSafe)), {
		isSafe: true,
		needsAutoescape: true,
		stringFilter: true
	}),
	linebreaksbr: filter0(
		(v, ctx) => {
			const text = normalizeNewlines(str(v));
			const escaped = ctx.autoescape && !ctx.inputSafe ? escapeHtml(text) : text;
			return markSafe(escaped.replace(/\n/g, '<br>'));
		},
		{ isSafe: true, needsAutoescape: true, stringFilter: true }
	),
	// `escape` is conditional: already-safe text is left alone (use force_escape to escape again).
	escape: filter0((v, ctx) => (ctx.inputSafe ? markSafe(v) : escape(v)), {
		isSafe: true,
		stringFilter: true
	}),
	force_escape: filter0((v) => escape(v), { isSafe: true, stringFilter: true }),
	safe: filter0((v) => markSafe(v), { isSafe: true, stringFilter: true }),
	safeseq: filter0((v) => pyList(v).map((item) => markSafe(item)), { isSafe: true }),
	striptags: filter0((v) => stripTags(str(v)), { isSafe: true, stringFilter: true }),
	slugify: filter0(
		(v) =>
			str(v)
				.normalize('NFKD')
				.replace(/[^ -~\t\n\r\f\v]/g, '')
				.toLowerCase()
				.replace(/[^\w\s-]/g, '')
				.replace(/[-\s]+/g, '-')
				.replace(/^[-_]+|[-_]+$/g, ''),
		{ isSafe: true, stringFilter: true }
	),
	urlencode: filter1((v, safe) => quote(str(v), safe === undefined ? '/' : String(safe)), {
		stringFilter: true
	}),
	cut: filter2(
		(v, arg, ctx) => {
			const out = str(v).replaceAll(String(arg), '');
			return ctx.inputSafe && String(arg) !== ';' ? markSafe(out) : out;
		},
		{ stringFilter: true }
	),
	wordcount: filter0((v) => str(v).split(/\s+/).filter(Boolean).length, { stringFilter: true }),
	make_list: filter0((v) => [...str(v)], { stringFilter: true }),
	addslashes: filter0(
		(v) => str(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/'/g, "\\'"),
		{ isSafe: true, stringFilter: true }
	),
	ljust: filter2((v, arg) => str(v).padEnd(pyInt(arg)), { isSafe: true, stringFilter: true }),
	rjust: filter2((v, arg) => str(v).padStart(pyInt(arg)), { isSafe: true, stringFilter: true }),
	linenumbers: filter0(
		(v, ctx) => {
			const lines = str(v).split('\n');
			const width = String(lines.length).length;
			const esc = ctx.autoescape && !ctx.inputSafe;
			return markSafe(
				lines
					.map(
						(line, i) => `${String(i + 1).padStart(width, '0')}. ${esc ? escapeHtml(line) : line}`
					)
					.join('\n')
			);
		},
		{ isSafe: true, needsAutoescape: true, stringFilter: true }
	)
};
