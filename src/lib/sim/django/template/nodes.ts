/**
 * Nodes: what the parser builds and what rendering walks. A template is a `NodeList` of text,
 * variables and tags; tags hold their own node lists (`for` holds its body and `empty` part).
 */
import type { Context } from './context';
import { dateFormat } from './dateformat';
import { pyStr, strKeepingSafe } from './py';
import { conditionalEscape } from './safe';
import type { FilterExpression } from './variable';

export interface Node {
	render(context: Context): string;
	/** The node lists inside this node, for finding `{% block %}`s. */
	childNodelists?(): NodeList[];
}

/** Where in which template an error happened while rendering (Django's `template_debug`). */
export interface TemplateDebugInfo {
	name?: string;
	line: number;
}

type Annotated = { templateDebug?: TemplateDebugInfo };

/** Records where the innermost failing node was written; outer node lists leave it alone. */
function annotate(error: unknown, name: string | undefined, line: number): void {
	if (typeof error === 'object' && error !== null && !(error as Annotated).templateDebug) {
		(error as Annotated).templateDebug = name === undefined ? { line } : { name, line };
	}
}

export class NodeList {
	readonly nodes: Node[] = [];
	/** The line each node starts on, for errors raised while rendering. */
	readonly lines: number[] = [];
	/** Whether anything but text came before; `extends` must be the first tag. */
	containsNontext = false;

	/** `origin`: the template these nodes were written in (a block may render inside another). */
	constructor(readonly origin?: string) {}

	push(node: Node, line = 0): void {
		this.nodes.push(node);
		this.lines.push(line);
	}

	render(context: Context): string {
		let out = '';
		let i = 0;
		const budget = context.env.budget;
		try {
			for (; i < this.nodes.length; i++) {
				if (budget && --budget.steps < 0) throw new RenderBudgetExceeded();
				out += this.nodes[i].render(context);
			}
		} catch (e) {
			annotate(e, this.origin, this.lines[i]);
			throw e;
		}
		return out;
	}

	/** Every node of a given class, searching inside tags too (`get_nodes_by_type`). */
	nodesOfType<T extends Node>(type: abstract new (...args: never[]) => T): T[] {
		const found: T[] = [];
		for (const node of this.nodes) {
			if (node instanceof type) found.push(node);
			for (const child of node.childNodelists?.() ?? []) found.push(...child.nodesOfType(type));
		}
		return found;
	}
}

export class TextNode implements Node {
	constructor(readonly text: string) {}
	render(): string {
		return this.text;
	}
}

/**
 * `render_value_in_context`: dates are shown in the locale's DATETIME_FORMAT, everything becomes
 * text, and with autoescaping on, text not marked safe is escaped.
 */
export function renderValueInContext(value: unknown, context: Context): string {
	const text =
		value instanceof Date ? dateFormat(value, 'DATETIME_FORMAT', '') : strKeepingSafe(value);
	return context.autoescape ? conditionalEscape(text, pyStr).value : pyStr(text);
}

export class VariableNode implements Node {
	constructor(readonly expression: FilterExpression) {}
	render(context: Context): string {
		return renderValueInContext(this.expression.resolve(context), context);
	}
}

/**
 * Not Django: the simulation's guard against a template that would freeze the tab (loops inside
 * loops over long strings). Rendering stops after `RENDER_STEPS` nodes, with this message.
 */
export const RENDER_STEPS = 200_000;
export class RenderBudgetExceeded extends Error {
	override name = 'RenderBudgetExceeded';
	constructor() {
		super(
			`This simulation stopped rendering the template after ${RENDER_STEPS.toLocaleString('en')} steps (tags, variables and text rendered): a real server would keep going, and your browser tab would freeze. Look for loops inside loops.`
		);
	}
}
