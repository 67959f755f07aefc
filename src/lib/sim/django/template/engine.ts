/**
 * The template engine: loads template text through the injected loader, compiles it once
 * (lexer → parser → nodes) and caches the result, then renders it against a context as many
 * times as asked. Also records which templates took part in a render, for the trace.
 */
import { Context, type CompiledTemplate, type RenderEnvironment } from './context';
import { TemplateDoesNotExist, TemplateSyntaxError } from './errors';
import { BUILTIN_FILTERS } from './filters';
import { tokenize } from './lexer';
import { Parser, type Library } from './parser';
import { BUILTIN_TAGS, LIBRARIES } from './tags';
import { RENDER_STEPS } from './nodes';

/** How deep includes and extends may nest before Python's own limit would stop them. */
const MAX_TEMPLATE_DEPTH = 100;

/** Python's `RecursionError`, which a template including itself ends in. */
export class TemplateRecursionError extends Error {
	override name = 'RecursionError';
	constructor() {
		super('maximum recursion depth exceeded');
	}
}

/** A value passed to a URL pattern: what `{% url %}` hands to `reverse()`. */
export type UrlArgument = string | number;

export interface TemplateEngineOptions {
	/** Returns a template's source text by name (e.g. `blog/post_list.html`), or undefined. */
	loader: (name: string) => string | undefined;
	/** `django.urls.reverse`, for `{% url %}`. Throws NoReverseMatch when nothing fits. */
	reverse?: (name: string, args: UrlArgument[], kwargs: Record<string, UrlArgument>) => string;
	/** `STATIC_URL`, for `{% static %}`. Default `/static/`. */
	staticUrl?: string;
	/** The clock for `{% now %}` and `timesince`; the simulation passes its own. */
	now?: () => Date;
	/** TEMPLATES' `OPTIONS["string_if_invalid"]`: what a missing variable renders as ('' by default). */
	stringIfInvalid?: string;
	/**
	 * The tag libraries of the installed apps (their `templatetags/` modules), which `{% load %}`
	 * finds besides the built-in ones: the admin's `admin_list`, `admin_modify`, `admin_urls`.
	 */
	libraries?: Readonly<Record<string, Library>>;
}

export interface RenderOptions {
	/** Start with autoescaping off (Django's engine option `autoescape`). Default true. */
	autoescape?: boolean;
}

export interface RenderResult {
	html: string;
	/** The templates rendered, in order of first use: the named one, its parents, its includes. */
	used: string[];
}

export interface TemplateEngine {
	/** Renders a template by name. Throws TemplateDoesNotExist or TemplateSyntaxError. */
	render(name: string, context?: Record<string, unknown>, options?: RenderOptions): RenderResult;
	/** Renders template text directly (`Template(source).render(Context(...))`). */
	renderString(
		source: string,
		context?: Record<string, unknown>,
		options?: RenderOptions
	): RenderResult;
	/** Loads and compiles (or takes from the cache) a template, e.g. to report syntax errors early. */
	getTemplate(name: string): CompiledTemplate;
	/** Forgets compiled templates (after the loader's files changed). */
	clearCache(): void;
	/** A template's source text, as the loader gives it (for the DEBUG page's template section). */
	source(name: string): string | undefined;
}

const STRING_TEMPLATE_NAME = '<string>';

function compile(
	source: string,
	name: string,
	libraries: Readonly<Record<string, Library>> = LIBRARIES
): CompiledTemplate {
	let template: CompiledTemplate;
	try {
		const parser = new Parser(
			tokenize(source),
			{ tags: BUILTIN_TAGS, filters: BUILTIN_FILTERS },
			libraries,
			name
		);
		const nodelist = parser.parse();
		template = {
			name,
			nodelist,
			render(context: Context): string {
				const env = context.env;
				if (!env.used.includes(name)) env.used.push(name);
				const budget = env.budget;
				if (budget && ++budget.depth > MAX_TEMPLATE_DEPTH) throw new TemplateRecursionError();
				try {
					return context.renderContext.pushState(template, true, () => nodelist.render(context));
				} finally {
					if (budget) budget.depth--;
				}
			}
		};
	} catch (e) {
		if (e instanceof TemplateSyntaxError) {
			e.templateName ??= name;
			e.templateSource ??= source;
		}
		throw e;
	}
	return template;
}

export function createTemplateEngine(options: TemplateEngineOptions): TemplateEngine {
	const byName = new Map<string, CompiledTemplate>();
	const bySource = new Map<string, CompiledTemplate>();
	const libraries = options.libraries ? { ...LIBRARIES, ...options.libraries } : LIBRARIES;

	function getTemplate(name: string): CompiledTemplate {
		let template = byName.get(name);
		if (!template) {
			const source = options.loader(name);
			if (source === undefined) throw new TemplateDoesNotExist(name);
			template = compile(source, name, libraries);
			byName.set(name, template);
		}
		return template;
	}

	function run(template: CompiledTemplate, values: Record<string, unknown>, opts: RenderOptions) {
		const env: RenderEnvironment = {
			getTemplate,
			reverse: options.reverse as RenderEnvironment['reverse'],
			staticUrl: options.staticUrl ?? '/static/',
			now: options.now ?? (() => new Date()),
			used: [],
			stringIfInvalid: options.stringIfInvalid,
			budget: { steps: RENDER_STEPS, depth: 0 }
		};
		const context = new Context(values, env, { autoescape: opts.autoescape ?? true });
		const html = template.render(context);
		return { html, used: env.used };
	}

	return {
		render: (name, context = {}, opts = {}) => run(getTemplate(name), context, opts),
		renderString(source, context = {}, opts = {}) {
			let template = bySource.get(source);
			if (!template) {
				template = compile(source, STRING_TEMPLATE_NAME, libraries);
				bySource.set(source, template);
			}
			return run(template, context, opts);
		},
		getTemplate,
		clearCache() {
			byName.clear();
			bySource.clear();
		},
		source: (name) => options.loader(name)
	};
}
