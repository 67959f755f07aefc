/**
 * Compiling one route into the anchored regex Django builds (`_route_to_regex` in
 * `django/urls/resolvers.py`) and matching a path against it. Also explains, in plain words, why
 * a path did not match, for the "patterns tried" panel.
 */
import { CONVERTERS, type PathConverter, type RouteValue } from './converters';
import { ImproperlyConfigured } from './errors';

/** A piece of a route: literal text, or a captured parameter. */
export type RoutePart =
	| { readonly literal: string }
	| {
			readonly param: string;
			/** Absent for a `re_path` named group, which captures text as is. */
			readonly converter?: PathConverter;
			/** The regex that captures it. */
			readonly regex: string;
			/** How the part is written in the route, e.g. `<int:pk>`. */
			readonly text: string;
	  };

export interface PatternMatch {
	/** What is left of the path for the included patterns. */
	rest: string;
	args: RouteValue[];
	kwargs: Record<string, RouteValue>;
}

/** One compiled route or regex: Django's `RoutePattern` / `RegexPattern`. */
export interface CompiledPattern {
	readonly kind: 'route' | 'regex';
	/** `str(pattern)`: the route or regex exactly as written in urls.py. */
	readonly text: string;
	/** The Python regex Django compiles, without its leading `^` (as in NoReverseMatch messages). */
	readonly pyRegex: string;
	readonly isEndpoint: boolean;
	readonly converters: Readonly<Record<string, PathConverter>>;
	/** The pieces `reverse()` fills in, or null if this regex is too complex to reverse here. */
	readonly parts: readonly RoutePart[] | null;
	match(path: string): PatternMatch | null;
	/** Why `path` does not match; `consumed` is the part of the URL that outer patterns took. */
	explainMiss(path: string, consumed: string): string;
}

// Django: r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>"
const PARAMETER_RE = /<(?:([^>:]+):)?([^>]+)>/g;
const IDENTIFIER_RE = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const WHITESPACE_RE = /[ \t\n\r\v\f]/;

/** Python 3.7+ `re.escape`: only these characters get a backslash. */
export function pyReEscape(text: string): string {
	return text.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, (ch) => '\\' + ch);
}

/** Python's `repr()` of a str, as Django's error messages print route texts. */
export function pyStrRepr(text: string): string {
	const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
	const body = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
	return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
}

/** The Python regex syntax we produce and accept, turned into a JavaScript RegExp. */
function toJsRegex(pyRegex: string): RegExp {
	return new RegExp(pyRegex.replace(/\(\?P</g, '(?<').replace(/\\Z$/, '$'));
}

/** Converters' regexes, compiled once: a few fixed texts (`[0-9]+`, `[^/]+`, …). */
const fullMatchers = new Map<string, RegExp>();

function fullMatch(regex: string, text: string): boolean {
	let matcher = fullMatchers.get(regex);
	if (!matcher) {
		matcher = new RegExp(`^(?:${regex})$`);
		fullMatchers.set(regex, matcher);
	}
	return matcher.test(text);
}

/** `_route_to_regex(route, is_endpoint)`: the regex (with `^`) and the route's parts. */
export function routeToRegex(
	route: string,
	isEndpoint: boolean
): { regex: string; parts: RoutePart[]; converters: Record<string, PathConverter> } {
	let regex = '^';
	const parts: RoutePart[] = [];
	const converters: Record<string, PathConverter> = {};
	let previousEnd = 0;
	for (const m of route.matchAll(PARAMETER_RE)) {
		if (WHITESPACE_RE.test(m[0])) {
			throw new ImproperlyConfigured(
				`URL route ${pyStrRepr(route)} cannot contain whitespace in angle brackets <…>.`
			);
		}
		const rawConverter = m[1] ?? 'str';
		const parameter = m[2];
		if (!IDENTIFIER_RE.test(parameter)) {
			throw new ImproperlyConfigured(
				`URL route ${pyStrRepr(route)} uses parameter name ${pyStrRepr(parameter)} which isn't a valid Python identifier.`
			);
		}
		const converter = Object.hasOwn(CONVERTERS, rawConverter) ? CONVERTERS[rawConverter] : null;
		if (!converter) {
			throw new ImproperlyConfigured(
				`URL route ${pyStrRepr(route)} uses invalid converter ${pyStrRepr(rawConverter)}.`
			);
		}
		converters[parameter] = converter;
		const literal = route.slice(previousEnd, m.index);
		if (literal) parts.push({ literal });
		parts.push({ param: parameter, converter, regex: converter.regex, text: m[0] });
		regex += pyReEscape(literal) + `(?P<${parameter}>${converter.regex})`;
		previousEnd = m.index + m[0].length;
	}
	const tail = route.slice(previousEnd);
	if (tail) parts.push({ literal: tail });
	regex += pyReEscape(tail);
	if (isEndpoint) regex += '\\Z';
	return { regex, parts, converters };
}

/** A `path()` route: `RoutePattern`. */
export function compileRoute(route: string, isEndpoint: boolean): CompiledPattern {
	const { regex, parts, converters } = routeToRegex(route, isEndpoint);
	const js = toJsRegex(regex);
	return {
		kind: 'route',
		text: route,
		pyRegex: regex.slice(1),
		isEndpoint,
		converters,
		parts,
		match(path) {
			const m = js.exec(path);
			if (!m) return null;
			const kwargs: Record<string, RouteValue> = {};
			for (const [key, value] of Object.entries(m.groups ?? {})) {
				kwargs[key] = converters[key].toPython(value);
			}
			return { rest: path.slice(m[0].length), args: [], kwargs };
		},
		explainMiss: (path, consumed) => explainMiss(parts, path, consumed, isEndpoint)
	};
}

/** A `re_path()` regex: `RegexPattern`. Named groups become kwargs (text); else groups are args. */
export function compileRegex(pattern: string, isEndpoint: boolean): CompiledPattern {
	let js: RegExp;
	try {
		// Django uses fullmatch() for an endpoint whose regex ends with `$`, search() otherwise.
		const full = isEndpoint && pattern.endsWith('$');
		js = toJsRegex(full ? `^(?:${pattern})$` : pattern);
	} catch (e) {
		throw new ImproperlyConfigured(
			`"${pattern}" is not a valid regular expression: ${(e as Error).message}`
		);
	}
	const parts = regexToParts(pattern);
	return {
		kind: 'regex',
		text: pattern,
		pyRegex: pattern.replace(/^\^/, ''),
		isEndpoint,
		converters: {},
		parts,
		match(path) {
			const m = js.exec(path);
			if (!m) return null;
			const kwargs: Record<string, RouteValue> = { ...(m.groups ?? {}) };
			const args = Object.keys(kwargs).length ? [] : m.slice(1).map((g) => g ?? '');
			return { rest: path.slice(m.index + m[0].length), args, kwargs };
		},
		explainMiss: () => `the path does not match the regular expression ${pyStrRepr(pattern)}`
	};
}

/** A simple version of Django's `normalize()`: literal text and named groups only. */
function regexToParts(pattern: string): RoutePart[] | null {
	const source = pattern.replace(/^\^/, '').replace(/(\\Z|\$)$/, '');
	const parts: RoutePart[] = [];
	let literal = '';
	for (let i = 0; i < source.length; i++) {
		const ch = source[i];
		if (ch === '\\' && i + 1 < source.length && !/[A-Za-z0-9]/.test(source[i + 1])) {
			literal += source[++i];
		} else if (source.startsWith('(?P<', i)) {
			const nameEnd = source.indexOf('>', i);
			let depth = 1;
			let j = nameEnd + 1;
			for (; j < source.length && depth > 0; j++) {
				if (source[j] === '\\') j++;
				else if (source[j] === '(') depth++;
				else if (source[j] === ')') depth--;
			}
			if (depth !== 0) return null;
			if (literal) parts.push({ literal });
			literal = '';
			const param = source.slice(i + 4, nameEnd);
			parts.push({ param, regex: source.slice(nameEnd + 1, j - 1), text: source.slice(i, j) });
			i = j - 1;
		} else if ('()[]{}?*+|^$.\\'.includes(ch)) {
			return null;
		} else {
			literal += ch;
		}
	}
	if (literal) parts.push({ literal });
	return parts;
}

/** Walks the route's parts along the path to find the first place where they part ways. */
function explainMiss(
	parts: readonly RoutePart[],
	path: string,
	consumed: string,
	isEndpoint: boolean
): string {
	let pos = 0;
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i];
		const rest = path.slice(pos);
		const before = consumed + path.slice(0, pos);
		if ('literal' in part) {
			if (rest.startsWith(part.literal)) {
				pos += part.literal.length;
				continue;
			}
			// Point at the first differing path segment, not the first differing character.
			let same = 0;
			while (same < rest.length && rest[same] === part.literal[same]) same++;
			if (same > 0 && same < rest.length) same = part.literal.lastIndexOf('/', same - 1) + 1;
			const at = before + rest.slice(0, same);
			const expected = part.literal.slice(same);
			if (at === '') return `the path does not start with "${part.literal}"`;
			if (same === rest.length) return `the path ends after "${at}", before "${expected}"`;
			return `after "${at}" the pattern expects "${expected}", but the path has "${rest.slice(same)}"`;
		}
		if (rest === '') return `the path ends after "${before}", where ${part.text} should be`;
		const next = parts[i + 1];
		let chunk: string;
		if (part.converter?.name === 'path') {
			const k = next && 'literal' in next ? rest.lastIndexOf(next.literal) : -1;
			chunk = k > 0 ? rest.slice(0, k) : rest;
		} else {
			const slash = rest.indexOf('/');
			chunk = slash === -1 ? rest : rest.slice(0, slash);
		}
		if (chunk === '') return `the part of the path where ${part.text} should be is empty`;
		if (!fullMatch(part.regex, chunk)) {
			const why = part.converter?.mismatch ?? `does not match ${part.regex}`;
			return `"${chunk}" ${why}, so ${part.text} does not match`;
		}
		pos += chunk.length;
	}
	if (isEndpoint && pos < path.length) {
		const matched = consumed + path.slice(0, pos);
		if (matched === '') return `an empty route matches only the empty path, not "${path}"`;
		return `the path is longer than "${matched}"`;
	}
	return 'the pattern does not match this path';
}
