/**
 * The admin's pages as Django 5.2's templates draw them, fed with Django's context objects
 * (`cl`, `adminform`, `inline_admin_formsets`, `submit_row`): the changelist's table, sort
 * links, filters and pagination; `?e=1` for a query string it cannot run; list_editable with
 * an invalid value; the change form's fieldset rows, inline table and buttons per permission;
 * "View on site"; the "added" message for a user who may not change what they added.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { User } from '../django/auth';
import { grantPermissions, site as adminSite } from '../django/contrib/admin';
import type { Site } from '../site';
import { mysiteFull } from './full';
import { adminLogIn } from './full/admin-visitor';
import { makeSite, Visitor } from './test-site';

let site: Site;
beforeAll(async () => {
	site = await makeSite(mysiteFull);
});
beforeEach(async () => {
	await site.reset();
});

async function loggedIn(username: string): Promise<Visitor> {
	const visitor = new Visitor(site);
	const answer = await adminLogIn(visitor, username);
	expect(answer.status).toBe(302);
	return visitor;
}

/** The text between two markers, with runs of whitespace made one space. */
function squeeze(html: string): string {
	return html.replace(/\s+/g, ' ');
}

function postAdmin() {
	const admin = [...adminSite.registry.values()].find((a) => a.opts.modelName === 'post');
	if (!admin) throw new Error('PostAdmin is not registered');
	return admin;
}

describe('the changelist (change_list.html with {% result_list %}, {% pagination %}…)', () => {
	it('draws the headers with their sort links, one row per post, the filter and the count', async () => {
		const admin = await loggedIn('admin');
		const page = squeeze((await admin.get('/admin/blog/post/')).body);
		// Ordered by -created: the Created column is sorted, descending; its toggle sorts ascending.
		expect(page).toContain('<th scope="col" class="sortable column-created sorted descending">');
		expect(page).toContain('<a href="?o=3" class="toggle descending" title="Toggle sorting"></a>');
		expect(page).toContain('<div class="text"><a href="?o=1.-3">Title</a></div>');
		expect(page).toContain(
			'<td class="action-checkbox"><input type="checkbox" name="_selected_action" value="1" class="action-select" aria-label="Select this object for an action - Hello, Django"></td><th class="field-title"><a href="/admin/blog/post/1/change/">Hello, Django</a></th><td class="field-author nowrap">alice</td>'
		);
		expect(page).toContain('<details data-filter-title="author" open>');
		expect(page).toContain('<li class="selected"> <a href="?">All</a></li>');
		expect(page).toContain('<a href="?author__id__exact=2">bob</a>');
		expect(page).toContain('<p class="paginator"> 3 posts </p>');
		expect(page).toContain('<label>Action: <select name="action" required>');
		expect(page).toContain(
			'<label for="searchbar"><img src="/static/admin/img/search.svg" alt="Search"></label>'
		);
	});

	it('keeps the other parameters, sorted, in every link and in the search form', async () => {
		const admin = await loggedIn('admin');
		const page = squeeze((await admin.get('/admin/blog/post/?q=request&author__id__exact=1')).body);
		expect(page).toContain('<a href="?author__id__exact=2&amp;q=request">bob</a>');
		expect(page).toContain('<input type="hidden" name="author__id__exact" value="1">');
		expect(page).toContain('1 result (<a href="?">3 total</a>)');
		expect(page).toContain('<a href="?author__id__exact=1&amp;o=1.-3&amp;q=request">Title</a>');
		expect(page).toContain('<a href="?q=request">&#10006; Clear all filters</a>');
	});

	it('carries its filters to the change page and back after saving (_changelist_filters)', async () => {
		const admin = await loggedIn('admin');
		const list = await admin.get('/admin/blog/post/?q=hello');
		expect(list.body).toContain(
			'<a href="/admin/blog/post/1/change/?_changelist_filters=q%3Dhello">Hello, Django</a>'
		);
		const change = '/admin/blog/post/1/change/?_changelist_filters=q%3Dhello';
		const form = squeeze((await admin.get(change)).body);
		expect(form).toContain(
			'<a href="/admin/blog/post/1/history/?_changelist_filters=q%3Dhello" class="historylink">History</a>'
		);
		expect(form).toContain(
			'<a href="/admin/blog/post/1/delete/?_changelist_filters=q%3Dhello" class="deletelink">Delete</a>'
		);
		const saved = await admin.post(change, {
			title: 'Hello, Django',
			body: 'Body',
			author: '1',
			'comments-TOTAL_FORMS': '0',
			'comments-INITIAL_FORMS': '0',
			_save: 'Save'
		});
		expect(saved.status).toBe(302);
		expect(saved.header('Location')).toBe('/admin/blog/post/?q=hello');
	});

	describe('with two posts a page (list_per_page = 2)', () => {
		let perPage = 0;
		beforeEach(() => {
			perPage = postAdmin().list_per_page;
			postAdmin().list_per_page = 2;
		});
		afterEach(() => {
			postAdmin().list_per_page = perPage;
		});

		it('shows page links, the page asked for, and "Show all"', async () => {
			const admin = await loggedIn('admin');
			const first = squeeze((await admin.get('/admin/blog/post/')).body);
			expect(first).toContain(
				'<p class="paginator"> <span class="this-page">1</span> <a href="?p=2" class="end">2</a> 3 posts <a href="?all=" class="showall">Show all</a> </p>'
			);
			expect(first.match(/name="_selected_action"/g)).toHaveLength(2);
			const second = squeeze((await admin.get('/admin/blog/post/?p=2')).body);
			expect(second).toContain('<a href="?p=1">1</a> <span class="this-page">2</span>');
			expect(second.match(/name="_selected_action"/g)).toHaveLength(1);
			expect(second).toContain('value="1" class="action-select"');
			const all = squeeze((await admin.get('/admin/blog/post/?all=')).body);
			expect(all.match(/name="_selected_action"/g)).toHaveLength(3);
			expect(all).toContain('<p class="paginator"> 3 posts </p>');
		});

		it('sends a page that is not there to ?e=1', async () => {
			const admin = await loggedIn('admin');
			const answer = await admin.get('/admin/blog/post/?p=7');
			expect(answer.status).toBe(302);
			expect(answer.header('Location')).toBe('/admin/blog/post/?e=1');
		});
	});

	it('redirects a lookup it cannot run to ?e=1, which then shows the whole list', async () => {
		const admin = await loggedIn('admin');
		for (const query of ['colour=red', 'author__id__exact=someone']) {
			const answer = await admin.get(`/admin/blog/post/?${query}`);
			expect(answer.status, query).toBe(302);
			expect(answer.header('Location')).toBe('/admin/blog/post/?e=1');
		}
		const list = await admin.get('/admin/blog/post/?e=1');
		expect(list.status).toBe(200);
		expect(squeeze(list.body)).toContain('3 posts');
		const again = await admin.get('/admin/blog/post/?e=1&colour=red');
		expect(again.status).toBe(200);
		expect(again.body).toContain('<h1>Database error</h1>');
	});

	it('shows list_editable errors and saves no row when one is invalid', async () => {
		const bob = await loggedIn('bob');
		const list = await bob.get('/admin/shop/product/');
		expect(list.body).toContain(
			'<input type="number" name="form-0-stock" value="10" min="0" id="id_form-0-stock">'
		);
		expect(list.body).toContain(
			'<div class="hiddenfields">\n<input type="hidden" name="form-0-id" value="1" id="id_form-0-id">'
		);
		const answer = await bob.post('/admin/shop/product/', {
			'form-TOTAL_FORMS': '2',
			'form-INITIAL_FORMS': '2',
			'form-0-id': '1',
			'form-0-stock': '99',
			'form-1-id': '4',
			'form-1-stock': '-3',
			_save: 'Save'
		});
		expect(answer.status).toBe(200);
		const page = squeeze(answer.body);
		expect(page).toContain('<p class="errornote"> Please correct the error below. </p>');
		expect(page).toContain(
			'<td class="field-stock"><ul class="errorlist" id="id_form-1-stock_error">'
		);
		expect(page).toContain('Ensure this value is greater than or equal to 0.');
		const after = await bob.get('/admin/shop/product/');
		expect(after.body).toContain('name="form-0-stock" value="10"');
	});
});

describe('the change form (change_form.html with fieldset.html, tabular.html, {% submit_row %})', () => {
	it('asks only for static files that collectstatic gathered (each answers 200)', async () => {
		const admin = await loggedIn('admin');
		const pages = [
			'/admin/',
			'/admin/blog/post/',
			'/admin/blog/post/1/change/',
			'/admin/shop/product/1/change/'
		];
		for (const path of pages) {
			const page = (await admin.get(path)).body;
			const assets = [...page.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1]);
			expect(assets.length, path).toBeGreaterThan(0);
			for (const asset of assets) {
				expect((await admin.get(asset)).status, `${path} asks for ${asset}`).toBe(200);
			}
		}
	});

	it('draws a fieldset row per field, the read-only created date, the comments and every button', async () => {
		const admin = await loggedIn('admin');
		const page = squeeze((await admin.get('/admin/blog/post/1/change/')).body);
		expect(page).toContain(
			'<div class="form-row field-title"> <div> <div class="flex-container"> <label class="required" for="id_title">Title:</label> <input type="text" name="title" value="Hello, Django" maxlength="200" required id="id_title">'
		);
		expect(page).toContain(
			'<div class="form-row field-created"> <div> <div class="flex-container"> <label>Created:</label> <div class="readonly">Nov. 20, 2025, 9:30 a.m.</div>'
		);
		expect(page).toContain('<th class="column-name required">Name</th>');
		expect(page).toContain(
			'<input type="hidden" name="comments-TOTAL_FORMS" value="2" id="id_comments-TOTAL_FORMS">'
		);
		expect(page).toContain(
			'<td class="delete"><input type="checkbox" name="comments-0-DELETE" id="id_comments-0-DELETE"></td>'
		);
		expect(page).toContain(
			'<div class="submit-row"> <input type="submit" value="Save" class="default" name="_save"> <input type="submit" value="Save and add another" name="_addanother"> <input type="submit" value="Save and continue editing" name="_continue"> <a href="/admin/blog/post/1/delete/" class="deletelink">Delete</a> </div>'
		);
		expect(page).toContain('<a href="/admin/blog/post/1/history/" class="historylink">History</a>');
	});

	it('marks the row of a field with errors', async () => {
		const admin = await loggedIn('admin');
		const answer = await admin.post('/admin/blog/post/1/change/', {
			title: '',
			body: 'Body',
			author: '1',
			'comments-TOTAL_FORMS': '0',
			'comments-INITIAL_FORMS': '0',
			_save: 'Save'
		});
		const page = squeeze(answer.body);
		expect(page).toContain('<p class="errornote"> Please correct the error below. </p>');
		expect(page).toContain(
			'<div class="form-row errors field-title"> <ul class="errorlist" id="id_title_error"><li>This field is required.</li></ul>'
		);
	});

	it('gives a user who may only view the values, no inputs, and a Close link', async () => {
		const bob = await loggedIn('bob');
		const page = squeeze((await bob.get('/admin/blog/post/1/change/')).body);
		expect(page).toContain('<h1>View post</h1>');
		expect(page).toContain('<label>Title:</label> <div class="readonly">Hello, Django</div>');
		expect(page).not.toContain('name="title"');
		expect(page).toContain('<td class="field-name"> <p>Bob</p> </td>');
		expect(page).toContain(
			'<div class="submit-row"> <a href="/admin/blog/post/" class="closelink">Close</a> </div>'
		);
	});

	it('links "View on site" through r/<content type>/<id>/ to the object\'s own page', async () => {
		const admin = await loggedIn('admin');
		const page = (await admin.get('/admin/blog/post/1/change/')).body;
		const href = /<a href="([^"]+)" class="viewsitelink">View on site<\/a>/.exec(page)?.[1];
		expect(href).toMatch(/^\/admin\/r\/\d+\/1\/$/);
		const answer = await admin.get(href as string);
		expect(answer.status).toBe(302);
		expect(answer.header('Location')).toMatch(/^https?:\/\/mysite\.test\/blog\/1\/$/);
		expect((await admin.get('/admin/r/999/1/')).status).toBe(404);
		expect((await admin.get(`${(href as string).replace(/1\/$/, '')}42/`)).status).toBe(404);
	});

	it('does not link the added object for a user who may add but not change', async () => {
		await site.handle({
			method: 'GET',
			url: 'https://mysite.test/',
			headers: [['Host', 'mysite.test']],
			body: new Uint8Array()
		});
		grantPermissions(User.objects.get({ username: 'bob' }), ['blog.add_post']);
		const bob = await loggedIn('bob');
		const form = await bob.get('/admin/blog/post/add/');
		expect(form.status).toBe(200);
		const answer = await bob.post('/admin/blog/post/add/', {
			title: 'Admin news',
			body: 'Written in the admin.',
			author: '2',
			'comments-TOTAL_FORMS': '0',
			'comments-INITIAL_FORMS': '0',
			_save: 'Save'
		});
		expect(answer.status).toBe(302);
		const list = await bob.get(answer.header('Location') as string);
		expect(list.body).toContain('The post “Admin news” was added successfully.');
		expect(list.body).not.toContain('“<a href=');
	});
});
