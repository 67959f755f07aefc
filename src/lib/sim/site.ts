/**
 * `createSite()`: the whole simulated site — nginx in front, gunicorn behind it, Django inside,
 * one SQLite database — answering `SimRequest`s with a `SimResponse` and the `Trace` of its
 * journey. This is the one object the MSW handlers talk to.
 *
 * Requests go through Django one at a time (`handle` calls are queued), which is what lets the
 * ORM's query listener find "the current request" simply; gunicorn's workers and queue are
 * modelled in simulated time by the app server.
 */
import type { SqlJsStatic } from 'sql.js';
import type { HandledRequest, SimRequest } from './types';
import { TraceRecorder } from './trace';
import { AppServer, DEFAULT_APP_SERVER_CONFIG } from './app-server/app-server';
import { WebServer, DEFAULT_WEB_SERVER_CONFIG } from './web-server/web-server';
import { StaticFiles } from './web-server/static-files';
import { createDjangoApplication, type RequestTransaction } from './django/handler';
import type { DjangoProject } from './django/project';
import { makeSettings, type Settings } from './django/settings';
import type { SessionEngine, UserLoader } from './django/middleware';
import { openDatabase, type Database } from './django/db/database';
import { migrate } from './django/db/migrate';
import { createTemplateEngine, type TemplateEngine } from './django/template';
import { AnonymousUser, getUser, SessionStore } from './django/auth';
import { mysite } from './mysite';
import { setRootUrlconf } from './mysite/reverse';
import type { View } from './django/http';
import type { UrlResolver } from './django/urls';
import { loadProject, type LoadProblem, type ProjectEdits } from './project-files/load-project';
import { MYSITE_URL_MODULES, MYSITE_VIEW_MODULES } from './project-files/mysite-modules';
import { Internet } from './outside/internet';

/** Statements that change the database (or open a transaction that will). */
const WRITES = /^\s*(INSERT|UPDATE|DELETE|REPLACE|BEGIN|SAVEPOINT|CREATE|DROP|ALTER)\b/i;

export interface SiteConfig {
	debug: boolean;
	/** Is gunicorn running? Off: nginx answers 502 Bad Gateway. */
	appServerUp: boolean;
	workers: number;
	gunicornTimeoutS: number;
	nginxProxyReadTimeoutS: number;
	/** nginx's `client_max_body_size`, in bytes. */
	clientMaxBodySize: number;
	/** The full project's payment API (`api.payments.test`) answering? Off: its calls time out. */
	paymentApiUp?: boolean;
}

/** The payment provider's host (outside/payments), switched by `paymentApiUp`. */
const PAYMENT_API_HOST = 'api.payments.test';

export interface Site {
	handle(request: SimRequest): Promise<HandledRequest>;
	configure(patch: Partial<SiteConfig>): SiteConfig;
	readonly config: Readonly<SiteConfig>;
	/** A fresh seeded database and sessions, idle workers, the project's own settings. */
	reset(): Promise<void>;
	readonly db: Database;
	readonly settings: Settings;
	/**
	 * Restarts the server on the project's files with these edits (templates, urls.py,
	 * settings.py, one view line), as runserver's reload would: the next request sees them.
	 * Only for the demo project. `{}` puts the project's own files back.
	 */
	reload(edits: ProjectEdits): Promise<ReloadReport>;
	/** Every file of the project as the server now runs it (edits applied). */
	readonly files: Readonly<Record<string, string>>;
	/** The other servers the project talks to (none for the default mysite). */
	readonly internet: Internet;
}

/** What a reload found: a problem that stops the server or every request, and notes. */
export interface ReloadReport {
	problem?: Omit<LoadProblem, 'error'>;
	notes: string[];
}

export interface SiteOptions {
	sqlJs: SqlJsStatic;
	/** The Django project to run; the demo `mysite` by default. */
	project?: DjangoProject;
	/** `request.session` storage; by default Django's database sessions (`django_session`). */
	sessions?: (db: Database, now: () => Date) => SessionEngine;
	/** `request.user` lookup; by default `django.contrib.auth.get_user`. */
	users?: (db: Database) => UserLoader;
	/** Wall clock (ms since epoch), for tests that need time to stand still. */
	now?: () => number;
	/**
	 * The database file this project's `setUp` made (`seededDatabaseFile()`, run at build time):
	 * opened instead of migrating and seeding again. Used only when it holds exactly the tables
	 * the project's models create; otherwise the site is built from scratch.
	 */
	snapshot?: Uint8Array;
	/**
	 * Awaited between the steps of building the site (opening the database, registering the
	 * models, starting the servers): a page passes one that yields to the browser, so that no
	 * step holds its main thread for long.
	 */
	pause?: () => Promise<void>;
}

/**
 * The database `project.setUp()` leaves (migrated, seeded), as a file: what a site restores with
 * `createSite({ snapshot })` and `reset()`. The build runs it (vite.config.ts) so that a page
 * does not migrate and seed on the main thread.
 */
export async function seededDatabaseFile(
	sqlJs: SqlJsStatic,
	project: DjangoProject = mysite
): Promise<Uint8Array> {
	const db = openDatabase(sqlJs);
	await project.setUp(db);
	const file = db.export();
	db.close();
	return file;
}

/**
 * The project's seeded database: opened from the snapshot when it fits the project's models (its
 * migrations are all applied, so `migrate()` only registers the models and runs no DDL), else
 * migrated and seeded from scratch. Returns the database and the file `reset()` goes back to.
 */
async function openSeeded(
	options: SiteOptions,
	project: DjangoProject
): Promise<{ db: Database; seeded: Uint8Array }> {
	if (options.snapshot && project.models) {
		const db = openDatabase(options.sqlJs, options.snapshot);
		await options.pause?.();
		try {
			migrate(db, project.models);
			if (db.schemaStatementsRun === 0) return { db, seeded: options.snapshot };
		} catch {
			// A table in the file differs from its model: the snapshot is of another project.
		}
		db.close();
	}
	const db = openDatabase(options.sqlJs);
	await project.setUp(db);
	return { db, seeded: db.snapshot() };
}

export async function createSite(options: SiteOptions): Promise<Site> {
	const project = options.project ?? mysite;
	const now = options.now ?? Date.now;
	const clock = () => new Date(now());
	const sessions = options.sessions ?? ((d, c) => ({ open: (key) => new SessionStore(d, key, c) }));
	// Without a session key there is nobody to look up: skip reading the session, so a page that
	// never uses request.user gets no `Vary: Cookie`, as with Django's lazy user.
	const users =
		options.users ??
		((d: Database): UserLoader => ({
			getUser: (request) => {
				const session = request.session as unknown as SessionStore;
				return session.session_key ? getUser(d, session) : new AnonymousUser();
			}
		}));
	const { db, seeded } = await openSeeded(options, project);
	await options.pause?.();
	let baseSettings = makeSettings(project.settings);
	const settings = makeSettings(project.settings);
	// What a reload (an edited project) can change: the URLconf, the template files, the sources.
	let urlconf: UrlResolver<View> = project.urlconf;
	let templateFiles = project.templates;
	let projectFiles: Readonly<Record<string, string>> = project.sources ?? {};
	let bootProblem = false;
	const makeTemplates = (stringIfInvalid = ''): TemplateEngine | undefined =>
		templateFiles
			? createTemplateEngine({
					loader: (name) => templateFiles?.[name] ?? project.appTemplates?.[name],
					reverse: (name, args, kwargs) =>
						urlconf.reverse(name, { args, kwargs } as Parameters<typeof urlconf.reverse>[1]),
					now: clock,
					stringIfInvalid
				})
			: undefined;
	let templates = makeTemplates();
	// mysite's models reverse() through one module-level URLconf: this site's, from now on.
	if (project.name === mysite.name) setRootUrlconf(urlconf);

	let current: TraceRecorder | undefined;
	db.onQuery((query) => current?.query(query));

	// ATOMIC_REQUESTS. sql.js is synchronous and the ORM's atomic() wants a synchronous block, but a
	// view may await (password hashing), so the request's transaction is a snapshot of the database
	// restored if the view fails. Copying the database costs about half a millisecond, so it is
	// taken only just before the view's first write: a page that only reads pays nothing.
	let beforeWrite: (() => void) | undefined;
	const run = db.run.bind(db);
	db.run = (sql, params, orm) => {
		if (beforeWrite && WRITES.test(sql)) beforeWrite();
		return run(sql, params, orm);
	};
	const atomic: RequestTransaction = async (work) => {
		if (!settings.ATOMIC_REQUESTS) return work();
		let before: Uint8Array | undefined;
		beforeWrite = () => {
			before = db.snapshot();
			beforeWrite = undefined;
		};
		try {
			return await work();
		} catch (error) {
			if (before) db.restore(before);
			throw error;
		} finally {
			beforeWrite = undefined;
		}
	};

	const internet = new Internet(project.outside?.() ?? []);
	const sessionEngine = sessions(db, clock);
	const userLoader = users(db);
	const startDjango = () =>
		createDjangoApplication({
			settings,
			urlconf,
			sessions: sessionEngine,
			users: userLoader,
			atomic,
			sources: projectFiles,
			context: () => ({
				db,
				templates,
				projectFile: (path: string) => projectFiles[path],
				internet,
				reverse: (name: string, opts?: Parameters<typeof urlconf.reverse>[1]) =>
					urlconf.reverse(name, opts)
			})
		});
	let django = startDjango();
	const appServer = new AppServer(
		(call) => django(call),
		{ workers: project.workers ?? DEFAULT_APP_SERVER_CONFIG.workers },
		// DJANGO_SETTINGS_MODULE: gunicorn's --env for mysite.settings_full, else wsgi.py's default.
		{
			settingsModule: project.settingsModule ?? `${project.name}.settings`,
			wsgiDefault: `${project.name}.settings`
		}
	);
	const files = new StaticFiles(project.staticFiles ?? []);
	const webServer = new WebServer(appServer, files);

	const config = (): SiteConfig => ({
		debug: settings.DEBUG,
		appServerUp: appServer.config.up,
		workers: appServer.config.workers,
		gunicornTimeoutS: appServer.config.timeoutS,
		nginxProxyReadTimeoutS: webServer.config.proxyReadTimeoutS,
		clientMaxBodySize: webServer.config.clientMaxBodySize,
		paymentApiUp: internet.isUp(PAYMENT_API_HOST)
	});

	let queue: Promise<unknown> = Promise.resolve();
	function serially<T>(work: () => Promise<T>): Promise<T> {
		const next = queue.then(work, work);
		queue = next.catch(() => undefined);
		return next;
	}

	return {
		db,
		settings,
		internet,
		get config() {
			return config();
		},
		get files() {
			return projectFiles;
		},
		reload(edits) {
			return serially(async () => {
				if (project !== mysite || !project.sources)
					throw new Error('Only the demo project can be edited.');
				const loaded = loadProject({
					sources: project.sources,
					edits,
					views: MYSITE_VIEW_MODULES,
					urlModules: MYSITE_URL_MODULES
				});
				projectFiles = loaded.files;
				templateFiles = Object.fromEntries(
					Object.entries(projectFiles)
						.filter(([path]) => path.startsWith('templates/'))
						.map(([path, text]) => [path.slice('templates/'.length), text])
				);
				const problem = loaded.problem;
				// settings.py that cannot be imported: gunicorn's workers fail to boot, nginx answers 502.
				if (bootProblem && problem?.stage !== 'boot') appServer.config.up = true;
				bootProblem = problem?.stage === 'boot';
				if (bootProblem) appServer.config.up = false;
				if (loaded.settings) {
					baseSettings = makeSettings({ ...project.settings, ...loaded.settings.overrides });
					Object.assign(settings, makeSettings(baseSettings));
				}
				templates = makeTemplates(loaded.settings?.stringIfInvalid);
				// A URLconf that cannot be imported fails every request, as Django imports it then.
				urlconf =
					loaded.urlconf?.resolver ??
					(problem?.stage === 'request' ? failingUrlconf(problem.error) : project.urlconf);
				setRootUrlconf(urlconf);
				if (!bootProblem) django = startDjango();
				const { error: _error, ...shown } = problem ?? { error: undefined };
				void _error;
				return {
					problem: problem ? (shown as Omit<LoadProblem, 'error'>) : undefined,
					notes: loaded.notes
				};
			});
		},
		handle(request) {
			return serially(async () => {
				const recorder = new TraceRecorder({ startedAt: now() });
				// A request for another server's host (the browser sent to the identity provider).
				const outside = internet.server(new URL(request.url).hostname);
				if (outside) {
					const response = await outside.handle(request, { recorder, now, caller: 'browser' });
					return { response, trace: recorder.finish(request, response) };
				}
				current = recorder;
				// Model classes are shared by every site of the page (mysite and the full project each
				// keep theirs): `Model.objects` must query this site's database while it answers.
				db.activate();
				// mysite's models reverse() through one module-level URLconf: this site's, while it answers.
				if (project.name === mysite.name) setRootUrlconf(urlconf);
				try {
					const response = await webServer.handle(request, recorder);
					return { response, trace: recorder.finish(request, response) };
				} finally {
					current = undefined;
				}
			});
		},
		configure(patch) {
			if (patch.debug !== undefined) settings.DEBUG = patch.debug;
			if (patch.appServerUp !== undefined) appServer.config.up = patch.appServerUp;
			if (patch.workers !== undefined)
				appServer.config.workers = Math.max(1, Math.floor(patch.workers));
			if (patch.gunicornTimeoutS !== undefined) appServer.config.timeoutS = patch.gunicornTimeoutS;
			if (patch.nginxProxyReadTimeoutS !== undefined) {
				webServer.config.proxyReadTimeoutS = patch.nginxProxyReadTimeoutS;
			}
			if (patch.clientMaxBodySize !== undefined)
				webServer.config.clientMaxBodySize = patch.clientMaxBodySize;
			if (patch.paymentApiUp !== undefined) internet.setUp(PAYMENT_API_HOST, patch.paymentApiUp);
			return config();
		},
		reset() {
			return serially(async () => {
				db.restore(seeded);
				Object.assign(settings, makeSettings(baseSettings));
				appServer.config = {
					...DEFAULT_APP_SERVER_CONFIG,
					workers: project.workers ?? DEFAULT_APP_SERVER_CONFIG.workers
				};
				appServer.reset();
				if (bootProblem) appServer.config.up = false;
				webServer.config = { ...DEFAULT_WEB_SERVER_CONFIG };
				internet.reset();
			});
		}
	};
}

/** A URLconf whose import failed: every use raises that error again, as Django retries the import. */
function failingUrlconf(error: Error): UrlResolver<View> {
	const raise = (): never => {
		throw error;
	};
	return { resolve: raise, reverse: raise, patternsForDebug: raise };
}
