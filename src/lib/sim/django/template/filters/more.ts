/**
 * Less common built-in filters, kept apart so the everyday ones stay easy to read: `center`,
 * `escapeseq`, `escapejs`, `json_script`, `iriencode`, `phone2numeric`, `get_digit`,
 * `stringformat`, `unordered_list`, `random`.
 */
import { isDict, pyList, pyStr } from '../py';
import { conditionalEscape, escapeHtml, isSafe, markSafe } from '../safe';
import type { FilterSpec } from '../variable';
import { filter0, filter1, filter2, pyInt } from './helpers';
import { quote } from './text';

/** Python's `str.center(width)`, which puts an odd extra space on the left when width is odd. */
function center(text: string, width: number): string {
	const margin = width - text.length;
	if (margin <= 0) return text;
	const left = Math.floor(margin / 2) + (margin & width & 1);
	return ' '.repeat(left) + text + ' '.repeat(margin - left);
}

/** `django.utils.html.escapejs`: characters unsafe in a JS string become \uXXXX escapes. */
function escapejs(text: string): string {
	let out = '';
	for (const ch of text) {
		const code = ch.charCodeAt(0);
		const unsafe = code < 32 || code === 0x2028 || code === 0x2029 || '\\\'"><&=-;`'.includes(ch);
		out += unsafe ? '\\u' + code.toString(16).toUpperCase().padStart(4, '0') : ch;
	}
	return out;
}

/** Python's `json.dumps` (ASCII only, `, ` and `: ` separators). */
function jsonDumps(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'boolean' || typeof value === 'number') return JSON.stringify(value);
	if (typeof value === 'string' || isSafe(value)) {
		return JSON.stringify(String(value)).replace(
			/[\u007f-\uffff]/g,
			(ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0')
		);
	}
	if (value instanceof Date) return jsonDumps(value.toISOString().replace('.000Z', 'Z'));
	if (Array.isArray(value)) return '[' + value.map(jsonDumps).join(', ') + ']';
	if (isDict(value)) {
		const entries = value instanceof Map ? [...value] : Object.entries(value);
		return (
			'{' + entries.map(([k, v]) => `${jsonDumps(String(k))}: ${jsonDumps(v)}`).join(', ') + '}'
		);
	}
	return jsonDumps(pyStr(value));
}

/** `json_script`: JSON in a `<script type="application/json">`, with <, > and & escaped. */
function jsonScript(value: unknown, elementId: unknown): string {
	const json = jsonDumps(value)
		.replace(/&/g, '\\u0026')
		.replace(/</g, '\\u003C')
		.replace(/>/g, '\\u003E');
	const id =
		elementId === undefined || elementId === null ? '' : ` id="${escapeHtml(pyStr(elementId))}"`;
	return `<script${id} type="application/json">${json}</script>`;
}

const PHONE: Record<string, string> = {};
for (const [digit, letters] of Object.entries({
	2: 'abc',
	3: 'def',
	4: 'ghi',
	5: 'jkl',
	6: 'mno',
	7: 'pqrs',
	8: 'tuv',
	9: 'wxyz'
})) {
	for (const ch of letters) PHONE[ch] = digit;
}

/** Python's `"%" + spec % value` for the usual conversions: s, d, i, f, e, x, X, o, with width and precision. */
function stringformat(value: unknown, spec: unknown): string {
	const m = /^([-+ 0#]*)(\d*)(?:\.(\d+))?([sdifFeExXor])$/.exec(String(spec));
	if (!m) return '';
	const [, flags, width, precision, conversion] = m;
	let out: string;
	const num = Number(value);
	if (conversion === 's') out = pyStr(value);
	else if (conversion === 'r') out = JSON.stringify(pyStr(value)).replace(/^"|"$/g, "'");
	else if (typeof value !== 'number' && typeof value !== 'boolean') return '';
	else if (conversion === 'd' || conversion === 'i') out = String(Math.trunc(num));
	else if (conversion === 'f' || conversion === 'F')
		out = num.toFixed(precision ? Number(precision) : 6);
	else if (conversion === 'e' || conversion === 'E') {
		out = num.toExponential(precision ? Number(precision) : 6).replace(/e([+-])(\d)$/, 'e$10$2');
		if (conversion === 'E') out = out.toUpperCase();
	} else {
		const base = conversion === 'o' ? 8 : 16;
		out = Math.trunc(num).toString(base);
		if (conversion === 'X') out = out.toUpperCase();
	}
	if (conversion === 's' && precision) out = out.slice(0, Number(precision));
	if (flags.includes('+') && num >= 0 && conversion !== 's') out = '+' + out;
	const w = Number(width || 0);
	if (flags.includes('-')) return out.padEnd(w);
	return flags.includes('0') && conversion !== 's' ? out.padStart(w, '0') : out.padStart(w);
}

/** `unordered_list`: a nested list as `<li>` items, without the outer `<ul>`. */
function unorderedList(value: unknown, autoescape: boolean): string {
	const esc = (item: unknown) => (autoescape ? conditionalEscape(item, pyStr).value : pyStr(item));
	const format = (items: unknown[], tabs: number): string => {
		const indent = '\t'.repeat(tabs);
		const out: string[] = [];
		for (let i = 0; i < items.length; i++) {
			const children = items[i + 1];
			let sublist = '';
			if (Array.isArray(children)) {
				sublist = `\n${indent}<ul>\n${format(children, tabs + 1)}\n${indent}</ul>\n${indent}`;
			}
			out.push(`${indent}<li>${esc(items[i])}${sublist}</li>`);
			if (sublist) i++;
		}
		return out.join('\n');
	};
	return format(pyList(value), 1);
}

export const MORE_FILTERS: Record<string, FilterSpec> = {
	center: filter2((v, arg) => center(v as string, pyInt(arg)), {
		isSafe: true,
		stringFilter: true
	}),
	escapeseq: filter0((v) => pyList(v).map((item) => conditionalEscape(item, pyStr)), {
		isSafe: true
	}),
	escapejs: filter0((v) => escapejs(v as string), { stringFilter: true }),
	json_script: filter1((v, id) => markSafe(jsonScript(v, id)), { isSafe: true }),
	iriencode: filter0((v) => quote(v as string, "/#%[]=:;$&()+,!?*@'~"), {
		isSafe: true,
		stringFilter: true
	}),
	phone2numeric: filter0((v) => [...pyStr(v)].map((ch) => PHONE[ch.toLowerCase()] ?? ch).join(''), {
		isSafe: true
	}),
	get_digit: filter2((v, arg) => {
		let n: number;
		let digit: number;
		try {
			n = pyInt(v);
			digit = pyInt(arg);
		} catch {
			return v;
		}
		if (digit < 1) return v;
		const text = String(n);
		return digit > text.length ? 0 : Number(text[text.length - digit]);
	}),
	stringformat: filter2(stringformat, { isSafe: true }),
	unordered_list: filter0((v, ctx) => markSafe(unorderedList(v, ctx.autoescape)), {
		isSafe: true,
		needsAutoescape: true
	}),
	random: filter0(
		(v) => {
			const items = pyList(v);
			return items.length ? items[Math.floor(Math.random() * items.length)] : '';
		},
		{ isSafe: true }
	)
};
