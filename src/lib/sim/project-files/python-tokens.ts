/**
 * A tokenizer for the small part of Python that settings.py and urls.py are written in: names,
 * numbers, strings (with r/b prefixes, triple quotes, adjacent ones joined later), operators and
 * brackets, comments, and logical lines (a bracket keeps the line open, as in Python). Python's
 * own SyntaxError messages (3.10 and later) for what breaks a file: an unterminated string, a
 * bracket never closed or closed by the wrong one.
 */
import { PySyntaxError, SimulationReadsOnly } from './python-errors';

/** `error`: what Python's tokenizer reports here; the parser raises it only if it gets this far. */
export type TokenKind = 'name' | 'number' | 'string' | 'op' | 'newline' | 'end' | 'error';

export interface Token {
	kind: TokenKind;
	/** For a string, its value; otherwise the text as written. */
	value: string;
	line: number;
	col: number;
	/** An f-string (not read by this simulation). */
	fString?: boolean;
	/** The line starts with whitespace (only meaningful on a logical line's first token). */
	indented?: boolean;
	error?: PySyntaxError;
}

const OPERATORS = [
	'**=',
	'//=',
	'>>=',
	'<<=',
	'...',
	'->',
	'**',
	'//',
	'==',
	'!=',
	'<=',
	'>=',
	'+=',
	'-=',
	'*=',
	'/=',
	'%=',
	'&=',
	'|=',
	'^=',
	':=',
	'<<',
	'>>',
	'(',
	')',
	'[',
	']',
	'{',
	'}',
	',',
	':',
	'.',
	';',
	'@',
	'=',
	'+',
	'-',
	'*',
	'/',
	'%',
	'<',
	'>',
	'&',
	'|',
	'^',
	'~'
];
const CLOSING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const ESCAPES: Record<string, string> = {
	n: '\n',
	t: '\t',
	r: '\r',
	'\\': '\\',
	"'": "'",
	'"': '"',
	'0': '\0',
	a: '\x07',
	b: '\b',
	f: '\f',
	v: '\v',
	'\n': ''
};

export function tokenize(source: string, file: string): Token[] {
	const tokens: Token[] = [];
	try {
		scan(source, file, tokens);
	} catch (error) {
		if (!(error instanceof PySyntaxError)) throw error;
		const line = error.location?.line ?? 1;
		tokens.push({ kind: 'error', value: '', line, col: 0, error });
	}
	return tokens;
}

function scan(source: string, file: string, tokens: Token[]): void {
	const lines = source.split('\n');
	const open: { ch: string; line: number; col: number }[] = [];
	let line = 1;
	let col = 0;
	let i = 0;
	let atLineStart = true;
	let indented = false;
	const here = () => ({ file, line, text: lines[line - 1] });
	const syntax = (msg: string, at = here()) => new PySyntaxError('SyntaxError', msg, at);

	while (i < source.length) {
		const ch = source[i];
		if (ch === '\n') {
			if (open.length === 0 && !atLineStart) {
				tokens.push({ kind: 'newline', value: '\n', line, col });
			}
			i++;
			line++;
			col = 0;
			if (open.length === 0) {
				atLineStart = true;
				indented = false;
			}
			continue;
		}
		if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f') {
			if (atLineStart && col === 0) indented = true;
			i++;
			col++;
			continue;
		}
		if (ch === '#') {
			while (i < source.length && source[i] !== '\n') i++;
			continue;
		}
		if (ch === '\\' && source[i + 1] === '\n') {
			i += 2;
			line++;
			col = 0;
			continue;
		}
		const first = atLineStart;
		atLineStart = false;
		const push = (token: Token) => {
			if (first) token.indented = indented;
			tokens.push(token);
		};

		const prefix = /^([rRbBuUfF]{0,2})(['"])/.exec(source.slice(i, i + 3));
		if (prefix && (prefix[1] === '' || /^[A-Za-z]/.test(ch))) {
			const flags = prefix[1].toLowerCase();
			if (flags.includes('b')) {
				throw new SimulationReadsOnly(
					'This simulation reads only text strings, not bytes (b"…").',
					here()
				);
			}
			const startLine = line;
			const startCol = col;
			const quote = prefix[2];
			let j = i + prefix[1].length;
			const triple = source.startsWith(quote.repeat(3), j);
			const delimiter = triple ? quote.repeat(3) : quote;
			j += delimiter.length;
			let value = '';
			for (;;) {
				if (j >= source.length) {
					const kind = triple
						? 'unterminated triple-quoted string literal'
						: 'unterminated string literal';
					throw syntax(`${kind} (detected at line ${triple ? line : startLine})`, {
						file,
						line: startLine,
						text: lines[startLine - 1]
					});
				}
				const c = source[j];
				if (source.startsWith(delimiter, j)) {
					j += delimiter.length;
					break;
				}
				if (c === '\n') {
					if (!triple) {
						throw syntax(`unterminated string literal (detected at line ${startLine})`, {
							file,
							line: startLine,
							text: lines[startLine - 1]
						});
					}
					line++;
				}
				if (c === '\\' && !flags.includes('r')) {
					const next = source[j + 1];
					if (next === '\n') line++;
					value += ESCAPES[next] ?? '\\' + next;
					j += 2;
					continue;
				}
				value += c;
				j++;
			}
			push({
				kind: 'string',
				value,
				line: startLine,
				col: startCol,
				fString: flags.includes('f') || undefined
			});
			col += j - i;
			i = j;
			continue;
		}

		const name = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(source.slice(i, i + 200));
		if (name) {
			push({ kind: 'name', value: name[0], line, col });
			i += name[0].length;
			col += name[0].length;
			continue;
		}
		const number = /^(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][+-]?\d+)?)/.exec(
			source.slice(i, i + 100)
		);
		if (number && /\d/.test(ch + (source[i + 1] ?? ''))) {
			push({ kind: 'number', value: number[0], line, col });
			i += number[0].length;
			col += number[0].length;
			continue;
		}
		const op = OPERATORS.find((o) => source.startsWith(o, i));
		if (op) {
			if (op === '(' || op === '[' || op === '{') open.push({ ch: op, line, col });
			const opener = CLOSING[op];
			if (opener) {
				const top = open.pop();
				if (!top) throw syntax(`unmatched '${op}'`);
				if (top.ch !== opener) {
					const also = top.line !== line ? ` on line ${top.line}` : '';
					throw syntax(
						`closing parenthesis '${op}' does not match opening parenthesis '${top.ch}'${also}`
					);
				}
			}
			push({ kind: 'op', value: op, line, col });
			i += op.length;
			col += op.length;
			continue;
		}
		throw syntax(
			`invalid character '${ch}' (U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')})`
		);
	}
	if (open.length) {
		const top = open[open.length - 1];
		throw syntax(`'${top.ch}' was never closed`, {
			file,
			line: top.line,
			text: lines[top.line - 1]
		});
	}
	if (!atLineStart) tokens.push({ kind: 'newline', value: '\n', line, col });
	tokens.push({ kind: 'end', value: '', line, col });
}
