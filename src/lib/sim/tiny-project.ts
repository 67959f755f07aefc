/**
 * A tiny Django project for testing the spine (nginx → gunicorn → Django) without the demo site:
 * a few views that show one behaviour each, a `notes` table, and a minimal JSON session store
 * over a real `django_session` table. Tests only; the demo project lives in `mysite/`.
 */
import initSqlJs from 'sql.js';
import type { Database } from './django/db/database';
import type { SessionLike, UserLike } from './django/context';
import {
	defineView,
	Http404,
	HttpResponse,
	HttpResponseRedirect,
	JsonResponse,
	PermissionDenied
} from './django/http';
import type { View } from './django/http';
import type { SessionEngine, UserLoader } from './django/middleware';
import { get_token } from './django/middleware';
import type { DjangoProject } from './django/project';
import { createResolver, path } from './django/urls';
import { createSite, type Site } from './site';

const source = (symbol: string, line: number) => ({ file: 'tiny/views.py', symbol, lines: [line] });

const home = defineView('tiny.views.home', () => new HttpResponse('<h1>Home</h1>'), {
	source: source('home', 1)
});
const note = defineView(
	'tiny.views.note',
	(request, { pk }) => {
		const db = (request.sim as unknown as { db: Database }).db;
		const rows = db.run(
			'SELECT id, text FROM notes WHERE id = ?',
			[Number(pk)],
			`Note.objects.get(pk=${pk})`
		).rows;
		if (rows.length === 0) throw new Http404('No Note matches the given query.');
		return new HttpResponse(`<p>${rows[0][1]}</p>`);
	},
	{ source: source('note', 5) }
);
const form = defineView('tiny.views.form', (request) => {
	if (request.method === 'POST') {
		const db = (request.sim as unknown as { db: Database }).db;
		db.run(
			'INSERT INTO notes (text) VALUES (?)',
			[request.POST.get('text', '')],
			'Note.objects.create(text=…)'
		);
		if (request.POST.get('fail')) throw new Error('boom after write');
		(request.session as MemorySession).set('posted', true);
		return new HttpResponseRedirect('/');
	}
	return new HttpResponse(
		`<form method="post"><input name="csrfmiddlewaretoken" value="${get_token(request)}"></form>`
	);
});
const api = defineView('tiny.views.api', () => new JsonResponse({ ok: true, name: 'Café' }), {
	csrf_exempt: true
});
const boom = defineView(
	'tiny.views.boom',
	() => {
		throw new TypeError('boom!');
	},
	{ source: source('boom', 12) }
);
const secret = defineView('tiny.views.secret', () => {
	throw new PermissionDenied();
});
const slow = defineView('tiny.views.slow', (request) => {
	request.sim.recorder.spend('view', 45_000);
	const db = (request.sim as unknown as { db: Database }).db;
	db.run('INSERT INTO notes (text) VALUES (?)', ['slow'], 'Note.objects.create(text="slow")');
	return new HttpResponse('done at last');
});

export const tinyUrlconf = createResolver<View>([
	path('', home, { name: 'home' }),
	path('notes/<int:pk>/', note, { name: 'note' }),
	path('form/', form, { name: 'form' }),
	path('api/', api),
	path('boom/', boom),
	path('secret/', secret),
	path('slow/', slow)
]);

export const tinyProject: DjangoProject = {
	name: 'tiny',
	settings: { ROOT_URLCONF: 'tiny.urls', DEBUG: false },
	urlconf: tinyUrlconf,
	setUp(db) {
		db.applySchema([
			'CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL)',
			'CREATE TABLE django_session (session_key varchar(40) NOT NULL PRIMARY KEY, session_data text NOT NULL, expire_date datetime NOT NULL)'
		]);
		db.quietly(() => db.run("INSERT INTO notes (text) VALUES ('first note')"));
	},
	staticFiles: [{ path: '/static/css/site.css', body: 'body { color: #222; }\n' }],
	sources: { 'tiny/views.py': 'def home(request):\n    return HttpResponse("<h1>Home</h1>")\n' }
};

/** A JSON session in `django_session`, just enough for the spine's tests. */
class MemorySession implements SessionLike {
	session_key: string | null;
	modified = false;
	accessed = false;
	#data: Record<string, unknown> | undefined;
	#initial: Record<string, unknown> | undefined;
	constructor(
		private db: Database,
		key: string | null
	) {
		this.session_key = key;
	}
	#load(): Record<string, unknown> {
		this.accessed = true;
		if (this.#data) return this.#data;
		const rows = this.session_key
			? this.db.run(
					'SELECT session_data FROM django_session WHERE session_key = ?',
					[this.session_key],
					'Session.objects.get(…)'
				).rows
			: [];
		if (rows.length === 0) this.session_key = null;
		this.#initial = rows.length ? JSON.parse(String(rows[0][0])) : {};
		this.#data = { ...this.#initial };
		return this.#data;
	}
	get(key: string): unknown {
		return this.#load()[key];
	}
	set(key: string, value: unknown): void {
		this.#load()[key] = value;
		this.modified = true;
	}
	is_empty(): boolean {
		return !this.session_key && (!this.#data || Object.keys(this.#data).length === 0);
	}
	get_expiry_age(): number {
		return 1_209_600;
	}
	get_expire_at_browser_close(): boolean {
		return false;
	}
	save(): void {
		this.session_key ??= 'k'.repeat(24) + Math.random().toString(36).slice(2, 10).padEnd(8, '0');
		this.db.run(
			"INSERT OR REPLACE INTO django_session VALUES (?, ?, '2099-01-01 00:00:00')",
			[this.session_key, JSON.stringify(this.#data ?? {})],
			'session.save()'
		);
	}
	delete(): void {
		if (this.session_key)
			this.db.run('DELETE FROM django_session WHERE session_key = ?', [this.session_key]);
	}
	snapshot(): Record<string, unknown> {
		return { ...this.#load() };
	}
	initial(): Record<string, unknown> | undefined {
		return this.#initial;
	}
}

const anonymous: UserLike = { is_authenticated: false, is_anonymous: true, username: '', pk: null };

export const tinySessions = (db: Database): SessionEngine => ({
	open: (key) => new MemorySession(db, key)
});
export const tinyUsers = (): UserLoader => ({ getUser: () => anonymous });

let sqlJs: ReturnType<typeof initSqlJs> | undefined;

export async function createTinySite(now?: () => number): Promise<Site> {
	sqlJs ??= initSqlJs();
	return createSite({
		sqlJs: await sqlJs,
		project: tinyProject,
		sessions: tinySessions,
		users: tinyUsers,
		now
	});
}
