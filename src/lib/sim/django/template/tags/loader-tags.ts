/**
 * Template inheritance and inclusion (`django/template/loader_tags.py`): `{% extends %}` with
 * `{% block %}` and `{{ block.super }}`, and `{% include … with … only %}`. A child's blocks are
 * stacked over its parents' in a `BlockContext`; rendering the base template then pops the most
 * specific version of each block.
 */
import type { Context } from '../context';
import { TemplateSyntaxError } from '../errors';
import { splitContents, type Token } from '../lexer';
import { NodeList, TextNode, type Node } from '../nodes';
import type { FirstNode, Parser } from '../parser';
import { pyRepr } from '../py';
import { markSafe, SafeString } from '../safe';
import type { FilterExpression } from '../variable';
import { tokenKwargs } from './kwargs';
import { relativePath } from './relative-path';

const BLOCK_CONTEXT_KEY = 'block_context';

class BlockContext {
	private blocks = new Map<string, BlockNode[]>();
	addBlocks(blocks: Map<string, BlockNode>): void {
		for (const [name, block] of blocks) {
			const list = this.blocks.get(name);
			if (list) list.unshift(block);
			else this.blocks.set(name, [block]);
		}
	}
	pop(name: string): BlockNode | undefined {
		return this.blocks.get(name)?.pop();
	}
	push(name: string, block: BlockNode): void {
		const list = this.blocks.get(name);
		if (list) list.push(block);
		else this.blocks.set(name, [block]);
	}
	getBlock(name: string): BlockNode | undefined {
		return this.blocks.get(name)?.at(-1);
	}
}

function blocksOf(nodelist: NodeList): Map<string, BlockNode> {
	return new Map(nodelist.nodesOfType(BlockNode).map((b) => [b.name, b]));
}

export class BlockNode implements Node {
	constructor(
		readonly name: string,
		readonly nodelist: NodeList
	) {}

	render(context: Context): string {
		const blockContext = context.renderContext.get(BLOCK_CONTEXT_KEY) as BlockContext | undefined;
		return context.push({}, () => {
			if (!blockContext) {
				context.set('block', this.variable(context, null));
				return this.nodelist.render(context);
			}
			const pushed = blockContext.pop(this.name);
			const block = pushed ?? this;
			context.set('block', block.variable(context, blockContext));
			const result = block.nodelist.render(context);
			if (pushed) blockContext.push(this.name, pushed);
			return result;
		});
	}

	/** What `{{ block }}` is inside the block: its name and `block.super`. */
	private variable(context: Context, blockContext: BlockContext | null) {
		return {
			name: this.name,
			// `{{ block.super }}`: the parent's version of this block, rendered.
			super: (): SafeString | string => {
				if (!blockContext) {
					throw new TemplateSyntaxError(
						"'BlockNode' object has no attribute 'context'. Did you use {{ block.super }} in a base template?"
					);
				}
				if (blockContext.getBlock(this.name)) {
					return markSafe(this.render(context));
				}
				return '';
			}
		};
	}

	childNodelists(): NodeList[] {
		return [this.nodelist];
	}
}

export function doBlock(parser: Parser, token: Token): Node {
	const bits = token.contents.split(/\s+/);
	if (bits.length !== 2) throw new TemplateSyntaxError(`'${bits[0]}' tag takes only one argument`);
	const name = bits[1];
	if (parser.blockNames.has(name)) {
		throw new TemplateSyntaxError(`'${bits[0]}' tag with name '${name}' appears more than once`);
	}
	parser.blockNames.add(name);
	const nodelist = parser.parse(['endblock']);
	const end = parser.nextToken();
	if (end.contents !== 'endblock' && end.contents !== `endblock ${name}`) {
		throw new TemplateSyntaxError(
			`Invalid block tag on line ${end.lineno}: 'endblock', expected 'endblock' or 'endblock ${name}'. Did you forget to register or load this tag?`,
			end.lineno
		);
	}
	return new BlockNode(name, nodelist);
}

export class ExtendsNode implements FirstNode {
	readonly mustBeFirst = true;
	private readonly blocks: Map<string, BlockNode>;

	constructor(
		readonly nodelist: NodeList,
		readonly parentName: FilterExpression
	) {
		this.blocks = blocksOf(nodelist);
	}

	describe(): string {
		return `<ExtendsNode: extends ${this.parentName.token}>`;
	}

	render(context: Context): string {
		const name = this.parentName.resolve(context);
		if (!name) {
			let msg = `Invalid template name in 'extends' tag: ${pyRepr(name)}.`;
			if (this.parentName.variable?.lookups || this.parentName.filters.length) {
				msg += ` Got this from the '${this.parentName.token}' variable.`;
			}
			throw new TemplateSyntaxError(msg);
		}
		const parent = context.env.getTemplate(String(name));
		const rc = context.renderContext;
		if (!rc.has(BLOCK_CONTEXT_KEY)) rc.set(BLOCK_CONTEXT_KEY, new BlockContext());
		const blockContext = rc.get(BLOCK_CONTEXT_KEY) as BlockContext;
		blockContext.addBlocks(this.blocks);
		// The root template (one that extends nothing) adds its own blocks as the last resort.
		const firstTag = parent.nodelist.nodes.find((n) => !(n instanceof TextNode));
		if (!(firstTag instanceof ExtendsNode)) blockContext.addBlocks(blocksOf(parent.nodelist));
		return rc.pushState(parent, false, () => {
			if (!context.env.used.includes(parent.name)) context.env.used.push(parent.name);
			return parent.nodelist.render(context);
		});
	}

	childNodelists(): NodeList[] {
		return [this.nodelist];
	}
}

export function doExtends(parser: Parser, token: Token): Node {
	const bits = splitContents(token.contents);
	if (bits.length !== 2) throw new TemplateSyntaxError(`'${bits[0]}' takes one argument`);
	const parentName = parser.compileFilter(relativePath(parser.origin, bits[1], false));
	const nodelist = parser.parse();
	if (nodelist.nodesOfType(ExtendsNode).length) {
		throw new TemplateSyntaxError(`'${bits[0]}' cannot appear more than once in the same template`);
	}
	return new ExtendsNode(nodelist, parentName);
}

export class IncludeNode implements Node {
	constructor(
		readonly template: FilterExpression,
		readonly extra: Map<string, FilterExpression>,
		readonly isolated: boolean
	) {}

	render(context: Context): string {
		const name = this.template.resolve(context);
		const template = context.env.getTemplate(String(name));
		const values: Record<string, unknown> = {};
		for (const [key, value] of this.extra) values[key] = value.resolve(context);
		if (this.isolated) return template.render(context.new(values));
		return context.push(values, () => template.render(context));
	}
}

export function doInclude(parser: Parser, token: Token): Node {
	const bits = splitContents(token.contents);
	if (bits.length < 2) {
		throw new TemplateSyntaxError(
			`'${bits[0]}' tag takes at least one argument: the name of the template to be included.`
		);
	}
	const remaining = bits.slice(2);
	let extra = new Map<string, FilterExpression>();
	let only = false;
	const seen = new Set<string>();
	while (remaining.length) {
		const option = remaining.shift() as string;
		if (seen.has(option)) {
			throw new TemplateSyntaxError(`The '${option}' option was specified more than once.`);
		}
		seen.add(option);
		if (option === 'with') {
			extra = tokenKwargs(remaining, parser, false);
			if (!extra.size) {
				throw new TemplateSyntaxError(
					`"with" in '${bits[0]}' tag needs at least one keyword argument.`
				);
			}
		} else if (option === 'only') {
			only = true;
		} else {
			throw new TemplateSyntaxError(`Unknown argument for '${bits[0]}' tag: '${option}'.`);
		}
	}
	return new IncludeNode(
		parser.compileFilter(relativePath(parser.origin, bits[1], true)),
		extra,
		only
	);
}
