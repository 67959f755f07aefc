/**
 * What DRF's `JSONParser` does with the body's bytes, as CPython 3.11 does it:
 * `codecs.getreader('utf-8')(stream)` decodes (invalid UTF-8 raises `UnicodeDecodeError`, an
 * incomplete sequence at the very end is dropped, as a StreamReader that never sees "final"
 * does), then `json.load` parses with the C scanner: a leading BOM is refused ("Unexpected UTF-8
 * BOM"), every problem has Python's message and position ("Expecting value: line 1 column 1 (char
 * 0)"), integers keep every digit (a `bigint` past 2^53), floats stay floats (`PyFloat`, so
 * `2.0` is not `2`), `\ud800` stays a lone surrogate, and each nested array or object costs one
 * level of Python's recursion limit: too deep raises `RecursionError`, which is not a
 * `ValueError`, so DRF lets it through and Django answers 500.
 */
import { DjangoException } from '../../django/exceptions';

/** Python's `RecursionError` (a `RuntimeError`, not the `ValueError` DRF's parser catches). */
export class PythonRecursionError extends DjangoException {
	static override readonly pythonName: string = 'RecursionError';
	override name = 'RecursionError';
}

/**
 * Python's default recursion limit (1000) minus the frames in use when DRF's parser runs inside a
 * gunicorn sync worker (the worker loop, Django's handler and middleware chain, the view, DRF's
 * `request.data`, `json.load`): an estimate of about 60 frames.
 */
export const JSON_NESTING_LIMIT = 940;

/** A Python float: printed as Python's `repr()` prints it (`2.0`, `1e+16`). */
export class PyFloat {
	constructor(readonly value: number) {}
	toString(): string {
		return pyFloatRepr(this.value);
	}
	toJSON(): number {
		return this.value;
	}
}

export function pyFloatRepr(value: number): string {
	if (Number.isNaN(value)) return 'nan';
	if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
	if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
	const [mantissa, exp] = value.toExponential().split('e');
	const exponent = Number(exp);
	const negative = mantissa.startsWith('-');
	const digits = mantissa.replace('-', '').replace('.', '');
	let out: string;
	if (exponent >= -4 && exponent < 16) {
		if (exponent >= 0) {
			const whole = digits.padEnd(exponent + 1, '0');
			const int = whole.slice(0, exponent + 1);
			const frac = whole.slice(exponent + 1);
			out = `${int}.${frac || '0'}`;
		} else {
			out = `0.${'0'.repeat(-exponent - 1)}${digits}`;
		}
	} else {
		const rest = digits.slice(1);
		const sign = exponent < 0 ? '-' : '+';
		out = `${digits[0]}${rest ? `.${rest}` : ''}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
	}
	return negative ? `-${out}` : out;
}

/** Python's `UnicodeDecodeError` message for bytes that are not UTF-8, or null when they are. */
export function utf8DecodeError(bytes: Uint8Array): { message: string; validLength: number } {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i];
		let need: number;
		let lo = 0x80;
		let hi = 0xbf;
		if (b < 0x80) {
			i++;
			continue;
		} else if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) lo = 0xa0;
			if (b === 0xed) hi = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) lo = 0x90;
			if (b === 0xf4) hi = 0x8f;
		} else {
			return { message: codecError(bytes, i, i + 1, 'invalid start byte'), validLength: i };
		}
		for (let k = 1; k <= need; k++) {
			// An incomplete sequence at the very end: the stream reader keeps it for later, and
			// later never comes.
			if (i + k >= bytes.length) return { message: '', validLength: i };
			const c = bytes[i + k];
			const ok = k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
			if (!ok) {
				return {
					message: codecError(bytes, i, i + k, 'invalid continuation byte'),
					validLength: i
				};
			}
		}
		i += need + 1;
	}
	return { message: '', validLength: bytes.length };
}

function codecError(bytes: Uint8Array, start: number, end: number, reason: string): string {
	return end - start === 1
		? `'utf-8' codec can't decode byte 0x${bytes[start].toString(16).padStart(2, '0')} in position ${start}: ${reason}`
		: `'utf-8' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
}

class JsonProblem extends Error {
	constructor(
		readonly what: string,
		readonly at: number
	) {
		super(what);
	}
}

class OutOfRange extends Error {}

const WS = /[ \t\n\r]/;
const ESCAPES: Record<string, string> = {
	'"': '"',
	'\\': '\\',
	'/': '/',
	b: '\b',
	f: '\f',
	n: '\n',
	r: '\r',
	t: '\t'
};

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * `json.loads(text)` with DRF's strict constants. Returns the value, or the message of the
 * `ValueError` Python raises; throws `PythonRecursionError` for nesting past the limit.
 */
export function pythonJsonLoads(text: string): JsonResult {
	let i = 0;
	let depth = 0;
	const skip = () => {
		while (i < text.length && WS.test(text[i])) i++;
	};
	const fail = (what: string, at = i): never => {
		throw new JsonProblem(what, at);
	};

	function string(): string {
		const start = i;
		i++; // the opening quote
		let out = '';
		while (i < text.length) {
			const ch = text[i];
			if (ch === '"') {
				i++;
				return out;
			}
			if (ch === '\\') {
				const next = text[i + 1];
				if (next === undefined) fail('Unterminated string starting at', start);
				if (next === 'u') {
					const hex = text.slice(i + 2, i + 6);
					if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\uXXXX escape', i + 1);
					let code = Number.parseInt(hex, 16);
					i += 6;
					// A high surrogate followed by an escaped low one is one character.
					const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(text.slice(i));
					if (code >= 0xd800 && code <= 0xdbff && low) {
						code = 0x10000 + ((code - 0xd800) << 10) + (Number.parseInt(low[1], 16) - 0xdc00);
						i += 6;
					}
					out += String.fromCodePoint(code);
					continue;
				}
				if (!(next in ESCAPES)) fail('Invalid \\escape', i);
				out += ESCAPES[next];
				i += 2;
				continue;
			}
			if (ch.charCodeAt(0) < 0x20) fail('Invalid control character at', i);
			out += ch;
			i++;
		}
		return fail('Unterminated string starting at', start);
	}

	function nested<T>(what: 'object' | 'array', parse: () => T): T {
		depth++;
		if (depth > JSON_NESTING_LIMIT) {
			throw new PythonRecursionError(
				`maximum recursion depth exceeded while decoding a JSON ${what} from a unicode string`
			);
		}
		const value = parse();
		depth--;
		return value;
	}

	function value(): unknown {
		skip();
		const ch = text[i];
		if (ch === '"') return string();
		if (ch === '{') return nested('object', object);
		if (ch === '[') return nested('array', array);
		for (const [word, result] of [
			['null', null],
			['true', true],
			['false', false]
		] as const) {
			if (text.startsWith(word, i)) {
				i += word.length;
				return result;
			}
		}
		// Python reads these, but DRF's strict parser refuses them.
		for (const word of ['NaN', 'Infinity', '-Infinity']) {
			if (text.startsWith(word, i)) throw new OutOfRange(word);
		}
		const number = /^(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i));
		if (number) {
			i += number[0].length;
			if (number[2] || number[3]) return new PyFloat(Number(number[0]));
			const int = Number(number[1]);
			return Number.isSafeInteger(int) ? int : BigInt(number[1]);
		}
		return fail('Expecting value');
	}

	function object(): Record<string, unknown> {
		const out: Record<string, unknown> = Object.create(null);
		i++;
		skip();
		if (text[i] === '}') {
			i++;
			return out;
		}
		for (;;) {
			skip();
			if (text[i] !== '"') fail('Expecting property name enclosed in double quotes');
			const key = string();
			skip();
			if (text[i] !== ':') fail("Expecting ':' delimiter");
			i++;
			out[key] = value();
			skip();
			if (text[i] === '}') {
				i++;
				return out;
			}
			if (text[i] !== ',') fail("Expecting ',' delimiter");
			i++;
		}
	}

	function array(): unknown[] {
		const out: unknown[] = [];
		i++;
		skip();
		if (text[i] === ']') {
			i++;
			return out;
		}
		for (;;) {
			out.push(value());
			skip();
			if (text[i] === ']') {
				i++;
				return out;
			}
			if (text[i] !== ',') fail("Expecting ',' delimiter");
			i++;
		}
	}

	try {
		if (text.startsWith('\ufeff')) fail('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
		const result = value();
		skip();
		if (i < text.length) fail('Extra data');
		return { ok: true, value: result };
	} catch (error) {
		if (error instanceof OutOfRange) {
			return {
				ok: false,
				message: `Out of range float values are not JSON compliant: '${error.message}'`
			};
		}
		if (!(error instanceof JsonProblem)) throw error;
		// Python counts positions in code points, not UTF-16 units.
		const before = text.slice(0, error.at);
		const at = [...before].length;
		const line = before.split('\n').length;
		const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
		return { ok: false, message: `${error.what}: line ${line} column ${column} (char ${at})` };
	}
}

/** The message Python's `json.loads` gives for `text`, or null when it is valid JSON. */
export function pythonJsonError(text: string): string | null {
	const result = pythonJsonLoads(text);
	return result.ok ? null : result.message;
}
