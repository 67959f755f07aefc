/**
 * The context a template renders with: Django's `Context`, a stack of dictionaries that `for`,
 * `with` and `include` push onto and pop off, so that a loop variable disappears after the loop.
 * The `RenderContext` beside it holds per-template state (cycle positions, blocks) that the
 * template's variables must not see.
 */
import type { NodeList } from './nodes';
import { pyRepr } from './py';

/** What nodes need from the engine while rendering. */
export interface RenderEnvironment {
	/** Loads and compiles a template by name (cached), recording it in `used`. */
	getTemplate(name: string): CompiledTemplate;
	reverse?: (name: string, args: unknown[], kwargs: Record<string, unknown>) => string;
	staticUrl: string;
	now(): Date;
	/** Every template rendered so far, in order. */
	used: string[];
	/** TEMPLATES' `OPTIONS["string_if_invalid"]` ('' by default). */
	stringIfInvalid?: string;
	/** Nodes left to render before the simulation stops a runaway template (see engine.ts). */
	budget?: { steps: number; depth: number };
}

export interface CompiledTemplate {
	readonly name: string;
	readonly nodelist: NodeList;
	/** Renders with an existing context (as `Template.render(context)` does for include/extends). */
	render(context: Context): string;
}

type Frame = Map<string, unknown>;

/** Per-template state, isolated between a template and the ones it includes. */
export class RenderContext {
	private frames: Frame[] = [new Map()];
	/** The template being rendered (for `extends` to find its blocks). */
	template: CompiledTemplate | null = null;

	get(key: unknown): unknown {
		return this.frames[this.frames.length - 1].get(key as string);
	}
	set(key: unknown, value: unknown): void {
		this.frames[this.frames.length - 1].set(key as string, value);
	}
	has(key: unknown): boolean {
		return this.frames[this.frames.length - 1].has(key as string);
	}
	/** `push_state(template, isolated_context=True)`: a fresh frame for another template. */
	pushState<T>(template: CompiledTemplate, isolated: boolean, fn: () => T): T {
		const previous = this.template;
		this.template = template;
		if (isolated) this.frames.push(new Map());
		try {
			return fn();
		} finally {
			if (isolated) this.frames.pop();
			this.template = previous;
		}
	}
}

export class Context {
	private dicts: Frame[];
	autoescape: boolean;
	readonly renderContext: RenderContext;
	readonly env: RenderEnvironment;

	constructor(
		values: Record<string, unknown>,
		env: RenderEnvironment,
		options: { autoescape?: boolean; renderContext?: RenderContext } = {}
	) {
		// Django's BaseContext starts with the builtins True, False and None.
		this.dicts = [
			new Map<string, unknown>([
				['True', true],
				['False', false],
				['None', null]
			]),
			new Map(Object.entries(values))
		];
		this.autoescape = options.autoescape ?? true;
		this.renderContext = options.renderContext ?? new RenderContext();
		this.env = env;
	}

	has(key: string): boolean {
		return this.dicts.some((d) => d.has(key));
	}

	/** Looks a name up from the innermost dictionary outwards; `undefined` when missing. */
	get(key: string): unknown {
		for (let i = this.dicts.length - 1; i >= 0; i--) {
			if (this.dicts[i].has(key)) return this.dicts[i].get(key);
		}
		return undefined;
	}

	/** `context[key] = value`: sets in the innermost dictionary. */
	set(key: string, value: unknown): void {
		this.dicts[this.dicts.length - 1].set(key, value);
	}

	/** `set_upward`: sets where the name already lives, else in the innermost dictionary. */
	setUpward(key: string, value: unknown): void {
		for (let i = this.dicts.length - 1; i >= 0; i--) {
			if (this.dicts[i].has(key)) {
				this.dicts[i].set(key, value);
				return;
			}
		}
		this.set(key, value);
	}

	/** `with context.push(**values):` */
	push<T>(values: Record<string, unknown>, fn: () => T): T {
		this.dicts.push(new Map(Object.entries(values)));
		try {
			return fn();
		} finally {
			this.dicts.pop();
		}
	}

	/**
	 * `context.new(values)`: only the builtins and `values` (for `include … only`); like Django's
	 * copy, it shares the render context.
	 */
	new(values: Record<string, unknown>): Context {
		return new Context(values, this.env, {
			autoescape: this.autoescape,
			renderContext: this.renderContext
		});
	}

	/** Django's `repr(context)`: the list of dictionaries, for VariableDoesNotExist messages. */
	repr(): string {
		return '[' + this.dicts.map((d) => pyRepr(d)).join(', ') + ']';
	}

	/** All names visible, innermost last (for debugging panels). */
	flatten(): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		for (const d of this.dicts) for (const [k, v] of d) out[k] = v;
		return out;
	}
}
