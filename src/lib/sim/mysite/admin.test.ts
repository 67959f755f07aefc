/** Django's admin in the full project (mysite.settings_full): through the whole simulated site. */
import initSqlJs from 'sql.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSite, type Site } from '../site';
import { mysiteFull } from './full';
import { ADMIN_USER } from './full/admin-seed';
import { USERS } from './index';
import { Visitor } from './test-site';

let site: Site;
beforeAll(async () => {
	site = await createSite({
		sqlJs: await initSqlJs(),
		project: mysiteFull,
		now: () => Date.UTC(2026, 2, 1, 12, 0, 0)
	});
});
beforeEach(async () => {
	await site.reset();
});

const PASSWORDS: Record<string, string> = {
	admin: ADMIN_USER.password,
	alice: USERS.alice.password,
	bob: USERS.bob.password
};

async function adminLogin(visitor: Visitor, username: string) {
	await visitor.get('/admin/login/?next=/admin/');
	return visitor.post('/admin/login/?next=/admin/', {
		username,
		password: PASSWORDS[username],
		next: '/admin/'
	});
}

describe('the admin login', () => {
	it('sends an anonymous visitor from the index to the login page (302)', async () => {
		const page = await new Visitor(site).get('/admin/');
		expect(page.status).toBe(302);
		expect(page.header('Location')).toBe('/admin/login/?next=/admin/');
		expect(page.header('Cache-Control')).toBe(
			'max-age=0, no-cache, no-store, must-revalidate, private'
		);
	});

	it('shows the login form', async () => {
		const page = await new Visitor(site).get('/admin/login/?next=/admin/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('<title>Log in | Django site admin</title>');
		expect(page.body).toContain('<a href="/admin/">Django administration</a>');
		expect(page.body).toContain('<input type="hidden" name="next" value="/admin/">');
	});

	it('refuses a user who is not staff with its own message (200, not 403)', async () => {
		const visitor = new Visitor(site);
		const page = await adminLogin(visitor, 'alice');
		expect(page.status).toBe(200);
		expect(page.body).toContain(
			'Please enter the correct username and password for a staff account. Note that both fields may be case-sensitive.'
		);
	});

	it('lets the superuser in and shows every app', async () => {
		const visitor = new Visitor(site);
		const login = await adminLogin(visitor, 'admin');
		expect(login.status).toBe(302);
		expect(login.header('Location')).toBe('/admin/');
		const index = await visitor.get('/admin/');
		expect(index.status).toBe(200);
		expect(index.body).toContain(
			'<a href="/admin/blog/" class="section" title="Models in the Blog application">Blog</a>'
		);
		expect(index.body).toContain('<a href="/admin/shop/product/">Products</a>');
		expect(index.trace.hops.some((h) => h.detail.template?.used?.includes('admin/base.html'))).toBe(
			true
		);
	});
});

describe('permissions', () => {
	it('gives bob, staff with view_post only, a read-only post and 403 on POST', async () => {
		const visitor = new Visitor(site);
		await adminLogin(visitor, 'bob');
		const index = await visitor.get('/admin/');
		expect(index.body).toContain('class="viewlink"');
		const page = await visitor.get('/admin/blog/post/1/change/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('<h1>View post</h1>');
		expect(page.body).not.toContain('name="_save"');
		const post = await visitor.post('/admin/blog/post/1/change/', {
			title: 'X',
			body: 'Y',
			author: '1'
		});
		expect(post.status).toBe(403);
		expect((await visitor.get('/admin/shop/order/')).status).toBe(403);
	});
});

describe('changing a post', () => {
	it('shows errors, then saves with a message that is shown once, and logs the change', async () => {
		const visitor = new Visitor(site);
		await adminLogin(visitor, 'admin');
		const form = await visitor.get('/admin/blog/post/1/change/');
		expect(form.status).toBe(200);
		expect(form.body).toContain('name="comments-TOTAL_FORMS" value="2"');
		const fields = {
			title: '',
			body: 'New body',
			author: '1',
			'comments-TOTAL_FORMS': '2',
			'comments-INITIAL_FORMS': '2',
			'comments-MIN_NUM_FORMS': '0',
			'comments-MAX_NUM_FORMS': '1000',
			'comments-0-id': '1',
			'comments-0-name': 'Bob',
			'comments-0-body': 'Welcome to the web, Alice!',
			'comments-1-id': '2',
			'comments-1-name': 'Carol',
			'comments-1-body': 'Looking forward to the next post.',
			_save: 'Save'
		};
		const bad = await visitor.post('/admin/blog/post/1/change/', fields);
		expect(bad.status).toBe(200);
		expect(bad.body).toContain('Please correct the error below.');
		expect(bad.body).toContain('This field is required.');
		const good = await visitor.post('/admin/blog/post/1/change/', {
			...fields,
			title: 'Hello again'
		});
		expect(good.status).toBe(302);
		expect(good.header('Location')).toBe('/admin/blog/post/');
		expect(visitor.cookies.get('messages')).toBeDefined();
		const list = await visitor.get('/admin/blog/post/');
		expect(list.body).toContain(
			'<li class="success">The post “<a href="/admin/blog/post/1/change/">Hello again</a>” was changed successfully.</li>'
		);
		expect(visitor.cookies.get('messages')).toBeUndefined();
		const history = await visitor.get('/admin/blog/post/1/history/');
		expect(history.body).toContain('Changed Title and Body.');
	});
});

describe('the changelist', () => {
	it('searches, filters and orders', async () => {
		const visitor = new Visitor(site);
		await adminLogin(visitor, 'admin');
		const search = await visitor.get('/admin/blog/post/?q=request');
		expect(search.body).toContain('1 result (<a href="?">3 total</a>)');
		expect(search.body).toContain('How a request finds its view');
		const filtered = await visitor.get('/admin/blog/post/?author__id__exact=2');
		expect(filtered.body).toContain('Building a shop with forms');
		expect(filtered.body).not.toContain('Hello, Django');
		const ordered = await visitor.get('/admin/blog/post/?o=1');
		const titles = [...ordered.body.matchAll(/field-title"><a [^>]+>([^<]+)</g)].map((m) => m[1]);
		expect(titles).toEqual([
			'Building a shop with forms',
			'Hello, Django',
			'How a request finds its view'
		]);
	});

	it('deletes a post after listing its comments first', async () => {
		const visitor = new Visitor(site);
		await adminLogin(visitor, 'admin');
		const confirm = await visitor.get('/admin/blog/post/1/delete/');
		expect(confirm.status).toBe(200);
		expect(confirm.body).toContain('Comment: Comment by Bob on Hello, Django');
		expect(confirm.body).toContain('<li>Comments: 2</li>');
		const done = await visitor.post('/admin/blog/post/1/delete/', { post: 'yes' });
		expect(done.status).toBe(302);
		const list = await visitor.get('/admin/blog/post/');
		expect(list.body).toContain('The post “Hello, Django” was deleted successfully.');
		expect(list.body).toContain('2 posts');
	});
});
