/**
 * Tags mostly used inside loops and for small calculations (`defaulttags.py`): `cycle`,
 * `resetcycle`, `ifchanged`, `regroup`, `widthratio`, and `filter`, which runs a block's output
 * through filters.
 */
import type { Context } from '../context';
import { TemplateSyntaxError } from '../errors';
import { splitContents, type Token } from '../lexer';
import { renderValueInContext, type Node, type NodeList } from '../nodes';
import type { Parser } from '../parser';
import { pyEquals, pyList, pyStr } from '../py';
import { markSafe } from '../safe';
import type { FilterExpression } from '../variable';

export class CycleNode implements Node {
	constructor(
		readonly values: FilterExpression[],
		readonly variableName: string | null = null,
		readonly silent = false
	) {}
	render(context: Context): string {
		// The position lives in the render context: each render of the template starts afresh.
		const index = (context.renderContext.get(this) as number | undefined) ?? 0;
		context.renderContext.set(this, (index + 1) % this.values.length);
		const value = this.values[index].resolve(context);
		if (this.variableName) context.setUpward(this.variableName, value);
		return this.silent ? '' : renderValueInContext(value, context);
	}
	reset(context: Context): void {
		context.renderContext.set(this, 0);
	}
}

export function doCycle(parser: Parser, token: Token): Node {
	let args = splitContents(token.contents);
	if (args.length < 2) throw new TemplateSyntaxError("'cycle' tag requires at least two arguments");
	if (args.length === 2) {
		const name = args[1];
		if (!parser.namedCycles.size) {
			throw new TemplateSyntaxError(`No named cycles in template. '${name}' is not defined`);
		}
		const node = parser.namedCycles.get(name);
		if (!node) throw new TemplateSyntaxError(`Named cycle '${name}' does not exist`);
		return node;
	}
	let asForm = false;
	let silent = false;
	if (args.length > 4) {
		if (args[args.length - 3] === 'as') {
			if (args[args.length - 1] !== 'silent') {
				throw new TemplateSyntaxError(
					`Only 'silent' flag is allowed after cycle's name, not '${args[args.length - 1]}'.`
				);
			}
			asForm = true;
			silent = true;
			args = args.slice(0, -1);
		} else if (args[args.length - 2] === 'as') {
			asForm = true;
		}
	}
	let node: CycleNode;
	if (asForm) {
		const name = args[args.length - 1];
		node = new CycleNode(
			args.slice(1, -2).map((a) => parser.compileFilter(a)),
			name,
			silent
		);
		parser.namedCycles.set(name, node);
	} else {
		node = new CycleNode(args.slice(1).map((a) => parser.compileFilter(a)));
	}
	parser.lastCycle = node;
	return node;
}

export function doResetcycle(parser: Parser, token: Token): Node {
	const args = splitContents(token.contents);
	if (args.length > 2)
		throw new TemplateSyntaxError(`'${args[0]}' tag accepts at most one argument.`);
	const node = args.length === 2 ? parser.namedCycles.get(args[1]) : parser.lastCycle;
	if (!node) {
		throw new TemplateSyntaxError(
			args.length === 2 ? `Named cycle '${args[1]}' does not exist.` : 'No cycles in template.'
		);
	}
	return {
		render(context: Context) {
			(node as CycleNode).reset(context);
			return '';
		}
	};
}

const loopStates = new WeakMap<object, Map<unknown, unknown>>();

class IfChangedNode implements Node {
	constructor(
		readonly whenChanged: NodeList,
		readonly otherwise: NodeList | null,
		readonly vars: FilterExpression[]
	) {}
	render(context: Context): string {
		// Bound to the innermost loop, so it starts afresh each time an outer loop moves on.
		const loop = context.get('forloop');
		let state = context.renderContext as unknown as {
			get(k: unknown): unknown;
			set(k: unknown, v: unknown): void;
			has(k: unknown): boolean;
		};
		if (typeof loop === 'object' && loop !== null) {
			let perLoop = loopStates.get(loop);
			if (!perLoop) loopStates.set(loop, (perLoop = new Map()));
			state = perLoop;
		}
		let output: string | null = null;
		const compareTo = this.vars.length
			? this.vars.map((v) => v.resolve(context, true))
			: (output = this.whenChanged.render(context));
		if (!state.has(this) || !pyEquals(compareTo, state.get(this))) {
			state.set(this, compareTo);
			return output ?? this.whenChanged.render(context);
		}
		return this.otherwise ? this.otherwise.render(context) : '';
	}
	childNodelists() {
		return this.otherwise ? [this.whenChanged, this.otherwise] : [this.whenChanged];
	}
}

export function doIfchanged(parser: Parser, token: Token): Node {
	const bits = splitContents(token.contents);
	const whenChanged = parser.parse(['else', 'endifchanged']);
	let otherwise: NodeList | null = null;
	if (parser.nextToken().contents === 'else') {
		otherwise = parser.parse(['endifchanged']);
		parser.deleteFirstToken();
	}
	return new IfChangedNode(
		whenChanged,
		otherwise,
		bits.slice(1).map((b) => parser.compileFilter(b))
	);
}

export function doRegroup(parser: Parser, token: Token): Node {
	const bits = splitContents(token.contents);
	if (bits.length !== 6) throw new TemplateSyntaxError("'regroup' tag takes five arguments");
	const target = parser.compileFilter(bits[1]);
	if (bits[2] !== 'by')
		throw new TemplateSyntaxError("second argument to 'regroup' tag must be 'by'");
	if (bits[4] !== 'as') {
		throw new TemplateSyntaxError("next-to-last argument to 'regroup' tag must be 'as'");
	}
	const varName = bits[5];
	// As Django: each item is put in the context under var_name to resolve `var_name.key`.
	const expression = parser.compileFilter(`${varName}.${bits[3]}`);
	return {
		render(context: Context): string {
			const items = target.resolve(context, true);
			if (items === null || items === undefined) {
				context.set(varName, []);
				return '';
			}
			const groups: unknown[] = [];
			let current: { grouper: unknown; list: unknown[] } | null = null;
			for (const item of pyList(items)) {
				context.set(varName, item);
				const key = expression.resolve(context, true);
				if (!current || !pyEquals(current.grouper, key)) {
					// A namedtuple (grouper, list): readable by name and unpackable in a for loop.
					const group = Object.assign([key, [] as unknown[]], {
						grouper: key,
						list: [] as unknown[]
					});
					group[1] = group.list;
					current = group;
					groups.push(group);
				}
				current.list.push(item);
			}
			context.set(varName, groups);
			return '';
		}
	};
}

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
	const r = Math.round(x);
	return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function doWidthratio(parser: Parser, token: Token): Node {
	const bits = splitContents(token.contents);
	let asvar: string | null = null;
	if (bits.length === 6) {
		if (bits[4] !== 'as') {
			throw new TemplateSyntaxError("Invalid syntax in widthratio tag. Expecting 'as' keyword");
		}
		asvar = bits[5];
	} else if (bits.length !== 4) {
		throw new TemplateSyntaxError('widthratio takes at least three arguments');
	}
	const [value, max, width] = bits.slice(1, 4).map((b) => parser.compileFilter(b));
	return {
		render(context: Context): string {
			const maxWidth = Number.parseInt(pyStr(width.resolve(context)), 10);
			if (Number.isNaN(maxWidth)) {
				throw new TemplateSyntaxError('widthratio final argument must be a number');
			}
			const v = Number(value.resolve(context));
			const m = Number(max.resolve(context));
			let result: string;
			if (m === 0) result = '0';
			else if (Number.isNaN(v) || Number.isNaN(m)) result = '';
			else result = String(roundHalfEven((v / m) * maxWidth));
			if (asvar === null) return result;
			context.set(asvar, result);
			return '';
		}
	};
}

export function doFilter(parser: Parser, token: Token): Node {
	const rest = token.contents.replace(/^\S+\s+/, '');
	const expression = parser.compileFilter(`var|${rest}`);
	for (const { name } of expression.filters) {
		if (name === 'escape' || name === 'safe') {
			throw new TemplateSyntaxError(
				`"filter ${name}" is not permitted.  Use the "autoescape" tag instead.`
			);
		}
	}
	const nodelist = parser.parse(['endfilter']);
	parser.deleteFirstToken();
	return {
		render: (context: Context) =>
			context.push({ var: markSafe(nodelist.render(context)) }, () =>
				pyStr(expression.resolve(context))
			),
		childNodelists: () => [nodelist]
	};
}
