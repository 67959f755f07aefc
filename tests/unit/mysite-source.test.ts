/**
 * The demo project's Python and its TypeScript twin must not drift apart:
 *
 * 1. every URL pattern in the urls.py files is in the TypeScript URLconf with the same full
 *    route, name and view, and the other way round;
 * 2. every source reference a request records (on the resolver→view hop and on each line that
 *    ran) points at lines that exist in the project's files, and view code points at code;
 * 3. settings.py and settings.ts agree on the settings both have;
 * 4. the full project (`DJANGO_SETTINGS_MODULE=mysite.settings_full`): urls_full.py and
 *    `urlpatternsFull` have the same patterns (urls.py's, spliced in with `*site_urlpatterns`,
 *    and its own), and settings_full.py and `settingsFull` the same settings.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { View } from '../../src/lib/sim/django/http';
import type { UrlEntry } from '../../src/lib/sim/django/urls';
import { projectSources, urlpatterns } from '../../src/lib/sim/mysite';
import { settings } from '../../src/lib/sim/mysite/settings';
import { settingsFull, urlpatternsFull } from '../../src/lib/sim/mysite/full';
import { fileLine, pySource } from '../../src/lib/sim/mysite/sources';
import { makeSite, Visitor } from '../../src/lib/sim/mysite/test-site';
import { USERS } from '../../src/lib/sim/mysite/seed';
import { createSite, type Site } from '../../src/lib/sim/site';
import initSqlJs from 'sql.js';
import { mysiteFull } from '../../src/lib/sim/mysite/full';
import type { MailServer } from '../../src/lib/sim/outside/mail-server';
import type { SourceRef } from '../../src/lib/sim/types';

interface Route {
	route: string;
	name?: string;
	view: string;
}

/** Python module of each name a urls.py imports views as. */
function importsOf(file: string, text: string): Record<string, string> {
	const pkg = file.split('/')[0];
	const names: Record<string, string> = {};
	for (const line of text.split('\n')) {
		let m = /^from \. import views$/.exec(line);
		if (m) names.views = `${pkg}.views`;
		m = /^from ([\w.]+) import (\w+) as (\w+)$/.exec(line);
		if (m) names[m[3]] = `${m[1]}.${m[2]}`;
		m = /^from (\w[\w.]*) import (\w+)$/.exec(line);
		if (m) names[m[2]] = `${m[1]}.${m[2]}`;
	}
	return names;
}

const pkgOf = (file: string) => file.split('/')[0];

/** `path("admin/", admin.site.urls)`: the admin site's URLconf (app and namespace `admin`). */
const ADMIN_SITE = 'admin.site.urls';

/** Every `path(...)` of a urls.py, with includes followed, as full routes and names. */
function pythonRoutes(file: string, prefix = '', namespace?: string): Route[] {
	const text = projectSources[file];
	expect(text, file).toBeDefined();
	const imports = importsOf(file, text);
	const appName = /^app_name = "(\w+)"$/m.exec(text)?.[1];
	const ns = appName ?? namespace;
	const routes: Route[] = [];
	for (const line of text.split('\n')) {
		// `*site_urlpatterns,`: another urls.py's list, spliced in (urls_full.py).
		const splice = /^\s*\*(\w+),$/.exec(line);
		if (splice) {
			const from = new RegExp(`^from \\.(\\w+) import urlpatterns as ${splice[1]}$`, 'm').exec(
				text
			);
			expect(from, `${file}: where ${splice[1]} comes from`).not.toBeNull();
			routes.push(...pythonRoutes(`${pkgOf(file)}/${from?.[1]}.py`, prefix, namespace));
			continue;
		}
		const m = /^\s*path\("([^"]*)", (.+?)(?:, name="(\w+)")?\),$/.exec(line);
		if (!m) continue;
		const [, route, target, name] = m;
		// Django's admin site: its patterns are Django's own, only its place can be compared.
		if (target === 'admin.site.urls') {
			routes.push({ route: prefix + route, view: ADMIN_SITE });
			continue;
		}
		const include = /^include\("(\w+)\.urls"\)$/.exec(target);
		if (include) {
			routes.push(...pythonRoutes(`${include[1]}/urls.py`, prefix + route));
			continue;
		}
		const view = /^(\w+)\.(\w+)(?:\.as_view\(\))?$/.exec(target);
		expect(view, `${file}: ${line}`).not.toBeNull();
		const [, module, symbol] = view as RegExpExecArray;
		routes.push({
			route: prefix + route,
			name: name ? (ns ? `${ns}:${name}` : name) : undefined,
			view: `${imports[module]}.${symbol}`
		});
	}
	return routes;
}

/** The same from the TypeScript URLconf. */
function tsRoutes(entries: readonly UrlEntry<View>[], prefix = '', namespace?: string): Route[] {
	return entries.flatMap((entry) => {
		if (entry.type === 'resolver' && entry.appName === 'admin' && entry.namespace === 'admin')
			return [{ route: prefix + entry.pattern.text, view: ADMIN_SITE }];
		if (entry.type === 'resolver') {
			return tsRoutes(entry.patterns, prefix + entry.pattern.text, entry.namespace ?? namespace);
		}
		const name = entry.name ? (namespace ? `${namespace}:${entry.name}` : entry.name) : undefined;
		return [{ route: prefix + entry.pattern.text, name, view: entry.view.viewName }];
	});
}

describe('urls.py and the TypeScript URLconf', () => {
	it('have the same patterns, in the same order, with the same names and views', () => {
		const python = pythonRoutes('mysite/urls.py');
		expect(python.length).toBeGreaterThan(20);
		expect(tsRoutes(urlpatterns)).toEqual(python);
	});
});

describe('urls_full.py and urlpatternsFull (mysite.settings_full)', () => {
	it('have the same patterns, in the same order, with the same names and views', () => {
		const python = pythonRoutes('mysite/urls_full.py');
		expect(tsRoutes(urlpatternsFull)).toEqual(python);
	});

	it("keep every pattern of urls.py, in urls.py's order (spliced in with *site_urlpatterns)", () => {
		const site = pythonRoutes('mysite/urls.py');
		const full = pythonRoutes('mysite/urls_full.py');
		const at = full.findIndex((r) => r.route === site[0].route && r.view === site[0].view);
		expect(full.slice(at, at + site.length)).toEqual(site);
	});
});

/** TypeScript files of mysite that name Python lines (views, models, URLconfs). */
function tsFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'project' ? [] : tsFiles(full);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
	});
}

const STRING = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;
const unquote = (literal: string) => literal.slice(1, -1).replace(/\\(['"\\])/g, '$1');

/** The string literals passed to a call, from just after its `(` to its `)`. */
function stringArguments(text: string, from: number): string[] {
	const found: string[] = [];
	const literal = new RegExp(`^(?:${STRING})`);
	let i = from;
	while (i < text.length && text[i] !== ')') {
		const m = literal.exec(text.slice(i));
		if (m) {
			found.push(m[0]);
			i += m[0].length;
		} else i++;
	}
	return found;
}

describe('every Python line the TypeScript names, whether or not a test runs it', () => {
	it('is in its def or class exactly once', () => {
		let checked = 0;
		for (const file of tsFiles('src/lib/sim/mysite')) {
			const text = readFileSync(file, 'utf8');
			const fileConst = new RegExp(`const FILE = (${STRING});`).exec(text);
			const blocks = new Map<string, ReturnType<typeof pySource>>();
			for (const m of text.matchAll(
				new RegExp(`const (\\w+) = pySource\\((FILE|${STRING}), (${STRING})\\)`, 'g')
			)) {
				const py = m[2] === 'FILE' ? unquote(fileConst?.[1] ?? "''") : unquote(m[2]);
				blocks.set(m[1], pySource(py, unquote(m[3])));
			}
			for (const m of text.matchAll(/(\w+)\.ref\(/g)) {
				const block = blocks.get(m[1]);
				if (!block) continue;
				for (const literal of stringArguments(text, (m.index ?? 0) + m[0].length)) {
					expect(() => block.line(unquote(literal)), `${file}: ${literal}`).not.toThrow();
					checked++;
				}
			}
			for (const m of text.matchAll(
				new RegExp(`fileLine\\((FILE|${STRING}), (${STRING})\\)`, 'g')
			)) {
				const py = m[1] === 'FILE' ? unquote(fileConst?.[1] ?? "''") : unquote(m[1]);
				expect(() => fileLine(py, unquote(m[2])), `${file}: ${m[2]}`).not.toThrow();
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(80);
	});
});

describe('settings.py and settings.ts', () => {
	it('agree on every simple setting both have', () => {
		const text = projectSources['mysite/settings.py'];
		for (const [key, value] of Object.entries(settings)) {
			const m = new RegExp(`^${key} = (.+?)(?:\\s+#.*)?$`, 'm').exec(text);
			if (!m || m[1].endsWith('[')) continue;
			expect(pythonLiteral(m[1]), key).toEqual(value);
		}
		for (const key of ['INSTALLED_APPS', 'MIDDLEWARE'] as const) {
			const block = new RegExp(`^${key} = \\[\\n([\\s\\S]*?)\\n\\]`, 'm').exec(text)?.[1] ?? '';
			const items = [...block.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
			expect(items, key).toEqual(settings[key]);
		}
	});
});

describe('settings_full.py and settingsFull (mysite.settings_full)', () => {
	const text = projectSources['mysite/settings_full.py'];
	/** Each top-level assignment of settings_full.py, with its value's text (lists may span lines). */
	const assigned = new Map(
		[...text.matchAll(/^([A-Z][A-Z0-9_]*) = (\[[\s\S]*?\n?\]|\{[\s\S]*?\n\}|.+)$/gm)].map(
			(m) => [m[1], m[2].trim()] as const
		)
	);

	it('star-imports settings.py, as settings modules that extend another do', () => {
		expect(text).toMatch(/^from \.settings import \*/m);
		expect(assigned.get('ROOT_URLCONF')).toBe('"mysite.urls_full"');
	});

	it('agree on every setting settings_full.py assigns', () => {
		const full = settingsFull as Record<string, unknown>;
		const base = settings as Record<string, unknown>;
		expect(assigned.size).toBeGreaterThan(1);
		for (const [key, value] of assigned) {
			expect(full, `settingsFull lacks ${key}`).toHaveProperty(key);
			const literal = listLiteral(value, base);
			if (literal !== undefined) expect(full[key], key).toEqual(literal);
			else if (!/^[[{]/.test(value)) expect(full[key], key).toEqual(pythonLiteral(value));
		}
	});

	it('change nothing of settings.py that settings_full.py does not assign', () => {
		const base = settings as Record<string, unknown>;
		for (const [key, value] of Object.entries(settingsFull))
			if (!assigned.has(key)) expect(value, key).toEqual(base[key]);
	});
});

/**
 * A list of strings, on one line or several, in which `*NAME` splices the list `NAME` of
 * settings.py (`["django.contrib.admin", *INSTALLED_APPS]`); undefined for anything else.
 */
function listLiteral(text: string, base: Record<string, unknown>): string[] | undefined {
	if (!text.startsWith('[')) return undefined;
	const items = text
		.slice(1, -1)
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
	const out: string[] = [];
	for (const item of items) {
		const quoted = /^"([^"]*)"$/.exec(item);
		const spliced = /^\*(\w+)$/.exec(item);
		if (quoted) out.push(quoted[1]);
		else if (spliced && Array.isArray(base[spliced[1]]))
			out.push(...(base[spliced[1]] as string[]));
		else return undefined;
	}
	return out;
}

/** A simple Python literal (string, number, True/False, a one-line list of strings). */
function pythonLiteral(text: string): unknown {
	if (text === 'True' || text === 'False') return text === 'True';
	if (/^\d+$/.test(text)) return Number(text);
	if (text.startsWith('[')) return [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
	return text.replace(/^"(.*)"$/, '$1');
}

/** One visit of every row of PLAN.md's URL table, as the right person. */
const VISITS: Array<{
	who?: 'alice' | 'bob';
	method: string;
	path: string;
	form?: Record<string, string>;
	json?: unknown;
	token?: string;
}> = [
	{ method: 'GET', path: '/' },
	{ method: 'GET', path: '/blog/' },
	{ method: 'GET', path: '/blog/1/' },
	{ method: 'GET', path: '/blog/99/' },
	{ method: 'POST', path: '/blog/1/comment/', form: { name: 'Ann', body: 'Hi' } },
	{ method: 'POST', path: '/blog/1/comment/', form: { name: '', body: '' } },
	{ method: 'GET', path: '/blog/new/' },
	{ who: 'alice', method: 'GET', path: '/blog/new/' },
	{ who: 'alice', method: 'POST', path: '/blog/new/', form: { title: 'T', body: 'B' } },
	{ who: 'alice', method: 'GET', path: '/blog/1/edit/' },
	{ who: 'alice', method: 'POST', path: '/blog/1/edit/', form: { title: 'T2', body: 'B2' } },
	{ who: 'bob', method: 'GET', path: '/blog/1/edit/' },
	{ who: 'bob', method: 'GET', path: '/blog/3/delete/' },
	{ who: 'bob', method: 'POST', path: '/blog/3/delete/', form: {} },
	{ method: 'GET', path: '/blog/archive/2026/' },
	{ method: 'GET', path: '/blog/latest/' },
	{ method: 'GET', path: '/shop/' },
	{ method: 'GET', path: '/shop/products/teapot/' },
	{ who: 'alice', method: 'GET', path: '/shop/order/?product=1' },
	{ who: 'alice', method: 'POST', path: '/shop/order/', form: { product: '1', quantity: '1' } },
	{ who: 'alice', method: 'POST', path: '/shop/order/', form: { product: '2', quantity: '9' } },
	{ who: 'alice', method: 'GET', path: '/shop/orders/1/' },
	{ who: 'alice', method: 'GET', path: '/shop/orders/2/' },
	{ method: 'GET', path: '/accounts/login/' },
	{ method: 'POST', path: '/accounts/login/', form: { username: 'alice', password: 'wrong' } },
	{ who: 'alice', method: 'POST', path: '/accounts/logout/', form: {} },
	{ who: 'alice', method: 'GET', path: '/accounts/profile/' },
	{ method: 'GET', path: '/accounts/users/bob/' },
	{ who: 'bob', method: 'GET', path: '/accounts/users/bob/edit/' },
	{
		who: 'bob',
		method: 'POST',
		path: '/accounts/users/bob/edit/',
		form: { first_name: 'B', last_name: 'B', email: 'b@b.test' }
	},
	{ who: 'bob', method: 'GET', path: '/accounts/users/alice/edit/' },
	{ method: 'GET', path: '/api/products/' },
	{ method: 'GET', path: '/api/orders/' },
	{ method: 'GET', path: '/api/orders/', token: USERS.alice.token },
	{
		method: 'POST',
		path: '/api/orders/',
		json: { product: 1, quantity: 1 },
		token: USERS.alice.token
	},
	{
		method: 'POST',
		path: '/api/orders/',
		json: { product: 2, quantity: 5 },
		token: USERS.alice.token
	},
	{ method: 'GET', path: '/api/orders/1/', token: USERS.alice.token },
	{ method: 'PATCH', path: '/api/orders/1/', json: { quantity: 2 }, token: USERS.alice.token },
	{ method: 'DELETE', path: '/api/orders/1/', token: USERS.alice.token },
	{ method: 'GET', path: '/api/orders/2/', token: USERS.alice.token },
	{ method: 'GET', path: '/api/posts/' },
	{ method: 'POST', path: '/api/posts/', json: { title: 'A', body: 'B' }, token: USERS.bob.token },
	{ method: 'GET', path: '/api/posts/1/' },
	{ method: 'GET', path: '/reports/slow/' },
	{ method: 'GET', path: '/boom/' }
];

/**
 * The full project's own pages (mail server and payment API): served on the full site, their
 * templates count as rendered and their source references are checked the same way.
 */
const templatesUsedFull = new Set<string>();
describe("source references recorded while serving the full project's mail and payment pages", () => {
	const refs: SourceRef[] = [];
	const failures: string[] = [];

	beforeAll(async () => {
		const site = await createSite({ sqlJs: await initSqlJs(), project: mysiteFull });
		const record = (answer: Awaited<ReturnType<Visitor['get']>>, what: string) => {
			if (answer.status >= 500 && answer.status !== 503) failures.push(`${what}: ${answer.status}`);
			for (const hop of answer.trace.hops) {
				for (const name of hop.detail.template?.used ?? []) templatesUsedFull.add(name);
				if (hop.detail.source) refs.push(hop.detail.source);
			}
		};
		const anon = new Visitor(site);
		for (const path of [
			'/accounts/password_reset/',
			'/accounts/password_reset/done/',
			'/accounts/reset/done/'
		])
			record(await anon.get(path), `GET ${path}`);
		record(
			await anon.post('/accounts/password_reset/', { email: 'alice@mysite.test' }),
			'POST password_reset'
		);
		const mail = site.internet.server('mail.mysite.test') as MailServer;
		const link =
			/https:\/\/mysite\.test(\S+)/.exec(mail.mailbox('alice@mysite.test')[0].raw)?.[1] ?? '';
		const confirm = await anon.get(link);
		record(confirm, 'GET reset link');
		record(await anon.get(confirm.header('Location') ?? ''), 'GET set-password');
		record(await anon.get('/accounts/reset/MQ/1-bad/'), 'GET a bad link');
		const alice = new Visitor(site);
		await alice.login('alice');
		const page = await alice.get('/shop/checkout/?product=1');
		record(page, 'GET checkout');
		let checkout_id = /name="checkout_id" value="(\w+)"/.exec(page.body)?.[1] ?? '';
		for (const card_number of ['4000 0000 0000 0002', '4242 4242 4242 4242']) {
			const answer = await alice.post('/shop/checkout/', {
				product: '1',
				quantity: '1',
				card_number,
				checkout_id
			});
			record(answer, `POST checkout ${card_number}`);
			// A declined attempt is over: the form comes back with a new checkout id.
			checkout_id = /name="checkout_id" value="(\w+)"/.exec(answer.body)?.[1] ?? '';
		}
	}, 120_000);

	it('serves them without a server error', () => {
		expect(failures).toEqual([]);
	});

	it('points every reference at existing, non-blank lines', () => {
		expect(refs.length).toBeGreaterThan(10);
		for (const source of refs) {
			const lines = projectSources[source.file]?.split('\n');
			expect(lines, source.file).toBeDefined();
			for (const n of source.lines)
				expect(lines![n - 1]?.trim(), `${source.file}:${n}`).toBeTruthy();
		}
	});
});

describe('source references recorded while serving every URL', () => {
	let site: Site;
	const refs: Array<{ url: string; source: SourceRef; kind: string }> = [];
	const failures: string[] = [];
	const templatesUsed = new Set<string>();

	beforeAll(async () => {
		site = await makeSite();
		site.configure({ gunicornTimeoutS: 120, nginxProxyReadTimeoutS: 120 });
		for (const visit of VISITS) {
			await site.reset();
			site.configure({ gunicornTimeoutS: 120, nginxProxyReadTimeoutS: 120 });
			const visitor = new Visitor(site);
			if (visit.who) await visitor.login(visit.who);
			else await visitor.get('/accounts/login/');
			let answer;
			if (visit.form) answer = await visitor.post(visit.path, visit.form);
			else if (visit.token || visit.json !== undefined)
				answer = await visitor.json(visit.method, visit.path, visit.json, { token: visit.token });
			else answer = await visitor.send(visit.method, visit.path);
			// A line that drifted from the Python makes its view raise: a 500 (only /boom/ may).
			if (answer.status >= 500 && visit.path !== '/boom/') {
				failures.push(
					`${visit.method} ${visit.path}: ${answer.status} ${/<title>(.*?)<\/title>/.exec(answer.body)?.[1] ?? ''}`
				);
			}
			for (const hop of answer.trace.hops) {
				for (const name of hop.detail.template?.used ?? []) templatesUsed.add(name);
				if (hop.detail.source)
					refs.push({
						url: `${visit.method} ${visit.path}`,
						source: hop.detail.source,
						kind: hop.kind
					});
			}
		}
	}, 120_000);

	it('serves every URL without a server error (drift between Python and TypeScript raises)', () => {
		expect(failures).toEqual([]);
	});

	it('renders every template of the project at least once', () => {
		const templates = Object.keys(projectSources)
			.filter((path) => path.startsWith('templates/'))
			.map((path) => path.slice('templates/'.length))
			// The admin's templates belong to the full project (src/lib/sim/mysite/admin.test.ts).
			.filter((name) => !name.startsWith('admin/'));
		// Templates only the full project renders (mysite.settings_full), by its own tests.
		const fullOnly = new Set([
			'accounts/oidc_error.html' // src/lib/sim/mysite/oidc.test.ts
		]);
		expect(
			templates.filter(
				(name) => !templatesUsed.has(name) && !templatesUsedFull.has(name) && !fullOnly.has(name)
			)
		).toEqual([]);
	});

	it('records lines for every view that ran', () => {
		const files = new Set(refs.map((r) => r.source.file));
		for (const file of [
			'mysite/views.py',
			'blog/views.py',
			'shop/views.py',
			'shop/models.py',
			'accounts/views.py',
			'accounts/urls.py',
			'api/views.py',
			'reports/views.py'
		]) {
			expect(files, file).toContain(file);
		}
	});

	it('points every reference at existing, non-blank lines of the right file', () => {
		expect(refs.length).toBeGreaterThan(100);
		for (const { url, source } of refs) {
			const text = projectSources[source.file];
			expect(text, `${url}: ${source.file}`).toBeDefined();
			const lines = text.split('\n');
			expect(source.lines.length, url).toBeGreaterThan(0);
			for (const n of source.lines) {
				expect(n, `${url}: ${source.file}:${n}`).toBeGreaterThanOrEqual(1);
				expect(n, `${url}: ${source.file}:${n}`).toBeLessThanOrEqual(lines.length);
				expect(lines[n - 1].trim(), `${url}: ${source.file}:${n}`).not.toBe('');
			}
			if (source.symbol && source.file.endsWith('.py')) {
				// The lines lie inside the def/class they name.
				const start = lines.findIndex((l) =>
					new RegExp(`^(?:def|class) ${source.symbol}\\b`).test(l)
				);
				expect(start, `${url}: ${source.symbol} in ${source.file}`).toBeGreaterThanOrEqual(0);
			}
		}
	});
});

describe('the project files a student reads', () => {
	it('are the sources only, never Python’s bytecode caches', () => {
		const paths = Object.keys(projectSources);
		expect(paths.length).toBeGreaterThan(20);
		expect(paths.filter((p) => p.includes('__pycache__') || p.endsWith('.pyc'))).toEqual([]);
		// Text throughout: no file the editor's tree would show as bytes.
		// eslint-disable-next-line no-control-regex
		expect(paths.filter((p) => /[\u0000-\u0008]/.test(projectSources[p]))).toEqual([]);
	});
});
