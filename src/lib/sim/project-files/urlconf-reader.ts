/**
 * Reads edited urls.py files as Django imports them on the first request (the root URLconf,
 * then each `include("app.urls")`): parsed (python-parse.ts), run over plain values, and turned
 * into the simulation's own `path()`/`re_path()`/`include()` (django/urls), so the resolver the
 * next request walks is the one the text describes. Django's errors on import are Django's:
 * `AttributeError: module 'blog.views' has no attribute 'x'`, `ImproperlyConfigured: URL route
 * '<x:pk>/' uses invalid converter 'x'.`, a NameError, a SyntaxError.
 *
 * Views are looked up in a table of modules (`blog.views` → its views): the text can name only
 * the project's real views, and nothing in it runs as JavaScript.
 */
import { defineView, type View } from '../django/http';
import {
	createResolver,
	include,
	path,
	rePath,
	type Included,
	type UrlEntry,
	type UrlResolver
} from '../django/urls';
import type { SourceRef } from '../types';
import { PythonError, SimulationReadsOnly } from './python-errors';
import { runModule, pyRepr, typeName, type PyObject, type PyValue } from './python-eval';
import { parseModule } from './python-parse';
import { refuseSlowRegex } from './regex-guard';

/** A name in a views module: a function view, or a class-based view (`.as_view()`). */
export type ViewEntry =
	{ kind: 'function'; view: View } | { kind: 'class'; asView: (source?: SourceRef) => View };

/** Python modules a URLconf can import views from, by dotted name (`blog.views`). */
export type ViewModules = Readonly<Record<string, Readonly<Record<string, ViewEntry>>>>;

export interface UrlconfFiles {
	/** `ROOT_URLCONF`, e.g. `mysite.urls`. */
	root: string;
	/** urls.py text by dotted module name (`blog.urls` → text); the file is `blog/urls.py`. */
	sources: Readonly<Record<string, string>>;
	views: ViewModules;
}

export interface UrlconfRead {
	resolver: UrlResolver<View>;
	/** Things true of this URLconf that Django does not complain about (duplicate names). */
	notes: string[];
}

const fileOf = (module: string) => `${module.replace(/\./g, '/')}.py`;

/** Reads the root URLconf and everything it includes. Throws PythonError / SimulationReadsOnly. */
export function readUrlconf(files: UrlconfFiles): UrlconfRead {
	const loaded = new Map<string, Map<string, PyValue>>();
	const notes: string[] = [];
	const namesSeen = new Map<string, number>();

	const packages = new Set<string>();
	for (const name of [...Object.keys(files.sources), ...Object.keys(files.views), 'django.urls'])
		name.split('.').forEach((_, i, parts) => packages.add(parts.slice(0, i + 1).join('.')));

	function moduleObject(name: string): PyObject {
		if (name === 'django.urls') return DJANGO_URLS;
		const views = files.views[name];
		if (views) return viewsModule(name, views);
		if (files.sources[name] !== undefined) {
			const names = load(name);
			return { t: 'object', typeName: 'module', label: `'${name}'`, attr: (a) => names.get(a) };
		}
		if (packages.has(name))
			return {
				t: 'object',
				typeName: 'module',
				label: `'${name}'`,
				attr: (a) => (isModule(`${name}.${a}`) ? moduleObject(`${name}.${a}`) : undefined)
			};
		throw new PythonError('ModuleNotFoundError', `No module named '${name}'`);
	}
	const isModule = (name: string) =>
		name === 'django.urls' || name in files.views || name in files.sources || packages.has(name);

	/** `include(module, namespace=None)`, `include((patterns, app_name))`, `include([...])`. */
	function includeCall(args: PyValue[], kwargs: Record<string, PyValue>): PyValue {
		const [arg] = args;
		const namespace = kwargs.namespace ?? args[1];
		if (!arg)
			throw new PythonError('TypeError', "include() missing 1 required positional argument: 'arg'");
		let patterns: PyValue | undefined;
		let appName: string | undefined;
		let label = '';
		if (arg.t === 'tuple') {
			if (arg.items.length !== 2)
				throw new PythonError(
					'django.core.exceptions.ImproperlyConfigured',
					`Passing a ${arg.items.length}-tuple to include() is not supported. Pass a 2-tuple containing the list of patterns and app_name, and provide the namespace argument to include() instead.`
				);
			patterns = arg.items[0];
			appName = constString(arg.items[1]);
		} else if (arg.t === 'const' && arg.py === 'str') {
			label = String(arg.v);
			const names = moduleObject(label);
			patterns = names.attr?.('urlpatterns');
			const app = names.attr?.('app_name');
			appName = app ? constString(app) : undefined;
			if (!patterns) patterns = undefined;
		} else patterns = arg;
		const ns =
			namespace && !(namespace.t === 'const' && namespace.v === null)
				? constString(namespace)
				: undefined;
		if (ns && !appName)
			throw new PythonError(
				'django.core.exceptions.ImproperlyConfigured',
				'Specifying a namespace in include() without providing an app_name is not supported. Set the app_name attribute in the included module, or pass a 2-tuple containing the list of patterns and app_name instead.'
			);
		const entries = patternList(patterns, label || 'include()');
		return {
			t: 'object',
			typeName: 'tuple',
			label: `include(${label ? `'${label}'` : '…'})`,
			payload: include(entries, { appName, namespace: ns ?? appName }) as Included<View>
		};
	}

	function patternList(value: PyValue | undefined, label: string): UrlEntry<View>[] {
		if (!value || (value.t !== 'list' && value.t !== 'tuple'))
			throw new PythonError(
				'django.core.exceptions.ImproperlyConfigured',
				`The included URLconf '${label}' does not appear to have any patterns in it. If you see the 'urlpatterns' variable with valid patterns in the file then the issue is probably caused by a circular import.`
			);
		return value.items.map((item) => {
			const entry = item.t === 'object' ? (item.payload as UrlEntry<View> | undefined) : undefined;
			if (!entry || !('type' in entry))
				throw new SimulationReadsOnly(
					`This simulation reads urlpatterns only as a list of path(), re_path() and include() entries; it got ${pyRepr(item)}.`
				);
			return entry;
		});
	}

	/** `path(route, view, kwargs=None, name=None)` and `re_path(…)`. */
	function pathCall(kind: 'path' | 're_path') {
		return (args: PyValue[], kwargs: Record<string, PyValue>): PyValue => {
			const [routeValue, viewValue] = [args[0] ?? kwargs.route, args[1] ?? kwargs.view];
			const extra = args[2] ?? kwargs.kwargs;
			const nameValue = args[3] ?? kwargs.name;
			if (!routeValue || !viewValue)
				throw new PythonError(
					'TypeError',
					`_path() missing 1 required positional argument: '${routeValue ? 'view' : 'route'}'`
				);
			const route =
				routeValue.t === 'const' && routeValue.py === 'str' ? String(routeValue.v) : null;
			if (route === null)
				throw new SimulationReadsOnly(
					`This simulation reads a ${kind}() route only as a string; it got ${pyRepr(routeValue)}.`
				);
			if (extra && !(extra.t === 'const' && extra.v === null) && extra.t !== 'dict')
				throw new PythonError(
					'TypeError',
					`kwargs argument must be a dict, but got ${typeName(extra)}.`
				);
			const defaults: Record<string, string | number> = {};
			if (extra?.t === 'dict')
				for (const [k, v] of extra.entries) {
					if (k.t !== 'const' || v.t !== 'const' || typeof v.v === 'boolean' || v.v === null)
						throw new SimulationReadsOnly(
							`This simulation reads ${kind}() kwargs only as a dict of strings and numbers.`
						);
					defaults[String(k.v)] = v.v;
				}
			const name =
				nameValue && !(nameValue.t === 'const' && nameValue.v === null)
					? constString(nameValue)
					: undefined;
			// A pattern that could backtrack for ever would freeze the page: refused before it runs.
			const slow = kind === 're_path' ? refuseSlowRegex(route) : null;
			if (slow) throw new SimulationReadsOnly(slow);
			const build = kind === 'path' ? path : rePath;
			const included =
				viewValue.t === 'object' && viewValue.typeName === 'tuple'
					? (viewValue.payload as Included<View>)
					: undefined;
			if (included) {
				return wrap(build(route, included, { kwargs: defaults }));
			}
			const view = viewValue.t === 'object' ? (viewValue.payload as View | undefined) : undefined;
			if (!view || typeof view !== 'function') {
				if (viewValue.t === 'list' || viewValue.t === 'tuple')
					throw new SimulationReadsOnly(
						'This simulation reads a list of patterns in path() only through include([...]).'
					);
				throw new PythonError(
					'TypeError',
					'view must be a callable or a list/tuple in the case of include().'
				);
			}
			if (name) {
				const key = `${currentFile} ${name}`;
				namesSeen.set(key, (namesSeen.get(key) ?? 0) + 1);
				if (namesSeen.get(key) === 2)
					notes.push(
						`Two patterns in ${currentFile} are named "${name}". Django allows it and says nothing: resolving a path still tries them in order, and reverse("${name}") (and {% url "${name}" %}) returns the URL of the last one listed that fits the arguments.`
					);
			}
			return wrap(build(route, view, { name, kwargs: defaults }));
		};
	}

	const wrap = (entry: UrlEntry<View>): PyValue => ({
		t: 'object',
		typeName: entry.type === 'pattern' ? 'URLPattern' : 'URLResolver',
		label: `<${entry.type === 'pattern' ? 'URLPattern' : 'URLResolver'} '${entry.pattern.text}'>`,
		payload: entry
	});

	const DJANGO_URLS: PyObject = {
		t: 'object',
		typeName: 'module',
		label: "'django.urls'",
		attr(name) {
			const fn = (call: PyObject['call']): PyObject => ({
				t: 'object',
				typeName: 'function',
				label: `<function ${name}>`,
				call
			});
			if (name === 'path') return fn(pathCall('path'));
			if (name === 're_path') return fn(pathCall('re_path'));
			if (name === 'include') return fn(includeCall);
			return undefined;
		}
	};

	function viewsModule(name: string, views: Readonly<Record<string, ViewEntry>>): PyObject {
		return {
			t: 'object',
			typeName: 'module',
			label: `'${name}'`,
			attr(attr) {
				const entry = Object.hasOwn(views, attr) ? views[attr] : undefined;
				if (!entry) return undefined;
				const dotted = `${name}.${attr}`;
				if (entry.kind === 'function')
					return {
						t: 'object',
						typeName: 'function',
						label: `<function ${dotted}>`,
						payload: entry.view
					};
				return {
					t: 'object',
					typeName: 'type',
					label: `<class '${dotted}'>`,
					// A class is callable, so path() accepts it; Django then calls View(request, …).
					payload: defineView(dotted, () => {
						throw new PythonError(
							'TypeError',
							'View.__init__() takes 1 positional argument but 2 were given'
						);
					}),
					attr: (method) =>
						method === 'as_view'
							? {
									t: 'object',
									typeName: 'method',
									label: `<bound method View.as_view of <class '${dotted}'>>`,
									call: (args, kwargs, line) => {
										if (args.length)
											throw new PythonError(
												'TypeError',
												`View.as_view() takes 1 positional argument but ${args.length + 1} were given`
											);
										if (Object.keys(kwargs).length)
											throw new SimulationReadsOnly(
												'This simulation reads .as_view() only without arguments.'
											);
										return {
											t: 'object',
											typeName: 'function',
											label: `<function ${attr}>`,
											payload: entry.asView(currentSource(line))
										};
									}
								}
							: undefined
				};
			}
		};
	}

	let currentFile = '';
	const currentSource = (line: number): SourceRef => ({ file: currentFile, lines: [line] });

	function load(module: string): Map<string, PyValue> {
		const done = loaded.get(module);
		if (done) return done;
		const source = files.sources[module];
		const file = fileOf(module);
		const outer = currentFile;
		currentFile = file;
		try {
			const statements = parseModule(source, file);
			const run = runModule(statements, {
				file,
				source,
				importModule(name, level) {
					const base = module.split('.').slice(0, -level || undefined);
					const dotted = level
						? [...base.slice(0, base.length), ...(name ? [name] : [])].join('.')
						: name;
					return moduleObject(level && !name ? base.join('.') : dotted);
				}
			});
			loaded.set(module, run.names);
			return run.names;
		} finally {
			currentFile = outer;
		}
	}

	const root = load(files.root);
	const entries = patternList(root.get('urlpatterns'), files.root);
	return { resolver: createResolver(entries), notes };
}

function constString(value: PyValue): string {
	if (value.t === 'const' && value.py === 'str') return String(value.v);
	throw new SimulationReadsOnly(
		`This simulation reads this only as a string; it got ${pyRepr(value)}.`
	);
}
