/**
 * The expression parser of `{% if %}`, a port of Django's `smartif.py` (a Pratt parser): `or`
 * binds loosest, then `and`, then `not`, then `in`/`not in`, then the comparisons and `is`. An
 * operator that fails (comparing text with a number) gives False, as in Django.
 */
import type { Context } from '../context';
import { TemplateSyntaxError } from '../errors';
import { pyBool, pyCompare, pyEquals, pyIn } from '../py';
import type { FilterExpression } from '../variable';

export interface Condition {
	evaluate(context: Context): unknown;
}

interface Symbol_ {
	id: string;
	lbp: number;
	nud(parser: IfParser): Condition;
	led(left: Condition, parser: IfParser): Condition;
}

type Binary = (context: Context, x: Condition, y: Condition) => unknown;

function safely(fn: () => unknown): unknown {
	try {
		return fn();
	} catch {
		return false;
	}
}

/** Python's `x or y` / `x and y`: the deciding operand itself, not a boolean. */
function either(x: unknown, y: () => unknown, isOr: boolean): unknown {
	return pyBool(x) === isOr ? x : y();
}

const isSame = (a: unknown, b: unknown) => a === b || (a == null && b == null);

const INFIX: Record<string, [number, Binary]> = {
	or: [6, (c, x, y) => either(x.evaluate(c), () => y.evaluate(c), true)],
	and: [7, (c, x, y) => either(x.evaluate(c), () => y.evaluate(c), false)],
	in: [9, (c, x, y) => pyIn(x.evaluate(c), y.evaluate(c))],
	'not in': [9, (c, x, y) => !pyIn(x.evaluate(c), y.evaluate(c))],
	is: [10, (c, x, y) => isSame(x.evaluate(c), y.evaluate(c))],
	'is not': [10, (c, x, y) => !isSame(x.evaluate(c), y.evaluate(c))],
	'==': [10, (c, x, y) => pyEquals(x.evaluate(c), y.evaluate(c))],
	'!=': [10, (c, x, y) => !pyEquals(x.evaluate(c), y.evaluate(c))],
	'>': [10, (c, x, y) => pyCompare(x.evaluate(c), y.evaluate(c)) > 0],
	'>=': [10, (c, x, y) => pyCompare(x.evaluate(c), y.evaluate(c)) >= 0],
	'<': [10, (c, x, y) => pyCompare(x.evaluate(c), y.evaluate(c)) < 0],
	'<=': [10, (c, x, y) => pyCompare(x.evaluate(c), y.evaluate(c)) <= 0]
};

function infix(id: string): Symbol_ {
	const [lbp, fn] = INFIX[id];
	return {
		id,
		lbp,
		nud() {
			throw new TemplateSyntaxError(`Not expecting '${id}' in this position in if tag.`);
		},
		led(left, parser) {
			const right = parser.expression(lbp);
			return { evaluate: (c) => safely(() => fn(c, left, right)) };
		}
	};
}

function not(): Symbol_ {
	return {
		id: 'not',
		lbp: 8,
		nud(parser) {
			const operand = parser.expression(8);
			return { evaluate: (c) => safely(() => !pyBool(operand.evaluate(c))) };
		},
		led() {
			throw new TemplateSyntaxError(`Not expecting 'not' as infix operator in if tag.`);
		}
	};
}

function literal(text: string, value: FilterExpression): Symbol_ {
	return {
		id: text,
		lbp: 0,
		// A missing variable is None here, not '' (ignore_failures=True).
		nud: () => ({ evaluate: (c) => value.resolve(c, true) }),
		led() {
			throw new TemplateSyntaxError(`Not expecting '${text}' as infix operator in if tag.`);
		}
	};
}

const END: Symbol_ = {
	id: '',
	lbp: 0,
	nud() {
		throw new TemplateSyntaxError('Unexpected end of expression in if tag.');
	},
	led() {
		throw new TemplateSyntaxError('Unexpected end of expression in if tag.');
	}
};

export class IfParser {
	private tokens: Symbol_[] = [];
	private pos = 0;
	private current: Symbol_;

	constructor(bits: string[], compileFilter: (text: string) => FilterExpression) {
		for (let i = 0; i < bits.length; i++) {
			let bit = bits[i];
			// "is not" and "not in" are single operators.
			if (bit === 'is' && bits[i + 1] === 'not') bit = bits[i++] + ' not';
			else if (bit === 'not' && bits[i + 1] === 'in') bit = 'not ' + bits[++i];
			if (bit === 'not') this.tokens.push(not());
			else if (Object.hasOwn(INFIX, bit)) this.tokens.push(infix(bit));
			else this.tokens.push(literal(bit, compileFilter(bit)));
		}
		this.current = this.next();
	}

	private next(): Symbol_ {
		return this.pos < this.tokens.length ? this.tokens[this.pos++] : END;
	}

	parse(): Condition {
		const result = this.expression();
		if (this.current !== END) {
			throw new TemplateSyntaxError(`Unused '${this.current.id}' at end of if expression.`);
		}
		return result;
	}

	expression(rbp = 0): Condition {
		let t = this.current;
		this.current = this.next();
		let left = t.nud(this);
		while (rbp < this.current.lbp) {
			t = this.current;
			this.current = this.next();
			left = t.led(left, this);
		}
		return left;
	}
}
