/**
 * `path()`, `re_path()` and `include()`: the building blocks of a URLconf, with the same
 * arguments and checks as `django/urls/conf.py`. They only build data; `url-resolver.ts` walks it.
 */
import type { RouteValue } from './converters';
import { compileRegex, compileRoute, type CompiledPattern } from './route-pattern';

/** Views are opaque here: the resolver only needs the dotted Python name to show. */
export interface ViewRef {
	/** Dotted Python name, e.g. `blog.views.post_detail`. */
	readonly viewName: string;
}

/** `URLPattern`: a route that ends in a view. */
export interface UrlPattern<V extends ViewRef> {
	readonly type: 'pattern';
	readonly pattern: CompiledPattern;
	readonly view: V;
	readonly name?: string;
	/** Extra keyword arguments for the view (`path(..., kwargs={...})`). */
	readonly defaults: Readonly<Record<string, RouteValue>>;
}

/** `URLResolver`: a prefix that hands the rest of the path to an included list of patterns. */
export interface UrlResolverEntry<V extends ViewRef> {
	readonly type: 'resolver';
	readonly pattern: CompiledPattern;
	readonly patterns: readonly UrlEntry<V>[];
	readonly namespace?: string;
	readonly appName?: string;
	readonly defaults: Readonly<Record<string, RouteValue>>;
}

export type UrlEntry<V extends ViewRef> = UrlPattern<V> | UrlResolverEntry<V>;

/** What `include()` returns: Django's `(urlconf_module, app_name, namespace)` triple. */
export interface Included<V extends ViewRef> {
	readonly included: readonly UrlEntry<V>[];
	readonly appName?: string;
	readonly namespace?: string;
}

export interface PathOptions {
	name?: string;
	kwargs?: Record<string, RouteValue>;
}

/**
 * `include(patterns, { namespace })`. In Django a namespace needs an application namespace
 * (`app_name = 'blog'` in the included urls.py); here `namespace` alone stands for that common
 * case and sets both, and `appName` alone gives the instance namespace the same name, as Django does.
 */
export function include<V extends ViewRef>(
	patterns: readonly UrlEntry<V>[],
	options: { namespace?: string; appName?: string } = {}
): Included<V> {
	const appName = options.appName ?? options.namespace;
	const namespace = options.namespace ?? appName;
	return { included: patterns, appName, namespace };
}

function isIncluded<V extends ViewRef>(value: V | Included<V>): value is Included<V> {
	return 'included' in value;
}

function make<V extends ViewRef>(
	compile: (route: string, isEndpoint: boolean) => CompiledPattern,
	route: string,
	view: V | Included<V>,
	options: PathOptions
): UrlEntry<V> {
	const defaults = { ...(options.kwargs ?? {}) };
	if (isIncluded(view)) {
		return {
			type: 'resolver',
			pattern: compile(route, false),
			patterns: view.included,
			namespace: view.namespace,
			appName: view.appName,
			defaults
		};
	}
	if (typeof view?.viewName !== 'string') {
		throw new TypeError('view must be a callable or a list/tuple in the case of include().');
	}
	return { type: 'pattern', pattern: compile(route, true), view, name: options.name, defaults };
}

/** `path(route, view, kwargs=None, name=None)`. */
export function path<V extends ViewRef>(
	route: string,
	view: V,
	options?: PathOptions
): UrlPattern<V>;
export function path<V extends ViewRef>(
	route: string,
	view: Included<V>,
	options?: Omit<PathOptions, 'name'>
): UrlResolverEntry<V>;
export function path<V extends ViewRef>(
	route: string,
	view: V | Included<V>,
	options: PathOptions = {}
): UrlEntry<V> {
	return make(compileRoute, route, view, options);
}

/** `re_path(regex, view, kwargs=None, name=None)`: Python regex syntax (`(?P<name>…)`). */
export function rePath<V extends ViewRef>(
	regex: string,
	view: V,
	options?: PathOptions
): UrlPattern<V>;
export function rePath<V extends ViewRef>(
	regex: string,
	view: Included<V>,
	options?: Omit<PathOptions, 'name'>
): UrlResolverEntry<V>;
export function rePath<V extends ViewRef>(
	regex: string,
	view: V | Included<V>,
	options: PathOptions = {}
): UrlEntry<V> {
	return make(compileRegex, regex, view, options);
}
