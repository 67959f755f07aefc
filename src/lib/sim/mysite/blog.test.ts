/** The blog through the whole simulated site: nginx → gunicorn → Django → SQLite and back. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../site';
import { makeSite, Visitor } from './test-site';

let site: Site;
beforeAll(async () => {
	site = await makeSite();
});
beforeEach(async () => {
	await site.reset();
});

describe('home and blog pages', () => {
	it('GET / renders home.html with the stylesheet and the logo', async () => {
		const page = await new Visitor(site).get('/');
		expect(page.status).toBe(200);
		expect(page.header('Content-Type')).toBe('text/html; charset=utf-8');
		expect(page.body).toContain('<h1>Welcome to mysite</h1>');
		expect(page.body).toContain('href="/static/css/site.css"');
		expect(page.body).toContain('src="/static/img/logo.svg"');
		expect(page.body).toContain('href="/blog/"');
		expect(page.body).toContain('href="/accounts/login/"');
	});

	it('GET /blog/ lists the posts newest first', async () => {
		const page = await new Visitor(site).get('/blog/');
		expect(page.status).toBe(200);
		const order = ['Building a shop with forms', 'How a request finds its view', 'Hello, Django'];
		const at = order.map((title) => page.body.indexOf(title));
		expect(at.every((i) => i > 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		const template = page.trace.hops.find((h) => h.kind === 'render');
		expect(template?.detail.template?.name).toBe('blog/post_list.html');
		expect(Object.keys(template?.detail.template?.context ?? {})).toEqual(
			expect.arrayContaining(['object_list', 'post_list'])
		);
	});

	it('GET /blog/1/ shows the post, its comments and a comment form with a CSRF token', async () => {
		const page = await new Visitor(site).get('/blog/1/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('<h1>Hello, Django</h1>');
		expect(page.body).toContain('Welcome to the web, Alice!');
		expect(page.body).toContain('2 comments');
		expect(page.body).toContain('Bob wrote on 20 November 2025:');
		expect(page.body).toContain('name="csrfmiddlewaretoken"');
		expect(page.body).toMatch(
			/<input type="text" name="name" maxlength="80" required id="id_name">/
		);
		expect(page.body).toContain('<textarea name="body" cols="40" rows="10" required id="id_body">');
		expect(page.headers_all('Set-Cookie').some((c) => c.startsWith('csrftoken='))).toBe(true);
		// The view asked for one post; the template's {{ post.author.username }} fetched the author.
		const view = page.trace.hops.filter((h) => h.from === 'view' && h.to === 'model');
		expect(view.map((h) => h.detail.note)).toEqual(['Post.objects.get(pk=1)']);
		const template = page.trace.hops.filter((h) => h.from === 'template' && h.to === 'model');
		expect(template.map((h) => h.detail.note)).toEqual(['post.author', 'post.comments.all()']);
	});

	it("GET /blog/99/ is a 404 with Django's message", async () => {
		const page = await new Visitor(site).get('/blog/99/');
		expect(page.status).toBe(404);
		expect(page.body).toContain('No Post matches the given query.');
	});

	it('GET /blog/archive/2026/ converts the year and filters by it', async () => {
		const page = await new Visitor(site).get('/blog/archive/2026/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('Posts from 2026');
		expect(page.body).toContain('How a request finds its view');
		expect(page.body).not.toContain('Hello, Django</a>');
		const call = page.trace.hops.find((h) => h.from === 'url-resolver' && h.to === 'view');
		expect(call).toBeDefined();
	});

	it('GET /blog/latest/ redirects to the newest post', async () => {
		const page = await new Visitor(site).get('/blog/latest/');
		expect(page.status).toBe(302);
		expect(page.header('Location')).toBe('/blog/3/');
	});
});

describe('comments', () => {
	it('escapes a <script> in a comment (no XSS)', async () => {
		const visitor = new Visitor(site);
		await visitor.get('/blog/1/');
		const posted = await visitor.post('/blog/1/comment/', {
			name: 'Mallory',
			body: '<script>alert(1)</script>'
		});
		expect(posted.status).toBe(302);
		expect(posted.header('Location')).toBe('/blog/1/');
		const page = await visitor.get('/blog/1/');
		expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(page.body).not.toContain('<script>alert(1)</script>');
	});

	it('re-renders the form with errors (200) when a field is missing', async () => {
		const visitor = new Visitor(site);
		await visitor.get('/blog/1/');
		const page = await visitor.post('/blog/1/comment/', { name: '', body: 'Hi' });
		expect(page.status).toBe(200);
		expect(page.body).toContain(
			'<ul class="errorlist" id="id_name_error"><li>This field is required.</li></ul>'
		);
		expect(page.body).toContain('aria-invalid="true"');
		expect(page.body).toContain('>\nHi</textarea>');
	});

	it('refuses GET on the comment URL with 405 and Allow: POST', async () => {
		const page = await new Visitor(site).get('/blog/1/comment/');
		expect(page.status).toBe(405);
		expect(page.header('Allow')).toBe('POST');
	});

	it('refuses a POST without the CSRF token (403)', async () => {
		const visitor = new Visitor(site);
		await visitor.get('/blog/1/');
		const page = await visitor.post('/blog/1/comment/', { name: 'Eve', body: 'x' }, false);
		expect(page.status).toBe(403);
	});
});

describe('writing, editing and deleting posts', () => {
	it('sends an anonymous visitor of /blog/new/ to the login page with next', async () => {
		const page = await new Visitor(site).get('/blog/new/');
		expect(page.status).toBe(302);
		expect(page.header('Location')).toBe('/accounts/login/?next=/blog/new/');
	});

	it('lets alice write a post: 302 to the new post, author alice', async () => {
		const alice = new Visitor(site);
		await alice.login('alice');
		const form = await alice.get('/blog/new/');
		expect(form.status).toBe(200);
		expect(form.body).toContain('New post');
		const invalid = await alice.post('/blog/new/', { title: '', body: '' });
		expect(invalid.status).toBe(200);
		expect(invalid.body).toContain('This field is required.');
		const saved = await alice.post('/blog/new/', { title: 'Fourth', body: 'More words.' });
		expect(saved.status).toBe(302);
		expect(saved.header('Location')).toBe('/blog/4/');
		const page = await alice.get('/blog/4/');
		expect(page.body).toContain('<h1>Fourth</h1>');
		expect(page.body).toContain('>alice</a>');
	});

	it('lets only the author edit: bob gets 403 on post 1, alice saves it', async () => {
		const bob = new Visitor(site);
		await bob.login('bob');
		expect((await bob.get('/blog/1/edit/')).status).toBe(403);
		const alice = new Visitor(site);
		await alice.login('alice');
		const form = await alice.get('/blog/1/edit/');
		expect(form.status).toBe(200);
		expect(form.body).toContain('value="Hello, Django"');
		const saved = await alice.post('/blog/1/edit/', { title: 'Hello again', body: 'Changed.' });
		expect(saved.status).toBe(302);
		expect(saved.header('Location')).toBe('/blog/1/');
		expect((await alice.get('/blog/1/')).body).toContain('<h1>Hello again</h1>');
	});

	it('asks before deleting, deletes on POST, and refuses other users', async () => {
		const bob = new Visitor(site);
		await bob.login('bob');
		expect((await bob.get('/blog/1/delete/')).status).toBe(403);
		expect((await bob.post('/blog/1/delete/', {})).status).toBe(403);
		const confirm = await bob.get('/blog/3/delete/');
		expect(confirm.status).toBe(200);
		expect(confirm.body).toContain('Delete “Building a shop with forms”?');
		const deleted = await bob.post('/blog/3/delete/', {});
		expect(deleted.status).toBe(302);
		expect(deleted.header('Location')).toBe('/blog/');
		expect((await bob.get('/blog/3/')).status).toBe(404);
	});
});

describe('the year archive outside Python’s datetime range', () => {
	it.each(['0', '10000'])(
		'/blog/archive/%s/ is a ValueError (500), as datetime(year, 1, 1)',
		async (year) => {
			const page = await new Visitor(site).get(`/blog/archive/${year}/`);
			expect(page.status).toBe(500);
			expect(page.body).toContain(`<title>ValueError at /blog/archive/${year}/</title>`);
			expect(page.body).toContain(`year ${year} is out of range`);
			expect(page.header('Vary')).toBe('Cookie');
		}
	);
});
