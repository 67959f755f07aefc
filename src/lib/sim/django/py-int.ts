/**
 * Python's `int(text)` for base 10, which Django's integer fields call: white space around the
 * number, a sign, any Unicode decimal digits (`５` is 5, as `int('５')` is), single underscores
 * between digits, no size limit (a `bigint` beyond JavaScript's safe integers), at most 4300
 * digits (Python's `sys.int_info.default_max_str_digits`). `null` where Python raises ValueError.
 */

const DIGIT = /\p{Nd}/u;
const MAX_DIGITS = 4300;

/** The value of one Unicode decimal digit: digits come in runs of ten, from 0 to 9. */
function digitValue(ch: string): number {
	const code = ch.codePointAt(0) ?? 0;
	if (code >= 0x30 && code <= 0x39) return code - 0x30;
	let start = code;
	while (DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
	return (code - start) % 10;
}

/** Python's `str.strip()`: JavaScript's white space, plus the separators U+001C..U+001F and U+0085. */
function stripPython(text: string): string {
	const space = (ch: string) => /\s/u.test(ch) || (ch >= '\x1c' && ch <= '\x1f') || ch === '\x85';
	const chars = [...text];
	let start = 0;
	let end = chars.length;
	while (start < end && space(chars[start])) start += 1;
	while (end > start && space(chars[end - 1])) end -= 1;
	return chars.slice(start, end).join('');
}

export function pyInt(text: string): number | bigint | null {
	const trimmed = stripPython(text);
	const match = /^([+-]?)(.+)$/su.exec(trimmed);
	if (!match) return null;
	const [, sign, body] = match;
	let digits = '';
	let previousUnderscore = true;
	for (const ch of body) {
		if (ch === '_') {
			if (previousUnderscore) return null;
			previousUnderscore = true;
			continue;
		}
		if (!DIGIT.test(ch)) return null;
		digits += String(digitValue(ch));
		previousUnderscore = false;
	}
	if (previousUnderscore || digits.length > MAX_DIGITS) return null;
	const big = BigInt(`${sign === '-' ? '-' : ''}${digits}`);
	const small = Number(big);
	return Number.isSafeInteger(small) ? small : big;
}
