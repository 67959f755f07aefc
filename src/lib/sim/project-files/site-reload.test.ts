/**
 * Edits reach the next request: the real mysite, reloaded with edited templates, urls.py and
 * settings.py, answers as Django would, and each mistake gets Django's own words.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { makeSite, Visitor } from '../mysite/test-site';
import { projectSources } from '../mysite/sources';
import type { Site } from '../site';
import type { Trace } from '../types';

let site: Site;
let visit: Visitor;
beforeEach(async () => {
	site = await makeSite();
	visit = new Visitor(site);
});

const original = (path: string) => projectSources[path];
const edit = (path: string, from: string, to: string) => {
	const text = original(path);
	if (!text.includes(from)) throw new Error(`${path} has no ${from}`);
	return { [path]: text.replace(from, to) };
};
/** The distinct SQL texts a request sent. */
const sql = (trace: Trace) => [
	...new Set(trace.hops.flatMap((h) => (h.detail.query ? [h.detail.query.sql] : [])))
];

describe('templates', () => {
	it('an edited template is what the next request renders', async () => {
		await site.reload(edit('templates/blog/post_list.html', '<h1>Blog</h1>', '<h1>My blog</h1>'));
		const page = await visit.get('/blog/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('<h1>My blog</h1>');
		expect(site.files['templates/blog/post_list.html']).toContain('My blog');
	});

	it('a misplaced endfor gives the TemplateSyntaxError page with the line marked', async () => {
		const report = await site.reload(
			edit('templates/blog/post_list.html', '  {% endfor %}\n', '  {% endfor %}\n  {% endfor %}\n')
		);
		expect(report.problem).toBeUndefined();
		const page = await visit.get('/blog/');
		expect(page.status).toBe(500);
		expect(page.body).toContain('TemplateSyntaxError at /blog/');
		expect(page.body).toContain(
			'Invalid block tag on line 19: &#x27;endfor&#x27;, expected &#x27;endblock&#x27;. Did you forget to register or load this tag?'
		);
		expect(page.body).toContain('Error during template rendering');
		expect(page.body).toMatch(
			/<tr class="error"><th scope="row">19<\/th><td> {2}<span class="specific">\{% endfor %\}<\/span><\/td><\/tr>/
		);
	});

	it('a misspelt extends gives TemplateDoesNotExist with the loader postmortem', async () => {
		await site.reload(
			edit('templates/blog/post_list.html', '{% extends "base.html" %}', '{% extends "bse.html" %}')
		);
		const page = await visit.get('/blog/');
		expect(page.status).toBe(500);
		expect(page.body).toContain('TemplateDoesNotExist at /blog/');
		expect(page.body).toContain('Template-loader postmortem');
		expect(page.body).toContain('/srv/mysite/templates/bse.html (Source does not exist)');
	});

	it('a template with loops inside loops is stopped, not left to freeze the tab', async () => {
		const long = 'x'.repeat(200);
		await site.reload(
			edit(
				'templates/blog/post_list.html',
				'<h1>Blog</h1>',
				`{% for a in "${long}" %}{% for b in "${long}" %}{% for c in "${long}" %}.{% endfor %}{% endfor %}{% endfor %}`
			)
		);
		const page = await visit.get('/blog/');
		expect(page.status).toBe(500);
		expect(page.body).toContain(
			'This simulation stopped rendering the template after 200,000 steps'
		);
	});

	it('a template that includes itself ends in RecursionError', async () => {
		await site.reload(
			edit('templates/blog/post_list.html', '<h1>Blog</h1>', '{% include "blog/post_list.html" %}')
		);
		const page = await visit.get('/blog/');
		expect(page.status).toBe(500);
		expect(page.body).toContain('maximum recursion depth exceeded');
	});
});

describe('urls.py', () => {
	it('a reordered URLconf changes which pattern answers', async () => {
		// A catch-all <str:slug>/ above new/ shadows it.
		await site.reload(
			edit(
				'blog/urls.py',
				'    path("new/", views.PostCreateView.as_view(), name="post_create"),\n',
				'    path("<str:pk>/", views.post_detail, name="post_by_text"),\n    path("new/", views.PostCreateView.as_view(), name="post_create"),\n'
			)
		);
		const page = await visit.get('/blog/new/');
		expect(page.trace.hops.find((h) => h.detail.resolver)?.detail.resolver?.match?.route).toBe(
			'blog/<str:pk>/'
		);
	});

	it("a syntax error fails every request with Django's page for it", async () => {
		const report = await site.reload(
			edit(
				'blog/urls.py',
				'    path("", views.PostListView.as_view(), name="post_list"),',
				'    path("", views.PostListView.as_view(), name="post_list"'
			)
		);
		expect(report.problem).toMatchObject({ stage: 'request', type: 'SyntaxError' });
		expect(report.problem?.traceback).toContain('File "/srv/mysite/blog/urls.py", line 7\n');
		const page = await visit.get('/');
		expect(page.status).toBe(500);
		expect(page.body).toContain('SyntaxError at /');
		expect(page.body).toContain('invalid syntax. Perhaps you forgot a comma? (urls.py, line 7)');
	});

	it('a view that does not exist is an AttributeError', async () => {
		const report = await site.reload(edit('blog/urls.py', 'views.archive_year,', 'views.archive,'));
		expect(report.problem?.type).toBe('AttributeError');
		expect(report.problem?.message).toBe("module 'blog.views' has no attribute 'archive'");
		const page = await visit.get('/blog/');
		expect(page.body).toContain('AttributeError at /blog/');
	});

	it('a converter that does not exist is ImproperlyConfigured', async () => {
		const report = await site.reload(
			edit('blog/urls.py', '"<int:pk>/edit/"', '"<integer:pk>/edit/"')
		);
		expect(report.problem?.type).toBe('django.core.exceptions.ImproperlyConfigured');
		expect(report.problem?.message).toBe(
			"URL route '<integer:pk>/edit/' uses invalid converter 'integer'."
		);
	});

	it('a duplicate name is allowed; reverse() gives the last one', async () => {
		const report = await site.reload(edit('blog/urls.py', 'name="latest"', 'name="post_list"'));
		expect(report.problem).toBeUndefined();
		expect(report.notes.join(' ')).toContain('Two patterns in blog/urls.py are named "post_list"');
		const page = await visit.get('/');
		expect(page.body).toContain('href="/blog/latest/">Blog</a>');
	});

	it('refuses a re_path() that could backtrack for ever, before it runs', async () => {
		const text = original('blog/urls.py')
			.replace('from django.urls import path\n', 'from django.urls import path, re_path\n')
			.replace(
				'    path("<int:pk>/edit/"',
				'    re_path("^([a-z]+)+/slow/$", views.PostListView.as_view()),\n    path("<int:pk>/edit/"'
			);
		expect(text).toContain('re_path("^([a-z]+)+/slow/$"');
		const report = await site.reload({ 'blog/urls.py': text });
		expect(report.problem?.readsOnly).toBe(true);
		expect(report.problem?.message).toContain('catastrophic backtracking');
		// The site still answers (nothing ran the pattern); putting the file back clears it.
		await site.reload({});
		expect((await visit.get('/blog/')).status).toBe(200);
	});

	it('refuses Python it does not read, in plain words', async () => {
		const report = await site.reload({
			'blog/urls.py': original('blog/urls.py') + '\nif True:\n    pass\n'
		});
		expect(report.problem?.readsOnly).toBe(true);
		expect(report.problem?.message).toContain('This simulation reads only');
	});
});

describe('settings.py', () => {
	it('a syntax error stops the workers: nginx answers 502 until it is fixed', async () => {
		const report = await site.reload(
			edit('mysite/settings.py', '\nDEBUG = True\n', '\nDEBUG = True True\n')
		);
		expect(report.problem).toMatchObject({ stage: 'boot', type: 'SyntaxError' });
		expect((await visit.get('/')).status).toBe(502);
		await site.reload({});
		expect((await visit.get('/')).status).toBe(200);
	});

	it("AuthenticationMiddleware before SessionMiddleware: Django's ImproperlyConfigured", async () => {
		const settings = original('mysite/settings.py');
		const session = '    "django.contrib.sessions.middleware.SessionMiddleware",\n';
		const auth = '    "django.contrib.auth.middleware.AuthenticationMiddleware",\n';
		const swapped = settings.replace(session, '').replace(auth, auth + session);
		await site.reload({ 'mysite/settings.py': swapped });
		const page = await visit.get('/');
		expect(page.status).toBe(500);
		expect(page.body).toContain(
			'The Django authentication middleware requires session middleware to be installed. Edit your MIDDLEWARE setting to insert &#x27;django.contrib.sessions.middleware.SessionMiddleware&#x27; before &#x27;django.contrib.auth.middleware.AuthenticationMiddleware&#x27;.'
		);
	});

	it('an unknown middleware is the ImportError a worker would die of', async () => {
		const report = await site.reload(
			edit('mysite/settings.py', 'common.CommonMiddleware', 'common.CommonMiddlewear')
		);
		expect(report.problem?.message).toBe(
			'Module "django.middleware.common" does not define a "CommonMiddlewear" attribute/class'
		);
		expect((await visit.get('/')).status).toBe(502);
	});

	it('DEBUG = False with no ALLOWED_HOSTS: gunicorn starts, every request is a 400', async () => {
		const report = await site.reload({
			'mysite/settings.py': original('mysite/settings.py')
				.replace('\nDEBUG = True\n', '\nDEBUG = False\n')
				.replace('ALLOWED_HOSTS = ["mysite.test"]', 'ALLOWED_HOSTS = []')
		});
		expect(report.notes.join(' ')).toContain(
			'CommandError: You must set settings.ALLOWED_HOSTS if DEBUG is False.'
		);
		const page = await visit.get('/');
		expect(page.status).toBe(400);
		expect(page.body).toContain('Bad Request (400)');
	});

	it('DEBUG = False with ALLOWED_HOSTS: the plain 404 page', async () => {
		await site.reload(edit('mysite/settings.py', '\nDEBUG = True\n', '\nDEBUG = False\n'));
		const page = await visit.get('/nowhere/');
		expect(page.status).toBe(404);
		expect(page.body).toContain('Not Found');
		expect(page.body).not.toContain('URLconf');
	});

	it('APPEND_SLASH = False: /blog is a 404, not a redirect', async () => {
		await site.reload(
			edit(
				'mysite/settings.py',
				'ALLOWED_HOSTS = ["mysite.test"]',
				'ALLOWED_HOSTS = ["mysite.test"]\nAPPEND_SLASH = False'
			)
		);
		expect((await visit.get('/blog')).status).toBe(404);
	});

	it('string_if_invalid shows missing variables', async () => {
		await site.reload(
			edit(
				'mysite/settings.py',
				'        "OPTIONS": {\n',
				'        "OPTIONS": {\n            "string_if_invalid": "INVALID %s",\n'
			)
		);
		await site.reload({
			...edit(
				'mysite/settings.py',
				'        "OPTIONS": {\n',
				'        "OPTIONS": {\n            "string_if_invalid": "INVALID %s",\n'
			),
			...edit('templates/blog/post_list.html', '<h1>Blog</h1>', '<h1>{{ nothing_here }}</h1>')
		});
		expect((await visit.get('/blog/')).body).toContain('<h1>INVALID nothing_here</h1>');
	});

	it('a setting the simulation does not follow is said so', async () => {
		const report = await site.reload(
			edit('mysite/settings.py', 'TIME_ZONE = "UTC"', 'TIME_ZONE = "Europe/Paris"')
		);
		expect(report.notes).toContain(
			"TIME_ZONE: this simulation keeps mysite's own value; changing it is not simulated."
		);
	});

	it('a NameError for a misspelt True', async () => {
		const report = await site.reload(
			edit('mysite/settings.py', '\nDEBUG = True\n', '\nDEBUG = Ture\n')
		);
		expect(report.problem).toMatchObject({
			type: 'NameError',
			message: "name 'Ture' is not defined"
		});
	});
});

describe('the view line', () => {
	it('select_related("author") removes the N+1 queries', async () => {
		const before = sql((await visit.get('/blog/')).trace);
		expect(before.filter((q) => q.includes('FROM "auth_user" WHERE'))).toHaveLength(1);
		const chosen = edit(
			'blog/views.py',
			'model = Post  # newest first, as Post.Meta.ordering says',
			'queryset = Post.objects.select_related("author")'
		);
		const report = await site.reload(chosen);
		expect(report.notes).toEqual([]);
		const after = sql((await visit.get('/blog/')).trace);
		expect(after).toHaveLength(1);
		expect(after[0]).toContain('INNER JOIN "auth_user"');
	});

	it('any other change to a view is left out, and said so', async () => {
		const report = await site.reload(edit('blog/views.py', 'form = CommentForm()', 'form = None'));
		expect(report.notes.join(' ')).toContain('Views are read-only here');
	});
});
