/**
 * `{% if %}`/`{% elif %}`/`{% else %}` and `{% for %}`/`{% empty %}`, as in Django's
 * `defaulttags.py`: the loop pushes a context layer with `forloop` (counter, counter0,
 * revcounter, revcounter0, first, last, parentloop) and the loop variables.
 */
import type { Context } from '../context';
import { TemplateSyntaxError, VariableDoesNotExist } from '../errors';
import { splitContents } from '../lexer';
import { NodeList, type Node } from '../nodes';
import type { Parser } from '../parser';
import { pyBool, pyLen, pyList } from '../py';
import type { Token } from '../lexer';
import type { FilterExpression } from '../variable';
import { IfParser, type Condition } from './smartif';

export class IfNode implements Node {
	constructor(readonly branches: [Condition | null, NodeList][]) {}
	render(context: Context): string {
		for (const [condition, nodelist] of this.branches) {
			let match: unknown = true;
			if (condition !== null) {
				try {
					match = condition.evaluate(context);
				} catch (e) {
					// A missing variable used as a filter argument counts as None here.
					if (!(e instanceof VariableDoesNotExist)) throw e;
					match = null;
				}
			}
			if (pyBool(match)) return nodelist.render(context);
		}
		return '';
	}
	childNodelists(): NodeList[] {
		return this.branches.map(([, nodelist]) => nodelist);
	}
}

export function doIf(parser: Parser, token: Token): Node {
	const condition = (t: Token) =>
		new IfParser(splitContents(t.contents).slice(1), (text) => parser.compileFilter(text)).parse();
	const branches: [Condition | null, NodeList][] = [];
	branches.push([condition(token), parser.parse(['elif', 'else', 'endif'])]);
	let next = parser.nextToken();
	while (next.contents.startsWith('elif')) {
		branches.push([condition(next), parser.parse(['elif', 'else', 'endif'])]);
		next = parser.nextToken();
	}
	if (next.contents === 'else') {
		branches.push([null, parser.parse(['endif'])]);
		next = parser.nextToken();
	}
	if (next.contents !== 'endif') {
		throw new TemplateSyntaxError(
			`Malformed template tag at line ${next.lineno}: "${next.contents}"`,
			next.lineno
		);
	}
	return new IfNode(branches);
}

export class ForNode implements Node {
	constructor(
		readonly loopvars: string[],
		readonly sequence: FilterExpression,
		readonly isReversed: boolean,
		readonly body: NodeList,
		readonly empty: NodeList | null
	) {}

	render(context: Context): string {
		const parentloop = context.has('forloop') ? context.get('forloop') : {};
		return context.push({}, () => {
			const resolved = this.sequence.resolve(context, true);
			let values = resolved === null || resolved === undefined ? [] : pyList(resolved);
			const length = values.length;
			if (length < 1) return this.empty ? this.empty.render(context) : '';
			if (this.isReversed) values = [...values].reverse();
			const unpack = this.loopvars.length > 1;
			const loop: Record<string, unknown> = { parentloop };
			context.set('forloop', loop);
			let out = '';
			for (let i = 0; i < length; i++) {
				const item = values[i];
				loop.counter0 = i;
				loop.counter = i + 1;
				loop.revcounter = length - i;
				loop.revcounter0 = length - i - 1;
				loop.first = i === 0;
				loop.last = i === length - 1;
				if (unpack) {
					let size = 1;
					try {
						size = pyLen(item);
					} catch {
						// Not a sequence: counts as one value, as in Django.
					}
					if (size !== this.loopvars.length) {
						const error = new Error(
							`Need ${this.loopvars.length} values to unpack in for loop; got ${size}. `
						);
						error.name = 'ValueError';
						throw error;
					}
					const items = pyList(item);
					const values = Object.fromEntries(this.loopvars.map((name, j) => [name, items[j]]));
					out += context.push(values, () => this.body.render(context));
				} else {
					context.set(this.loopvars[0], item);
					out += this.body.render(context);
				}
			}
			return out;
		});
	}

	childNodelists(): NodeList[] {
		return this.empty ? [this.body, this.empty] : [this.body];
	}
}

export function doFor(parser: Parser, token: Token): Node {
	const bits = splitContents(token.contents);
	if (bits.length < 4) {
		throw new TemplateSyntaxError(
			`'for' statements should have at least four words: ${token.contents}`
		);
	}
	const isReversed = bits[bits.length - 1] === 'reversed';
	const inIndex = bits.length + (isReversed ? -3 : -2);
	if (bits[inIndex] !== 'in') {
		throw new TemplateSyntaxError(
			`'for' statements should use the format 'for x in y': ${token.contents}`
		);
	}
	const loopvars = bits.slice(1, inIndex).join(' ').split(/ *, */);
	for (const v of loopvars) {
		if (!v || /[ "'|]/.test(v)) {
			throw new TemplateSyntaxError(`'for' tag received an invalid argument: ${token.contents}`);
		}
	}
	const sequence = parser.compileFilter(bits[inIndex + 1]);
	const body = parser.parse(['empty', 'endfor']);
	let empty: NodeList | null = null;
	if (parser.nextToken().contents === 'empty') {
		empty = parser.parse(['endfor']);
		parser.deleteFirstToken();
	}
	return new ForNode(loopvars, sequence, isReversed, body, empty);
}
