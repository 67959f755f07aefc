/**
 * `reverse()`: from a pattern name (and arguments) back to a URL, following
 * `URLResolver._populate`, `_reverse_with_prefix` and `django.urls.base.reverse`: names are
 * looked up last pattern first, values go through the converter's `to_url` and the filled-in URL
 * must match the pattern's regex again.
 */
import type { PathConverter, RouteValue } from './converters';
import { NoReverseMatch } from './errors';
import type { UrlEntry, ViewRef } from './patterns';
import { pyStrRepr, type CompiledPattern, type RoutePart } from './route-pattern';

interface Possibility {
	parts: readonly RoutePart[];
	/** Python regex of the whole route, without `^`. */
	regex: string;
	defaults: Readonly<Record<string, RouteValue>>;
	converters: Readonly<Record<string, PathConverter>>;
	/** The route's parameter names, in order (computed on first use). */
	params?: readonly string[];
	/** `regex` compiled as the candidate URL is checked against it (on first use). */
	matcher?: RegExp;
}

interface NamespaceTarget<V extends ViewRef> {
	prefix: readonly CompiledPattern[];
	entries: readonly UrlEntry<V>[];
}

/** What Django's `_populate()` computes for one list of patterns. */
interface Populated<V extends ViewRef> {
	lookups: Map<string, Possibility[]>;
	namespaces: Map<string, NamespaceTarget<V>>;
	apps: Map<string, string[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

const cache = new WeakMap<readonly object[], Populated<ViewRef>>();

function populate<V extends ViewRef>(entries: readonly UrlEntry<V>[]): Populated<V> {
	const cached = cache.get(entries);
	if (cached) return cached as unknown as Populated<V>;
	const result: Populated<V> = { lookups: new Map(), namespaces: new Map(), apps: new Map() };
	// Django walks the list backwards, so of two patterns with one name the last one wins.
	for (const entry of [...entries].reverse()) {
		const p = entry.pattern;
		if (entry.type === 'pattern') {
			if (entry.name === undefined) continue;
			const parts = p.parts ?? [];
			push(result.lookups, entry.name, {
				parts,
				regex: p.pyRegex,
				defaults: entry.defaults,
				converters: p.converters
			});
			continue;
		}
		const sub = populate(entry.patterns);
		if (entry.appName) {
			push(result.apps, entry.appName, entry.namespace ?? entry.appName);
			result.namespaces.set(entry.namespace ?? entry.appName, {
				prefix: [p],
				entries: entry.patterns
			});
			continue;
		}
		for (const [name, list] of sub.lookups) {
			for (const poss of list) {
				push(result.lookups, name, {
					parts: [...(p.parts ?? []), ...poss.parts],
					regex: p.pyRegex + poss.regex,
					defaults: { ...poss.defaults, ...entry.defaults },
					converters: { ...p.converters, ...poss.converters }
				});
			}
		}
		for (const [ns, target] of sub.namespaces) {
			result.namespaces.set(ns, { prefix: [p, ...target.prefix], entries: target.entries });
		}
		for (const [app, list] of sub.apps) for (const ns of list) push(result.apps, app, ns);
	}
	cache.set(entries, result as unknown as Populated<ViewRef>);
	return result;
}

/** Python's repr of an argument value, for error messages. */
function pyRepr(value: RouteValue): string {
	return typeof value === 'number' ? String(value) : pyStrRepr(value);
}

/** `quote(url, safe=RFC3986_SUBDELIMS + "/~:@")`, then `escape_leading_slashes`. */
function quoteUrl(url: string): string {
	const quoted = encodeURIComponent(url).replace(/%(24|26|2B|2C|3B|3D|2F|3A|40)/g, (s) =>
		decodeURIComponent(s)
	);
	return quoted.startsWith('//') ? '/%2F' + quoted.slice(2) : quoted;
}

function tryPossibility(
	poss: Possibility,
	args: readonly RouteValue[],
	kwargs: Readonly<Record<string, RouteValue>>
): string | null {
	const params = (poss.params ??= poss.parts.flatMap((part) =>
		'param' in part ? [part.param] : []
	));
	let subs: Record<string, RouteValue>;
	if (args.length) {
		if (args.length !== params.length) return null;
		subs = Object.fromEntries(params.map((param, i) => [param, args[i]]));
	} else {
		const given = new Set(Object.keys(kwargs));
		const wanted = new Set(params);
		const differ = [...given, ...params].filter((k) => given.has(k) !== wanted.has(k));
		if (differ.some((k) => !Object.hasOwn(poss.defaults, k))) return null;
		for (const [k, v] of Object.entries(poss.defaults)) {
			if (wanted.has(k)) continue;
			if (Object.hasOwn(kwargs, k) && kwargs[k] !== v) return null;
		}
		subs = { ...kwargs };
	}
	const text: Record<string, string> = {};
	for (const [k, v] of Object.entries(subs)) {
		text[k] = poss.converters[k] ? poss.converters[k].toUrl(v) : String(v);
	}
	const candidate = poss.parts.map((part) => ('param' in part ? text[part.param] : part.literal));
	const url = candidate.join('');
	poss.matcher ??= new RegExp(
		'^' + poss.regex.replace(/\(\?P<[^>]+>/g, '(?:').replace(/\\Z$/, '$')
	);
	return poss.matcher.test(url) ? '/' + quoteUrl(url) : null;
}

export interface ReverseOptions {
	args?: readonly RouteValue[];
	kwargs?: Readonly<Record<string, RouteValue>>;
	/** `current_app`: which instance of an application namespace to prefer. */
	currentApp?: string;
}

/** `django.urls.reverse(viewname, args=None, kwargs=None)` over one URLconf. */
export function reverse<V extends ViewRef>(
	urlpatterns: readonly UrlEntry<V>[],
	viewname: string,
	options: ReverseOptions = {}
): string {
	const args = options.args ?? [];
	const kwargs = options.kwargs ?? {};
	if (args.length && Object.keys(kwargs).length) {
		throw new Error("Don't mix *args and **kwargs in call to reverse()!");
	}
	const possibilities = possibilitiesFor(urlpatterns, viewname, options.currentApp);
	const view = viewname.slice(viewname.lastIndexOf(':') + 1);
	for (const poss of possibilities) {
		const url = tryPossibility(poss, args, kwargs);
		if (url !== null) return url;
	}
	if (!possibilities.length) {
		throw new NoReverseMatch(
			`Reverse for '${view}' not found. '${view}' is not a valid view function or pattern name.`
		);
	}
	let argMsg = 'no arguments';
	if (args.length) {
		argMsg = `arguments '(${args.map(pyRepr).join(', ')}${args.length === 1 ? ',' : ''})'`;
	} else if (Object.keys(kwargs).length) {
		const items = Object.entries(kwargs).map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`);
		argMsg = `keyword arguments '{${items.join(', ')}}'`;
	}
	const tried = possibilities.map((poss) => pyStrRepr(poss.regex)).join(', ');
	throw new NoReverseMatch(
		`Reverse for '${view}' with ${argMsg} not found. ${possibilities.length} pattern(s) tried: [${tried}]`
	);
}

/** Possibilities by `current_app` and view name, per URLconf: what Django's `_reverse_dict` keeps. */
const possibilityCache = new WeakMap<readonly object[], Map<string, Possibility[]>>();

/**
 * The patterns `viewname` (namespaces included) may reverse to, with the namespaces' prefixes
 * joined on; computed once per URLconf and name. A namespace that is not registered raises
 * NoReverseMatch every time, as in Django.
 */
function possibilitiesFor<V extends ViewRef>(
	urlpatterns: readonly UrlEntry<V>[],
	viewname: string,
	currentApp: string | undefined
): Possibility[] {
	let byName = possibilityCache.get(urlpatterns);
	if (!byName) {
		byName = new Map();
		possibilityCache.set(urlpatterns, byName);
	}
	const key = `${currentApp ?? ''}\u0000${viewname}`;
	let possibilities = byName.get(key);
	if (!possibilities) {
		possibilities = findPossibilities(urlpatterns, viewname, currentApp);
		byName.set(key, possibilities);
	}
	return possibilities;
}

function findPossibilities<V extends ViewRef>(
	urlpatterns: readonly UrlEntry<V>[],
	viewname: string,
	currentApp: string | undefined
): Possibility[] {
	const path = viewname.split(':');
	const view = path.pop() ?? '';
	let entries = urlpatterns;
	let prefix: CompiledPattern[] = [];
	const resolvedPath: string[] = [];
	for (let ns of path) {
		const here = populate(entries);
		const appList = here.apps.get(ns);
		// An application namespace: prefer the current app, then the default instance (the one
		// named like the app), then the first instance.
		if (appList && currentApp && appList.includes(currentApp)) {
			ns = currentApp;
		} else if (appList && !appList.includes(ns)) {
			ns = appList[0];
		}
		const target = here.namespaces.get(ns);
		if (!target) {
			if (resolvedPath.length) {
				throw new NoReverseMatch(
					`'${ns}' is not a registered namespace inside '${resolvedPath.join(':')}'`
				);
			}
			throw new NoReverseMatch(`'${ns}' is not a registered namespace`);
		}
		resolvedPath.push(ns);
		prefix = [...prefix, ...target.prefix];
		entries = target.entries;
	}
	const lookups = populate(entries).lookups.get(view) ?? [];
	if (!prefix.length) return lookups;
	return lookups.map((poss) => ({
		parts: [...prefix.flatMap((p) => p.parts ?? []), ...poss.parts],
		regex: prefix.map((p) => p.pyRegex).join('') + poss.regex,
		defaults: poss.defaults,
		converters: Object.assign({}, ...prefix.map((p) => p.converters), poss.converters)
	}));
}
