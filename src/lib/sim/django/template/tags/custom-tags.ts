/**
 * Django's `Library.simple_tag` and `Library.inclusion_tag` (`django/template/library.py`), and
 * the admin's `InclusionAdminNode` (`contrib/admin/templatetags/base.py`), for the tag libraries
 * apps register: a Python function gets the resolved arguments; a simple tag prints its result
 * (escaped unless safe, or stored with `as var`), an inclusion tag renders a template with the
 * dictionary the function returns as the whole context (`context.new(dict)`).
 */
import { Context } from '../context';
import { TemplateDoesNotExist, TemplateSyntaxError } from '../errors';
import { splitContents, type Token } from '../lexer';
import { renderValueInContext, type Node } from '../nodes';
import type { Parser, TagCompiler } from '../parser';
import { pyStr } from '../py';
import type { FilterExpression } from '../variable';

const KWARG_RE = /^(\w+)=(.+)$/;

type TagFunction = (...args: unknown[]) => unknown;

export interface TagOptions {
	/** `takes_context=True`: the function gets the context first. */
	takesContext?: boolean;
}

interface ParsedBits {
	args: FilterExpression[];
	kwargs: Map<string, FilterExpression>;
	asvar: string | null;
}

/** `parse_bits()`: positional arguments, then `name=value` ones (a positional after a keyword is refused). */
function parseBits(parser: Parser, token: Token, allowAs: boolean): ParsedBits {
	const bits = splitContents(token.contents);
	const name = bits[0];
	let rest = bits.slice(1);
	let asvar: string | null = null;
	if (allowAs && rest.length >= 2 && rest[rest.length - 2] === 'as') {
		asvar = rest[rest.length - 1];
		rest = rest.slice(0, -2);
	}
	const args: FilterExpression[] = [];
	const kwargs = new Map<string, FilterExpression>();
	for (const bit of rest) {
		const m = KWARG_RE.exec(bit);
		if (m) {
			if (kwargs.has(m[1])) {
				throw new TemplateSyntaxError(
					`'${name}' received multiple values for keyword argument '${m[1]}'`
				);
			}
			kwargs.set(m[1], parser.compileFilter(m[2]));
		} else {
			if (kwargs.size) {
				throw new TemplateSyntaxError(
					`'${name}' received some positional argument(s) after some keyword argument(s)`
				);
			}
			args.push(parser.compileFilter(bit));
		}
	}
	return { args, kwargs, asvar };
}

/** Calls the tag's function: the context first if it takes it, keyword arguments as one object last. */
function call(fn: TagFunction, options: TagOptions, bits: ParsedBits, context: Context): unknown {
	const args = bits.args.map((a) => a.resolve(context));
	const kwargs: Record<string, unknown> = {};
	for (const [k, v] of bits.kwargs) kwargs[k] = v.resolve(context);
	const all = bits.kwargs.size ? [...args, kwargs] : args;
	return options.takesContext ? fn(context, ...all) : fn(...all);
}

/** `@register.simple_tag`. */
export function simpleTag(fn: TagFunction, options: TagOptions = {}): TagCompiler {
	return (parser, token): Node => {
		const bits = parseBits(parser, token, true);
		return {
			render(context: Context): string {
				const output = call(fn, options, bits, context);
				if (bits.asvar !== null) {
					context.set(bits.asvar, output);
					return '';
				}
				return renderValueInContext(output, context);
			}
		};
	};
}

/** Renders `names[0]`, or the next name when it does not exist (`select_template`). */
function renderFirst(names: readonly string[], context: Context, result: unknown) {
	// A tag that takes the context may return it (`admin_actions`): all its names carry over.
	const values = result instanceof Context ? result.flatten() : (result as Record<string, unknown>);
	for (const name of names) {
		let template;
		try {
			template = context.env.getTemplate(name);
		} catch (e) {
			if (e instanceof TemplateDoesNotExist) continue;
			throw e;
		}
		const newContext = context.new(values);
		// InclusionNode copies the CSRF token, so an included form can still use {% csrf_token %}.
		const csrf = context.get('csrf_token');
		if (csrf !== undefined) newContext.set('csrf_token', csrf);
		return template.render(newContext);
	}
	throw new TemplateDoesNotExist(names.join(', '));
}

/** An inclusion tag that renders the first of `names(context)` that exists. */
function inclusionNode(
	names: (context: Context) => readonly string[],
	fn: TagFunction,
	options: TagOptions
): TagCompiler {
	return (parser, token): Node => {
		const bits = parseBits(parser, token, false);
		return {
			render(context: Context): string {
				return renderFirst(names(context), context, call(fn, options, bits, context));
			}
		};
	};
}

/** `@register.inclusion_tag(template_name)`. */
export function inclusionTag(
	templateName: string,
	fn: TagFunction,
	options: TagOptions = {}
): TagCompiler {
	return inclusionNode(() => [templateName], fn, options);
}

/**
 * `InclusionAdminNode`: an inclusion tag whose template a project may override per app or per
 * model: `admin/<app_label>/<model_name>/<name>`, then `admin/<app_label>/<name>`, then
 * `admin/<name>`. The app and model come from the page's `opts`.
 */
export function inclusionAdminTag(
	templateName: string,
	fn: TagFunction,
	options: TagOptions = {}
): TagCompiler {
	return inclusionNode(
		(context) => {
			const opts = context.get('opts') as { app_label: unknown; model_name: unknown } | undefined;
			const appLabel = pyStr(opts?.app_label).toLowerCase();
			const modelName = pyStr(opts?.model_name);
			return [
				`admin/${appLabel}/${modelName}/${templateName}`,
				`admin/${appLabel}/${templateName}`,
				`admin/${templateName}`
			];
		},
		fn,
		options
	);
}
