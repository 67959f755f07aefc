/**
 * `floatformat` and `filesizeformat`, with Python's Decimal rounding (ROUND_HALF_UP) done on
 * decimal text so that 34.26|floatformat gives 34.3 just as Django does, without binary
 * floating-point surprises.
 */
import { markSafe } from '../safe';
import { pyInt } from './helpers';

/** Rounds a plain decimal text (no exponent) half away from zero to `places` decimals. */
function roundDecimal(text: string, places: number): string {
	const negative = text.startsWith('-');
	const [intPart, fracPart = ''] = text.replace(/^[-+]/, '').split('.');
	const digits = (intPart + fracPart.padEnd(places + 1, '0').slice(0, places + 1)).split('');
	const roundUp = Number(digits.pop()) >= 5;
	const scaled = digits.map(Number);
	if (roundUp) {
		let i = scaled.length - 1;
		while (i >= 0 && scaled[i] === 9) scaled[i--] = 0;
		if (i >= 0) scaled[i]++;
		else scaled.unshift(1);
	}
	const all = scaled.join('').padStart(places + 1, '0');
	const whole = all.slice(0, all.length - places).replace(/^0+(?=\d)/, '');
	const result = places ? `${whole}.${all.slice(all.length - places)}` : whole;
	// Django drops the sign of a result that rounds to zero.
	return negative && /[1-9]/.test(result) ? '-' + result : result;
}

/** A number's exact decimal text without an exponent (Python's Decimal(str(x))). */
function decimalText(value: unknown): string | null {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) {
		return null;
	}
	const n = Number(text);
	if (!/e/i.test(text)) return text.replace(/^\+/, '');
	return n.toFixed(20).replace(/\.?0+$/, '');
}

function group(whole: string): string {
	return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `floatformat(text, arg=-1)`, including the `g` (grouping) and `u` (unlocalized) suffixes. */
export function floatformat(value: unknown, arg: unknown = -1): unknown {
	let argText = String(arg ?? -1);
	let grouping = false;
	for (;;) {
		if (argText.endsWith('g')) grouping = true;
		else if (!argText.endsWith('u')) break;
		argText = argText.slice(0, -1);
	}
	const text = decimalText(value);
	if (text === null) return '';
	if (argText === '') argText = '-1';
	const p = Number.parseInt(argText, 10);
	if (Number.isNaN(p) || !/^[-+]?\d+$/.test(argText)) return text;
	const [, frac = ''] = text.replace(/^[-+]/, '').split('.');
	const isWhole = !/[1-9]/.test(frac);
	const places = isWhole && p < 0 ? 0 : Math.abs(p);
	const rounded = roundDecimal(text, places);
	const [whole, decimals] = rounded.split('.');
	const out = (grouping ? group(whole) : whole) + (decimals ? '.' + decimals : '');
	return markSafe(out);
}

/** `filesizeformat`: "117.7\u00a0MB"; Django keeps the number and unit together with a no-break space. */
export function filesizeformat(value: unknown): string {
	const nbsp = '\u00a0';
	let bytes: number;
	try {
		bytes = pyInt(value);
	} catch {
		return `0${nbsp}bytes`;
	}
	const abs = Math.abs(bytes);
	const units: [number, string][] = [
		[2 ** 50, 'PB'],
		[2 ** 40, 'TB'],
		[2 ** 30, 'GB'],
		[2 ** 20, 'MB'],
		[2 ** 10, 'KB']
	];
	let out = `${Math.trunc(abs)}${nbsp}${Math.trunc(abs) === 1 ? 'byte' : 'bytes'}`;
	for (const [size, unit] of units) {
		if (abs >= size) {
			out = `${roundDecimal(String(abs / size), 1)}${nbsp}${unit}`;
			break;
		}
	}
	return bytes < 0 ? '-' + out : out;
}
