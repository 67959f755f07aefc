/**
 * A tiny Django project for testing the spine (nginx → gunicorn → Django) without the demo site:
 * a few views that show one behaviour each, the auth tables and a `notes` table.
 * Tests only; the demo project lives in `mysite/`.
 */
import initSqlJs from 'sql.js';
import type { Database } from './django/db/database';
import { AUTH_MODELS, type SessionStore } from './django/auth';
import { migrate } from './django/db';
import {
	defineView,
	Http404,
	HttpResponse,
	HttpResponseRedirect,
	JsonResponse,
	PermissionDenied
} from './django/http';
import type { View } from './django/http';
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
		(request.session as unknown as SessionStore).set('posted', true);
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
		migrate(db, AUTH_MODELS);
		db.applySchema([
			'CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL)'
		]);
		db.quietly(() => db.run("INSERT INTO notes (text) VALUES ('first note')"));
	},
	staticFiles: [{ path: '/static/css/site.css', body: 'body { color: #222; }\n' }],
	sources: { 'tiny/views.py': 'def home(request):\n    return HttpResponse("<h1>Home</h1>")\n' }
};

let sqlJs: ReturnType<typeof initSqlJs> | undefined;

export async function createTinySite(now?: () => number): Promise<Site> {
	sqlJs ??= initSqlJs();
	return createSite({
		sqlJs: await sqlJs,
		project: tinyProject,
		now
	});
}
