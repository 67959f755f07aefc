/**
 * The URL resolver: Django's `URLResolver.resolve` walking the URLconf in order, first match wins,
 * recording every pattern it tried (as the DEBUG 404 page lists them) with a plain reason for
 * each miss, so the student can see why a URL reached a view, or did not.
 */
import type { PatternAttempt, ResolverMatchInfo } from '../../types';
import type { RouteValue } from './converters';
import type { UrlEntry, ViewRef } from './patterns';
import { reverse, type ReverseOptions } from './reverse';

/** `django.urls.ResolverMatch`. */
export interface ResolverMatch<V extends ViewRef> {
	/** The view that will be called. */
	readonly func: V;
	readonly args: readonly RouteValue[];
	/** Captured values, converted (`<int:pk>` gives a number), plus the pattern's extra kwargs. */
	readonly kwargs: Readonly<Record<string, RouteValue>>;
	/** Only the values taken from the URL (Django's `captured_kwargs`). */
	readonly capturedKwargs: Readonly<Record<string, RouteValue>>;
	/** Only the values from `path(..., kwargs=...)` (Django's `extra_kwargs`). */
	readonly extraKwargs: Readonly<Record<string, RouteValue>>;
	/** The matched route without spaces, e.g. `blog/<int:pk>/` (Django's `route`). */
	readonly route: string;
	readonly urlName?: string;
	/** Instance namespaces joined with `:`, e.g. `blog`; `''` when none, as in Django. */
	readonly namespace: string;
	readonly namespaces: readonly string[];
	readonly appNames: readonly string[];
	/** The dotted Python name of the view, e.g. `blog.views.post_detail`. */
	readonly viewName: string;
	/** Django's `view_name`: namespaces and URL name, e.g. `blog:post_detail`. */
	readonly qualifiedName: string;
}

export interface ResolveResult<V extends ViewRef> {
	match: ResolverMatch<V> | null;
	/** Every pattern tried, in order, up to and including the one that matched. */
	tried: PatternAttempt[];
}

export interface UrlResolver<V extends ViewRef> {
	/** Resolves a path such as `/blog/3/` (decoded, without the query string). */
	resolve(path: string): ResolveResult<V>;
	/** `reverse('blog:post_detail', { kwargs: { pk: 3 } })` → `/blog/3/`. Throws NoReverseMatch. */
	reverse(name: string, options?: ReverseOptions): string;
	/** Every pattern of the URLconf, one line each, as the DEBUG 404 page prints them. */
	patternsForDebug(): string[];
}

interface Found<V extends ViewRef> {
	view: V;
	args: RouteValue[];
	kwargs: Record<string, RouteValue>;
	captured: Record<string, RouteValue>;
	extra: Record<string, RouteValue>;
	route: string;
	urlName?: string;
	namespaces: string[];
	appNames: string[];
}

function qualify(namespaces: readonly string[], name: string | undefined): string | undefined {
	return name === undefined ? undefined : [...namespaces, name].join(':');
}

function resolveList<V extends ViewRef>(
	entries: readonly UrlEntry<V>[],
	path: string,
	consumed: string,
	shown: readonly string[],
	namespaces: readonly string[],
	tried: PatternAttempt[]
): Found<V> | null {
	for (const entry of entries) {
		const route = [...shown, entry.pattern.text].join(' ');
		const m = entry.pattern.match(path);
		if (entry.type === 'pattern') {
			const name = qualify(namespaces, entry.name);
			const attempt: PatternAttempt = { route, matched: m !== null };
			if (name !== undefined) attempt.name = name;
			if (!m) attempt.reason = entry.pattern.explainMiss(path, consumed);
			tried.push(attempt);
			if (!m) continue;
			return {
				view: entry.view,
				args: m.args,
				kwargs: { ...m.kwargs, ...entry.defaults },
				captured: m.kwargs,
				extra: { ...entry.defaults },
				route: entry.pattern.text,
				urlName: entry.name,
				namespaces: [],
				appNames: []
			};
		}
		if (!m) {
			tried.push({ route, matched: false, reason: entry.pattern.explainMiss(path, consumed) });
			continue;
		}
		const inner = namespaces.concat(entry.namespace ?? []);
		const taken = path.slice(0, path.length - m.rest.length);
		const sub = resolveList(
			entry.patterns,
			m.rest,
			consumed + taken,
			[...shown, entry.pattern.text],
			inner,
			tried
		);
		if (!sub) continue;
		const kwargs = { ...m.kwargs, ...entry.defaults, ...sub.kwargs };
		return {
			...sub,
			// As Django: if there are any named groups, positional ones are ignored.
			args: Object.keys(kwargs).length ? sub.args : [...m.args, ...sub.args],
			kwargs,
			// As Django: the inner match's captured kwargs; extra kwargs from every level.
			extra: { ...entry.defaults, ...sub.extra },
			route: entry.pattern.text + sub.route.replace(/^\^/, ''),
			namespaces: [entry.namespace ?? '', ...sub.namespaces],
			appNames: [entry.appName ?? '', ...sub.appNames]
		};
	}
	return null;
}

function debugLines<V extends ViewRef>(
	entries: readonly UrlEntry<V>[],
	shown: readonly string[]
): string[] {
	return entries.flatMap((entry) => {
		const route = [...shown, entry.pattern.text];
		if (entry.type === 'resolver') return debugLines(entry.patterns, route);
		return [route.join(' ') + (entry.name ? ` [name='${entry.name}']` : '')];
	});
}

/** Builds the resolver for a root URLconf (`ROOT_URLCONF`'s `urlpatterns`). */
export function createResolver<V extends ViewRef>(
	urlpatterns: readonly UrlEntry<V>[]
): UrlResolver<V> {
	return {
		resolve(path) {
			const tried: PatternAttempt[] = [];
			// The root resolver's pattern is `^/`: it takes the leading slash.
			if (!path.startsWith('/')) return { match: null, tried };
			const found = resolveList(urlpatterns, path.slice(1), '', [], [], tried);
			if (!found) return { match: null, tried };
			const namespaces = found.namespaces.filter(Boolean);
			const match: ResolverMatch<V> = {
				func: found.view,
				args: found.args,
				kwargs: found.kwargs,
				capturedKwargs: found.captured,
				extraKwargs: found.extra,
				route: found.route,
				urlName: found.urlName,
				namespace: namespaces.join(':'),
				namespaces,
				appNames: found.appNames.filter(Boolean),
				viewName: found.view.viewName,
				qualifiedName: [...namespaces, found.urlName ?? found.view.viewName].join(':')
			};
			return { match, tried };
		},
		reverse: (name, options) => reverse(urlpatterns, name, options),
		patternsForDebug: () => debugLines(urlpatterns, [])
	};
}

/** The JSON-safe part of a match, for a trace hop. */
export function matchInfo<V extends ViewRef>(match: ResolverMatch<V>): ResolverMatchInfo {
	const info: ResolverMatchInfo = {
		route: match.route,
		viewName: match.viewName,
		args: [...match.args],
		kwargs: { ...match.kwargs }
	};
	if (match.urlName !== undefined) info.urlName = match.urlName;
	if (match.namespace) info.namespace = match.namespace;
	return info;
}
