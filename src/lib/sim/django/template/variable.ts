/**
 * Variables and filter expressions: `post.author.username|default:"anonymous"|upper`. Parsing
 * follows Django's `FilterExpression` regex; lookups follow `Variable._resolve_lookup`: for each
 * dotted part try a dictionary key, then an attribute, then a list index; call what is callable
 * (unless marked `alters_data` or `do_not_call_in_templates`).
 */
import type { Context, RenderEnvironment } from './context';
import { TemplateSyntaxError, VariableDoesNotExist } from './errors';
import { isDict, pyRepr, pyStr } from './py';
import { isSafe, markSafe, SafeString } from './safe';

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

function isClass(fn: unknown): boolean {
	return typeof fn === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

// JavaScript's own members (toString, constructor, Array's map…) are not Python attributes.
const BUILTIN_PROTOTYPES = new Set<object>([
	Object.prototype,
	Array.prototype,
	Function.prototype,
	Map.prototype,
	Set.prototype,
	Date.prototype,
	Promise.prototype
]);

/** Whether `bit` is the object's own data or defined by its class, not inherited from JS itself. */
function isAttribute(obj: object, bit: string): boolean {
	// Python spells these __class__ and len(), which templates cannot reach.
	if (bit === 'constructor' || (bit === 'length' && Array.isArray(obj))) return false;
	for (let o: object | null = obj; o !== null; o = Object.getPrototypeOf(o)) {
		if (Object.hasOwn(o, bit)) return !BUILTIN_PROTOTYPES.has(o);
	}
	return false;
}

/** Python dict methods, for `{% for k, v in data.items %}` on plain objects and Maps. */
function dictMethod(dict: Record<string, unknown> | Map<unknown, unknown>, name: string): unknown {
	const entries = dict instanceof Map ? [...dict] : Object.entries(dict);
	if (name === 'items') return () => entries;
	if (name === 'keys') return () => entries.map(([k]) => k);
	if (name === 'values') return () => entries.map(([, v]) => v);
	return undefined;
}

const MISSING = Symbol('missing');

function lookupBit(current: unknown, bit: string): unknown {
	if (current === null || current === undefined) return MISSING;
	// 1. Dictionary lookup.
	if (current instanceof Map) {
		if (current.has(bit)) return current.get(bit);
	} else if (isDict(current) && Object.hasOwn(current, bit)) {
		return (current as Record<string, unknown>)[bit];
	}
	// 2. Attribute lookup (getters and methods of class instances, dict methods).
	if (isDict(current)) {
		const method = dictMethod(current, bit);
		if (method) return method;
	} else if (typeof current === 'object' || typeof current === 'function') {
		if (isAttribute(current as object, bit)) {
			const value = (current as Record<string, unknown>)[bit];
			return typeof value === 'function' && !isClass(value)
				? bindMethod(value as AnyFunction, current)
				: value;
		}
	}
	// 3. List-index lookup.
	if (/^\d+$/.test(bit)) {
		const index = Number(bit);
		if (Array.isArray(current) && index < current.length) return current[index];
		if (typeof current === 'string' && index < current.length) return [...current][index];
		if (current instanceof SafeString) {
			const items =
				Symbol.iterator in current ? [...(current as Iterable<unknown>)] : [...current.value];
			if (index < items.length) return items[index];
		}
		if (current instanceof Map && current.has(index)) return current.get(index);
	}
	return MISSING;
}

/** A bound method keeps the flags Django looks for on the function. */
type AnyFunction = (...args: unknown[]) => unknown;

function bindMethod(fn: AnyFunction, self: unknown): AnyFunction {
	const bound = fn.bind(self) as AnyFunction & Record<string, unknown>;
	const flags = fn as unknown as Record<string, unknown>;
	if (flags.alters_data) bound.alters_data = true;
	if (flags.do_not_call_in_templates) bound.do_not_call_in_templates = true;
	Object.defineProperty(bound, 'length', { value: fn.length });
	return bound;
}

function resolveLookup(context: Context, lookups: readonly string[]): unknown {
	try {
		return walkLookups(context, lookups);
	} catch (e) {
		// An error marked silent_variable_failure (as Django's ObjectDoesNotExist is) renders as ''.
		if ((e as { silent_variable_failure?: unknown })?.silent_variable_failure) return '';
		throw e;
	}
}

function walkLookups(context: Context, lookups: readonly string[]): unknown {
	let current: unknown = MISSING;
	for (let i = 0; i < lookups.length; i++) {
		const bit = lookups[i];
		const next =
			i === 0 ? (context.has(bit) ? context.get(bit) : MISSING) : lookupBit(current, bit);
		if (next === MISSING) {
			const parent = current;
			throw new VariableDoesNotExist(
				() => `Failed lookup for key [${bit}] in ${i === 0 ? context.repr() : pyRepr(parent)}`
			);
		}
		current = next;
		if (typeof current === 'function' && !isClass(current)) {
			const flags = current as unknown as Record<string, unknown>;
			if (flags.do_not_call_in_templates) continue;
			// A method that changes data (e.g. `delete`) is never called from a template.
			if (flags.alters_data || current.length > 0) current = '';
			else current = (current as () => unknown)();
		}
	}
	return current;
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
				obj = ignoreFailures ? null : '';
			}
		} else {
			obj = this.constant;
		}
		for (const { spec, arg } of this.filters) {
			const argValue = arg ? arg.resolve(context) : undefined;
			const input = spec.stringFilter ? pyStr(obj) : obj;
			const ctx = { autoescape: context.autoescape, env: context.env, inputSafe: isSafe(obj) };
			const result = spec.fn(input, argValue, ctx);
			obj = spec.isSafe && isSafe(obj) ? markSafe(result) : result;
		}
		return obj;
	}
}
