/**
 * A parser for the Python that settings.py and urls.py are written in, and nothing more: imports,
 * docstrings, and `NAME = expression` where an expression is a literal (string, number, True,
 * False, None), a list, tuple or dict of them, a name, an attribute, a call with positional and
 * keyword arguments, or arithmetic (`60 * 60 * 24`, `BASE_DIR / "templates"`).
 *
 * Broken Python gets Python's own SyntaxError; Python that is fine but beyond this subset (an
 * `if`, a `def`, a comprehension, `==`…) gets `SimulationReadsOnly`, never a guess.
 */
import { PySyntaxError, SimulationReadsOnly, type PyLocation } from './python-errors';
import { tokenize, type Token } from './python-tokens';

export type Expr =
	| { kind: 'const'; value: string | number | boolean | null; py: PyConstType; line: number }
	| { kind: 'name'; name: string; line: number }
	| { kind: 'attr'; object: Expr; name: string; line: number }
	| {
			kind: 'call';
			func: Expr;
			args: Expr[];
			kwargs: { name: string; value: Expr }[];
			line: number;
	  }
	| { kind: 'list' | 'tuple'; items: Expr[]; line: number }
	| { kind: 'dict'; entries: { key: Expr; value: Expr }[]; line: number }
	| { kind: 'binop'; op: string; left: Expr; right: Expr; line: number }
	| { kind: 'unary'; op: string; operand: Expr; line: number };

export type PyConstType = 'str' | 'int' | 'float' | 'bool' | 'NoneType';

export type Statement =
	| { kind: 'import'; module: string; alias?: string; line: number }
	| {
			kind: 'from';
			module: string;
			/** Leading dots: `from . import views` is level 1. */
			level: number;
			names: { name: string; alias?: string }[];
			line: number;
	  }
	| { kind: 'assign'; target: string; value: Expr; line: number }
	| { kind: 'docstring'; line: number };

/** What this simulation reads, for the "reads only" answers. */
export const READS_ONLY =
	'This simulation reads only the Python that settings.py and urls.py are written in: imports, and assignments (NAME = value) of strings, numbers, True, False, None, lists, tuples and dicts of them, names, and calls such as path(), re_path() and include().';

const STATEMENT_KEYWORDS = new Set([
	'def',
	'class',
	'if',
	'elif',
	'else',
	'for',
	'while',
	'try',
	'except',
	'finally',
	'with',
	'return',
	'del',
	'global',
	'nonlocal',
	'assert',
	'raise',
	'pass',
	'break',
	'continue',
	'async',
	'await',
	'lambda',
	'yield',
	'match'
]);
/** Python that parses but that this simulation does not read. */
const UNREAD_OPERATORS = new Set([
	'==',
	'!=',
	'<',
	'>',
	'<=',
	'>=',
	'**',
	'@',
	'&',
	'|',
	'^',
	'~',
	'<<',
	'>>',
	':=',
	'if',
	'else',
	'for',
	'and',
	'or',
	'not',
	'in',
	'is',
	'lambda'
]);
const STARTS_EXPRESSION = (t: Token) =>
	t.kind === 'name' ||
	t.kind === 'number' ||
	t.kind === 'string' ||
	(t.kind === 'op' && ['(', '[', '{', '-', '+'].includes(t.value));

export function parseModule(source: string, file: string): Statement[] {
	const tokens = tokenize(source, file);
	const lines = source.split('\n');
	let pos = 0;
	const check = (t: Token) => {
		if (t.kind === 'error' && t.error) throw t.error;
		return t;
	};
	const peek = () => check(tokens[pos]);
	const next = () => check(tokens[pos++]);
	const at = (t: Token): PyLocation => ({ file, line: t.line, text: lines[t.line - 1] });
	const syntax = (t: Token, msg = 'invalid syntax') => new PySyntaxError('SyntaxError', msg, at(t));
	const unread = (t: Token, what: string) =>
		new SimulationReadsOnly(`${READS_ONLY} It does not read ${what}.`, at(t));
	const isOp = (t: Token, value: string) => t.kind === 'op' && t.value === value;
	const expectOp = (value: string) => {
		const t = next();
		if (!isOp(t, value)) throw syntax(t);
		return t;
	};
	const expectName = () => {
		const t = next();
		if (t.kind !== 'name') throw syntax(t);
		return t.value;
	};

	/** A token where an expression should have ended: say what is wrong with it. */
	function stray(t: Token, inBrackets: boolean): Error {
		if (t.kind === 'string' && t.fString) return unread(t, 'f-strings');
		if ((t.kind === 'op' || t.kind === 'name') && UNREAD_OPERATORS.has(t.value))
			return unread(t, `the operator or keyword "${t.value}"`);
		if (inBrackets && STARTS_EXPRESSION(t)) {
			// Python points at the expression before the missing comma.
			const before = tokens[pos - 1] ?? t;
			return syntax(before, 'invalid syntax. Perhaps you forgot a comma?');
		}
		return syntax(t);
	}

	function atom(_inBrackets: boolean): Expr {
		const t = next();
		if (t.kind === 'number') {
			const text = t.value.replace(/_/g, '');
			if (/^0[xXoObB]/.test(text)) return unreadNumber(t);
			const isFloat = /[.eE]/.test(text);
			return { kind: 'const', value: Number(text), py: isFloat ? 'float' : 'int', line: t.line };
		}
		if (t.kind === 'string') {
			if (t.fString) throw unread(t, 'f-strings');
			let value = t.value;
			while (peek().kind === 'string') {
				const more = next();
				if (more.fString) throw unread(more, 'f-strings');
				value += more.value;
			}
			return { kind: 'const', value, py: 'str', line: t.line };
		}
		if (t.kind === 'name') {
			if (t.value === 'True' || t.value === 'False')
				return { kind: 'const', value: t.value === 'True', py: 'bool', line: t.line };
			if (t.value === 'None') return { kind: 'const', value: null, py: 'NoneType', line: t.line };
			if (STATEMENT_KEYWORDS.has(t.value) || UNREAD_OPERATORS.has(t.value))
				throw unread(t, `"${t.value}"`);
			return { kind: 'name', name: t.value, line: t.line };
		}
		if (isOp(t, '(') || isOp(t, '[')) {
			const close = t.value === '(' ? ')' : ']';
			const items: Expr[] = [];
			let comma = false;
			while (!isOp(peek(), close)) {
				if (isOp(peek(), '*')) throw unread(peek(), 'unpacking with *');
				items.push(expression(true));
				if (isOp(peek(), ',')) {
					next();
					comma = true;
				} else if (!isOp(peek(), close)) throw stray(peek(), true);
			}
			next();
			if (t.value === '(' && items.length === 1 && !comma) return items[0];
			return { kind: t.value === '(' ? 'tuple' : 'list', items, line: t.line };
		}
		if (isOp(t, '{')) {
			const entries: { key: Expr; value: Expr }[] = [];
			while (!isOp(peek(), '}')) {
				if (isOp(peek(), '**')) throw unread(peek(), 'unpacking with **');
				const key = expression(true);
				if (!isOp(peek(), ':')) {
					if (isOp(peek(), ',') || isOp(peek(), '}')) throw unread(peek(), 'sets');
					throw stray(peek(), true);
				}
				next();
				entries.push({ key, value: expression(true) });
				if (isOp(peek(), ',')) next();
				else if (!isOp(peek(), '}')) throw stray(peek(), true);
			}
			next();
			return { kind: 'dict', entries, line: t.line };
		}
		if (t.kind === 'newline' || t.kind === 'end') throw syntax(t);
		if (t.kind === 'op' && UNREAD_OPERATORS.has(t.value)) throw unread(t, `"${t.value}"`);
		throw syntax(t);
	}

	function unreadNumber(t: Token): never {
		throw unread(t, 'hexadecimal, octal or binary numbers');
	}

	function postfix(inBrackets: boolean): Expr {
		let expr = atom(inBrackets);
		for (;;) {
			const t = peek();
			if (isOp(t, '.')) {
				next();
				expr = { kind: 'attr', object: expr, name: expectName(), line: t.line };
			} else if (isOp(t, '(')) {
				next();
				const args: Expr[] = [];
				const kwargs: { name: string; value: Expr }[] = [];
				while (!isOp(peek(), ')')) {
					if (isOp(peek(), '*') || isOp(peek(), '**'))
						throw unread(peek(), 'unpacking with * or **');
					const here = peek();
					if (here.kind === 'name' && isOp(tokens[pos + 1], '=')) {
						next();
						next();
						kwargs.push({ name: here.value, value: expression(true) });
					} else {
						if (kwargs.length) throw syntax(here, 'positional argument follows keyword argument');
						args.push(expression(true));
					}
					if (isOp(peek(), ',')) next();
					else if (!isOp(peek(), ')')) throw stray(peek(), true);
				}
				next();
				expr = { kind: 'call', func: expr, args, kwargs, line: t.line };
			} else if (isOp(t, '[')) {
				throw unread(t, 'subscripts (x[…])');
			} else return expr;
		}
	}

	function unary(inBrackets: boolean): Expr {
		const t = peek();
		if (isOp(t, '-') || isOp(t, '+')) {
			next();
			return { kind: 'unary', op: t.value, operand: unary(inBrackets), line: t.line };
		}
		return postfix(inBrackets);
	}

	function binary(ops: string[], operand: (b: boolean) => Expr, inBrackets: boolean): Expr {
		let left = operand(inBrackets);
		while (peek().kind === 'op' && ops.includes(peek().value)) {
			const t = next();
			left = { kind: 'binop', op: t.value, left, right: operand(inBrackets), line: t.line };
		}
		return left;
	}

	function expression(inBrackets = false): Expr {
		return binary(['+', '-'], (b) => binary(['*', '/', '//', '%'], unary, b), inBrackets);
	}

	function endOfStatement() {
		const t = next();
		if (t.kind === 'newline' || t.kind === 'end') return;
		if (isOp(t, ';')) throw unread(t, 'several statements on one line');
		if (isOp(t, '=')) throw unread(t, 'chained assignments (a = b = …)');
		throw stray(t, false);
	}

	function dotted(): string {
		let name = expectName();
		while (isOp(peek(), '.')) {
			next();
			name += '.' + expectName();
		}
		return name;
	}

	const statements: Statement[] = [];
	while (peek().kind !== 'end') {
		const t = peek();
		if (t.kind === 'newline') {
			next();
			continue;
		}
		if (t.indented) throw new PySyntaxError('IndentationError', 'unexpected indent', at(t));
		if (t.kind === 'name' && t.value === 'import') {
			next();
			const module = dotted();
			let alias: string | undefined;
			if (peek().kind === 'name' && peek().value === 'as') {
				next();
				alias = expectName();
			}
			if (isOp(peek(), ',')) throw unread(peek(), 'several modules in one import');
			statements.push({ kind: 'import', module, alias, line: t.line });
			endOfStatement();
			continue;
		}
		if (t.kind === 'name' && t.value === 'from') {
			next();
			let level = 0;
			while (isOp(peek(), '.') || isOp(peek(), '...')) level += next().value.length;
			const module = peek().kind === 'name' && peek().value !== 'import' ? dotted() : '';
			const imp = next();
			if (imp.kind !== 'name' || imp.value !== 'import') throw syntax(imp);
			const paren = isOp(peek(), '(');
			if (paren) next();
			if (isOp(peek(), '*')) throw unread(peek(), '"import *"');
			const names: { name: string; alias?: string }[] = [];
			for (;;) {
				const name = expectName();
				let alias: string | undefined;
				if (peek().kind === 'name' && peek().value === 'as') {
					next();
					alias = expectName();
				}
				names.push({ name, alias });
				if (!isOp(peek(), ',')) break;
				next();
				if (paren && isOp(peek(), ')')) break;
			}
			if (paren) expectOp(')');
			statements.push({ kind: 'from', module, level, names, line: t.line });
			endOfStatement();
			continue;
		}
		if (t.kind === 'name' && STATEMENT_KEYWORDS.has(t.value))
			throw unread(t, `"${t.value}" statements`);
		if (t.kind === 'string' && !t.fString) {
			const start = pos;
			atom(false);
			if (peek().kind === 'newline' || peek().kind === 'end') {
				next();
				statements.push({ kind: 'docstring', line: t.line });
				continue;
			}
			pos = start;
		}
		if (t.kind === 'name' && isOp(tokens[pos + 1], '=')) {
			next();
			next();
			const value = expression();
			statements.push({ kind: 'assign', target: t.value, value, line: t.line });
			endOfStatement();
			continue;
		}
		if (t.kind === 'name') {
			const after = tokens[pos + 1];
			if (after.kind === 'op' && /^[-+*/%&|^@]=$|^(\*\*|\/\/|<<|>>)=$/.test(after.value))
				throw unread(after, `augmented assignments (${after.value})`);
			if (isOp(after, ':')) throw unread(after, 'annotated assignments');
			if (isOp(after, ',')) throw unread(after, 'assignments to several names');
		}
		// An expression on its own (a call, say): valid Python this simulation does not run.
		expression();
		const end = peek();
		if (end.kind === 'newline' || end.kind === 'end')
			throw unread(t, 'expressions on their own line');
		throw stray(end, false);
	}
	return statements;
}
