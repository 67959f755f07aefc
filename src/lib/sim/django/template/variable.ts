/**
 * Variables and filter expressions: `post.author.username|default:"anonymous"|upper`. Parsing
 * follows Django's `FilterExpression` regex and `Variable` (numbers and quoted strings are
 * literals); the dotted lookup itself is in `lookup.ts`.
 */
import type { Context, RenderEnvironment } from './context';
import { TemplateSyntaxError, VariableDoesNotExist } from './errors';
import { resolveLookup } from './lookup';
import { pyStr, strKeepingSafe } from './py';
import { isSafe, markSafe } from './safe';

export interface FilterContext {
	autoescape: boolean;
	env: RenderEnvironment;
	/** Whether the value was safe text before a `stringFilter` turned it into a plain string. */
	inputSafe: boolean;
}

/** A registered filter, with the flags Django's `@register.filter` takes. */
export interface FilterSpec {
	fn: (value: unknown, arg: unknown, ctx: FilterContext) => unknown;
	/** Whether the filter takes an argument: Django checks this when the template is parsed. */
	arg: 'none' | 'required' | 'optional';
	/** `is_safe=True`: safe input gives safe output. */
	isSafe?: boolean;
	/** `needs_autoescape=True`: the filter escapes its input itself when autoescaping is on. */
	needsAutoescape?: boolean;
	/** `@stringfilter`: the value is turned into text before the filter sees it. */
	stringFilter?: boolean;
}

const CONSTANT = String.raw`(?:_\("[^"\\]*(?:\\.[^"\\]*)*"\)|_\('[^'\\]*(?:\\.[^'\\]*)*'\)|"[^"\\]*(?:\\.[^"\\]*)*"|'[^'\\]*(?:\\.[^'\\]*)*')`;
const NUM = String.raw`[-+.]?\d[\d.e]*`;
const VAR_CHARS = String.raw`[\w.]`;
// Django's filter_re, group for group.
const FILTER_RE = new RegExp(
	`^(?<constant>${CONSTANT})|^(?<var>${VAR_CHARS}+|${NUM})|` +
		`(?:\\s*\\|\\s*(?<filter_name>\\w+)(?::(?:(?<constant_arg>${CONSTANT})|(?<var_arg>${VAR_CHARS}+|${NUM})))?)`,
	'g'
);

const NUMBER_RE = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** A literal (number or quoted string) or a dotted lookup. */
export class Variable {
	readonly literal: unknown = undefined;
	readonly lookups: readonly string[] | null = null;

	constructor(readonly text: string) {
		let v = text;
		if (NUMBER_RE.test(v) && !v.endsWith('.')) {
			// A number keeps its type: "2" is an int, "2.5" a float, as Django's Variable does.
			this.literal = Number(v);
			return;
		}
		if (v.startsWith('_(') && v.endsWith(')')) v = v.slice(2, -1);
		const q = v[0];
		if (v.length >= 2 && (q === '"' || q === "'") && v.endsWith(q)) {
			// unescape_string_literal; a string constant in a template is safe (the author wrote it).
			this.literal = markSafe(
				v
					.slice(1, -1)
					.replaceAll('\\' + q, q)
					.replaceAll('\\\\', '\\')
			);
			return;
		}
		if (v.includes('._') || v.startsWith('_')) {
			throw new TemplateSyntaxError(
				`Variables and attributes may not begin with underscores: '${v}'`
			);
		}
		this.lookups = v.split('.');
	}

	resolve(context: Context): unknown {
		return this.lookups === null ? this.literal : resolveLookup(context, this.lookups);
	}
}

/** One variable with its filters, parsed once and resolved on every render. */
export class FilterExpression {
	readonly variable: Variable | null;
	/** The value when the expression starts with a constant string. */
	readonly constant: unknown;
	readonly filters: { spec: FilterSpec; name: string; arg?: Variable }[] = [];

	constructor(
		readonly token: string,
		findFilter: (name: string) => FilterSpec
	) {
		let variable: Variable | null = null;
		let constant: unknown = undefined;
		let upto = 0;
		let first = true;
		for (const m of token.matchAll(FILTER_RE)) {
			const start = m.index;
			if (upto !== start) {
				throw new TemplateSyntaxError(
					`Could not parse some characters: ${token.slice(0, upto)}|${token.slice(upto, start)}|${token.slice(start)}`
				);
			}
			const g = m.groups ?? {};
			if (first) {
				first = false;
				if (g.constant) constant = new Variable(g.constant).literal;
				else if (g.var === undefined) {
					throw new TemplateSyntaxError(`Could not find variable at start of ${token}.`);
				} else variable = new Variable(g.var);
			} else {
				const name = g.filter_name;
				const spec = findFilter(name);
				const argText = g.constant_arg ?? g.var_arg;
				const provided = argText === undefined ? 1 : 2;
				const required = spec.arg === 'required' ? 2 : 1;
				const allowed = spec.arg === 'none' ? 1 : 2;
				if (provided < required || provided > allowed) {
					throw new TemplateSyntaxError(
						`${name} requires ${required} arguments, ${provided} provided`
					);
				}
				this.filters.push({
					spec,
					name,
					arg: argText === undefined ? undefined : new Variable(argText)
				});
			}
			upto = m.index + m[0].length;
			if (m[0] === '') break;
		}
		if (upto !== token.length) {
			throw new TemplateSyntaxError(
				`Could not parse the remainder: '${token.slice(upto)}' from '${token}'`
			);
		}
		this.variable = variable;
		this.constant = constant;
	}

	/** `ignoreFailures`: a missing variable gives `null` (None) instead of '' (as `if` wants). */
	resolve(context: Context, ignoreFailures = false): unknown {
		let obj: unknown;
		if (this.variable) {
			try {
				obj = this.variable.resolve(context);
			} catch (e) {
				if (!(e instanceof VariableDoesNotExist)) throw e;
				// TEMPLATES' `string_if_invalid`: shown as is, filters skipped, `%s` → the variable.
				const invalid = context.env.stringIfInvalid;
				if (!ignoreFailures && invalid)
					return invalid.includes('%s') ? invalid.replaceAll('%s', this.variable.text) : invalid;
				obj = ignoreFailures ? null : '';
			}
		} else {
			obj = this.constant;
		}
		for (const { spec, arg } of this.filters) {
			if (spec.stringFilter) obj = strKeepingSafe(obj);
			const argValue = arg ? arg.resolve(context) : undefined;
			const input = spec.stringFilter ? pyStr(obj) : obj;
			const ctx = { autoescape: context.autoescape, env: context.env, inputSafe: isSafe(obj) };
			const result = spec.fn(input, argValue, ctx);
			obj = spec.isSafe && isSafe(obj) ? markSafe(result) : result;
		}
		return obj;
	}
}
