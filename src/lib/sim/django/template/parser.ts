/**
 * The parser: turns tokens into a tree of nodes as Django's `Parser.parse(parse_until)` does.
 * Each block tag has a compile function that may parse further, up to its end tag; an unknown
 * tag, or an end tag nobody is waiting for, raises Django's "Invalid block tag" error.
 */
import { TemplateSyntaxError } from './errors';
import type { Token } from './lexer';
import { NodeList, TextNode, VariableNode, type Node } from './nodes';
import { FilterExpression, type FilterSpec } from './variable';

export type TagCompiler = (parser: Parser, token: Token) => Node;

/** A `{% load %}`-able set of tags and filters (`static`, …). */
export interface Library {
	tags?: Record<string, TagCompiler>;
	filters?: Record<string, FilterSpec>;
}

/** A node that must come first in its template (`extends`). */
export interface FirstNode extends Node {
	readonly mustBeFirst: true;
	describe(): string;
}

/** Django's `get_text_list(["'a'", "'b'", "'c'"], 'or')` → `'a', 'b' or 'c'`. */
function textList(items: string[], last: string): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

export class Parser {
	private pos = 0;
	private readonly commandStack: [string, Token][] = [];
	readonly tags: Map<string, TagCompiler>;
	readonly filters: Map<string, FilterSpec>;
	/** Names of `{% block %}`s seen, to refuse a second block with the same name. */
	readonly blockNames = new Set<string>();
	/** `{% cycle … as name %}` nodes, and the last cycle, for `{% cycle name %}` and `{% resetcycle %}`. */
	readonly namedCycles = new Map<string, Node>();
	lastCycle: Node | null = null;

	constructor(
		private readonly tokens: Token[],
		builtins: Library,
		readonly libraries: Readonly<Record<string, Library>>,
		readonly origin?: string
	) {
		this.tags = new Map(Object.entries(builtins.tags ?? {}));
		this.filters = new Map(Object.entries(builtins.filters ?? {}));
	}

	parse(parseUntil: readonly string[] = []): NodeList {
		const nodelist = new NodeList(this.origin);
		while (this.pos < this.tokens.length) {
			const token = this.tokens[this.pos++];
			if (token.type === 'text') {
				this.extend(nodelist, new TextNode(token.contents), token);
			} else if (token.type === 'var') {
				if (!token.contents) throw this.error(token, `Empty variable tag on line ${token.lineno}`);
				let expression: FilterExpression;
				try {
					expression = this.compileFilter(token.contents);
				} catch (e) {
					throw this.error(token, e);
				}
				this.extend(nodelist, new VariableNode(expression), token);
			} else if (token.type === 'block') {
				const command = token.contents.split(/\s+/)[0];
				if (!command) throw this.error(token, `Empty block tag on line ${token.lineno}`);
				if (parseUntil.includes(command)) {
					// Put the end tag back so the caller sees where its body ended.
					this.pos--;
					return nodelist;
				}
				this.commandStack.push([command, token]);
				const compile = this.tags.get(command);
				if (!compile) throw this.invalidBlockTag(token, command, parseUntil);
				let node: Node;
				try {
					node = compile(this, token);
				} catch (e) {
					throw this.error(token, e);
				}
				this.extend(nodelist, node, token);
				this.commandStack.pop();
			}
		}
		if (parseUntil.length) throw this.unclosedBlockTag(parseUntil);
		return nodelist;
	}

	private extend(nodelist: NodeList, node: Node, token: Token): void {
		const first = node as Partial<FirstNode>;
		if (first.mustBeFirst && nodelist.containsNontext) {
			throw this.error(token, `${first.describe?.()} must be the first tag in the template.`);
		}
		if (!(node instanceof TextNode)) nodelist.containsNontext = true;
		nodelist.push(node, token.lineno);
	}

	/** Skips everything up to the end tag (`comment`). */
	skipPast(endtag: string): void {
		while (this.pos < this.tokens.length) {
			const token = this.tokens[this.pos++];
			if (token.type === 'block' && token.contents === endtag) return;
		}
		throw this.unclosedBlockTag([endtag]);
	}

	nextToken(): Token {
		return this.tokens[this.pos++];
	}

	deleteFirstToken(): void {
		this.pos++;
	}

	compileFilter(text: string): FilterExpression {
		return new FilterExpression(text, (name) => this.findFilter(name));
	}

	findFilter(name: string): FilterSpec {
		const spec = this.filters.get(name);
		if (!spec) throw new TemplateSyntaxError(`Invalid filter: '${name}'`);
		return spec;
	}

	addLibrary(library: Library): void {
		for (const [name, tag] of Object.entries(library.tags ?? {})) this.tags.set(name, tag);
		for (const [name, filter] of Object.entries(library.filters ?? {})) {
			this.filters.set(name, filter);
		}
	}

	/** Gives an error the line of the token it came from (Django's `Parser.error`). */
	error(token: Token, e: unknown): TemplateSyntaxError {
		const err = e instanceof TemplateSyntaxError ? e : new TemplateSyntaxError(errorText(e));
		err.line ??= token.lineno;
		return err;
	}

	private invalidBlockTag(token: Token, command: string, parseUntil: readonly string[]) {
		const expected = parseUntil.length
			? `, expected ${textList(
					parseUntil.map((p) => `'${p}'`),
					'or'
				)}`
			: '';
		return this.error(
			token,
			`Invalid block tag on line ${token.lineno}: '${command}'${expected}. Did you forget to register or load this tag?`
		);
	}

	private unclosedBlockTag(parseUntil: readonly string[]) {
		const [command, token] = this.commandStack.pop() ?? ['', this.tokens[0]];
		return this.error(
			token,
			`Unclosed tag on line ${token.lineno}: '${command}'. Looking for one of: ${parseUntil.join(', ')}.`
		);
	}
}

function errorText(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
