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
import { createTemplateEngine, type TemplateEngine } from './django/template';
import { AnonymousUser, getUser, SessionStore } from './django/auth';
import { mysite } from './mysite';

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
}

export interface Site {
	handle(request: SimRequest): Promise<HandledRequest>;
	configure(patch: Partial<SiteConfig>): SiteConfig;
	readonly config: Readonly<SiteConfig>;
	/** A fresh seeded database and sessions, idle workers, the project's own settings. */
	reset(): Promise<void>;
	readonly db: Database;
	readonly settings: Settings;
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
	const db = openDatabase(options.sqlJs);
	await project.setUp(db);
	const seeded = db.snapshot();
	const baseSettings = makeSettings(project.settings);
	const settings = makeSettings(project.settings);
	const templates: TemplateEngine | undefined = project.templates
		? createTemplateEngine({
				loader: (name) => project.templates?.[name],
				reverse: (name, args, kwargs) =>
					project.urlconf.reverse(name, { args, kwargs } as Parameters<
						typeof project.urlconf.reverse
					>[1]),
				now: clock
			})
		: undefined;

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

	const django = createDjangoApplication({
		settings,
		urlconf: project.urlconf,
		sessions: sessions(db, clock),
		users: users(db),
		atomic,
		sources: project.sources,
		context: () => ({
			db,
			templates,
			reverse: (name: string, opts?: Parameters<typeof project.urlconf.reverse>[1]) =>
				project.urlconf.reverse(name, opts)
		})
	});
	const appServer = new AppServer(django, {
		workers: project.workers ?? DEFAULT_APP_SERVER_CONFIG.workers
	});
	const files = new StaticFiles(project.staticFiles ?? []);
	const webServer = new WebServer(appServer, files);

	const config = (): SiteConfig => ({
		debug: settings.DEBUG,
		appServerUp: appServer.config.up,
		workers: appServer.config.workers,
		gunicornTimeoutS: appServer.config.timeoutS,
		nginxProxyReadTimeoutS: webServer.config.proxyReadTimeoutS,
		clientMaxBodySize: webServer.config.clientMaxBodySize
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
		get config() {
			return config();
		},
		handle(request) {
			return serially(async () => {
				const recorder = new TraceRecorder({ startedAt: now() });
				current = recorder;
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
				webServer.config = { ...DEFAULT_WEB_SERVER_CONFIG };
			});
		}
	};
}
