/** Django's admin in the full project (mysite.settings_full): through the whole simulated site. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
		// AdminAuthenticationForm's required_css_class = "required".
		expect(page.body).toContain('<label for="id_username" class="required">Username:</label>');
		expect(page.body).toContain('<label for="id_password" class="required">Password:</label>');
	});

	it('refuses a user who is not staff with its own message (200, not 403)', async () => {
		const visitor = new Visitor(site);
		const page = await adminLogIn(visitor, 'alice');
		expect(page.status).toBe(200);
		expect(page.body).toContain(
			'Please enter the correct username and password for a staff account. Note that both fields may be case-sensitive.'
		);
	});

	it('lets the superuser in and shows every app', async () => {
		const visitor = new Visitor(site);
		const login = await adminLogIn(visitor, 'admin');
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
		await adminLogIn(visitor, 'bob');
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
		await adminLogIn(visitor, 'admin');
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
		await adminLogIn(visitor, 'admin');
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
		await adminLogIn(visitor, 'admin');
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

describe('more pages', () => {
	it('deletes selected rows with the action, after a confirmation page', async () => {
		const visitor = new Visitor(site);
		await adminLogIn(visitor, 'admin');
		await visitor.get('/admin/blog/post/');
		const none = await visitor.post('/admin/blog/post/', { action: 'delete_selected', index: '0' });
		expect(none.status).toBe(302);
		expect((await visitor.get('/admin/blog/post/')).body).toContain(
			'Items must be selected in order to perform actions on them. No items have been changed.'
		);
		const confirm = await visitor.post('/admin/blog/post/', {
			action: 'delete_selected',
			index: '0',
			_selected_action: '3'
		});
		expect(confirm.status).toBe(200);
		expect(confirm.body).toContain('Are you sure you want to delete the selected post?');
		expect(confirm.body).toContain('Comment: Comment by Alice on Building a shop with forms');
		const done = await visitor.post('/admin/blog/post/', {
			action: 'delete_selected',
			_selected_action: '3',
			post: 'yes'
		});
		expect(done.status).toBe(302);
		expect((await visitor.get('/admin/blog/post/')).body).toContain('Successfully deleted 1 post.');
	});

	it('saves a stock from the product list (list_editable) and the shop shows it', async () => {
		const visitor = new Visitor(site);
		await adminLogIn(visitor, 'bob');
		const list = await visitor.get('/admin/shop/product/');
		expect(list.body).toContain('name="form-0-stock"');
		const rows = [...list.body.matchAll(/name="form-(\d+)-id" value="(\d+)"/g)];
		const fields: Record<string, string> = {
			'form-TOTAL_FORMS': String(rows.length),
			'form-INITIAL_FORMS': String(rows.length),
			_save: 'Save'
		};
		for (const [, i, pk] of rows) {
			fields[`form-${i}-id`] = pk;
			const stock = new RegExp(`name="form-${i}-stock" value="(\\d+)"`).exec(list.body)?.[1] ?? '0';
			fields[`form-${i}-stock`] = pk === '2' ? '7' : stock;
		}
		const saved = await visitor.post('/admin/shop/product/', fields);
		expect(saved.status).toBe(302);
		expect((await visitor.get('/admin/shop/product/')).body).toContain(
			'1 product was changed successfully.'
		);
		expect((await visitor.get('/shop/products/teapot/')).body).toContain('<p>7 in stock.</p>');
	});

	it('adds a product: the message links to it, and the log says "Added."', async () => {
		const visitor = new Visitor(site);
		await adminLogIn(visitor, 'admin');
		const form = await visitor.get('/admin/shop/product/add/');
		expect(form.body).toContain('data-prepopulated-fields=');
		const added = await visitor.post('/admin/shop/product/add/', {
			name: 'Milk jug',
			slug: 'milk-jug',
			price: '15.00',
			stock: '4',
			description: '',
			_continue: 'Save and continue editing'
		});
		expect(added.status).toBe(302);
		const next = await visitor.get(added.header('Location') ?? '');
		expect(next.body).toMatch(
			/The product “<a href="\/admin\/shop\/product\/\d+\/change\/">Milk jug<\/a>” was added successfully\. You may edit it again below\./
		);
		const rows = site.db.run(
			'SELECT action_flag, change_message, object_repr FROM django_admin_log'
		).rows;
		expect(rows).toEqual([[1, '[{"added": {}}]', 'Milk jug']]);
	});

	it('refuses to delete a product that orders point at (PROTECT)', async () => {
		const visitor = new Visitor(site);
		await adminLogIn(visitor, 'admin');
		const page = await visitor.get('/admin/shop/product/1/delete/');
		expect(page.body).toContain('<h1>Cannot delete product</h1>');
		expect(page.body).toContain('would require deleting the following protected related objects');
	});

	it('warns about an object that does not exist and goes back to the index', async () => {
		const visitor = new Visitor(site);
		await adminLogIn(visitor, 'admin');
		const page = await visitor.get('/admin/blog/post/99/change/');
		expect(page.status).toBe(302);
		expect(page.header('Location')).toBe('/admin/');
		expect((await visitor.get('/admin/')).body).toContain(
			'<li class="warning">Post with ID “99” doesn’t exist. Perhaps it was deleted?</li>'
		);
	});

	it('hides every app from staff without permissions, and 404s an app index', async () => {
		site.db.run(`UPDATE auth_user SET is_staff = 1 WHERE username = 'alice'`);
		const visitor = new Visitor(site);
		await adminLogIn(visitor, 'alice');
		const index = await visitor.get('/admin/');
		expect(index.body).toContain('You don’t have permission to view or edit anything.');
		expect((await visitor.get('/admin/blog/')).status).toBe(404);
	});

	it('adds the slash, and logs out by POST to the home page', async () => {
		const visitor = new Visitor(site);
		await adminLogIn(visitor, 'admin');
		const slash = await visitor.get('/admin/blog/post');
		expect(slash.status).toBe(301);
		expect(slash.header('Location')).toBe('/admin/blog/post/');
		const out = await visitor.post('/admin/logout/', {});
		expect(out.status).toBe(302);
		expect(out.header('Location')).toBe('/');
		expect((await visitor.get('/admin/')).status).toBe(302);
	});

	it('renders every admin template, each extending admin/base.html', async () => {
		const visitor = new Visitor(site);
		await adminLogIn(visitor, 'admin');
		const used = new Set<string>();
		const pages = [
			'/admin/',
			'/admin/blog/',
			'/admin/blog/post/',
			'/admin/blog/post/1/change/',
			'/admin/blog/post/1/delete/',
			'/admin/blog/post/1/history/'
		];
		for (const path of pages) {
			const page = await visitor.get(path);
			for (const hop of page.trace.hops)
				for (const name of hop.detail.template?.used ?? []) used.add(name);
		}
		const selected = await visitor.post('/admin/blog/post/', {
			action: 'delete_selected',
			index: '0',
			_selected_action: '1'
		});
		for (const hop of selected.trace.hops)
			for (const name of hop.detail.template?.used ?? []) used.add(name);
		await visitor.post('/admin/logout/', {});
		for (const hop of (await visitor.get('/admin/login/')).trace.hops)
			for (const name of hop.detail.template?.used ?? []) used.add(name);
		const templates = Object.keys(mysiteFull.templates ?? {}).filter((n) => n.startsWith('admin/'));
		expect(templates.filter((name) => !used.has(name))).toEqual([]);
	});
});

describe('admin.py and its TypeScript twin', () => {
	const pyList = (source: string, cls: string, option: string) => {
		const body =
			new RegExp(`class ${cls}\\(admin\\.\\w+\\):\\n((?:    .*\\n)+)`).exec(source)?.[1] ?? '';
		const line = new RegExp(`^    ${option} = (.*)$`, 'm').exec(body)?.[1];
		return line === undefined
			? undefined
			: JSON.parse(line.replace(/'/g, '"').replace(/(\w+):/g, '"$1":'));
	};

	it('declare the same options', async () => {
		const sources = mysiteFull.sources ?? {};
		const { PostAdmin, CommentInline } = await import('./blog/admin');
		const { ProductAdmin, OrderAdmin } = await import('./shop/admin');
		const checks: Array<[string, string, object, string[]]> = [
			[
				'blog/admin.py',
				'PostAdmin',
				new PostAdmin(null as never),
				['list_display', 'list_filter', 'search_fields', 'readonly_fields']
			],
			['blog/admin.py', 'CommentInline', new CommentInline(), ['fields', 'extra']],
			[
				'shop/admin.py',
				'ProductAdmin',
				new ProductAdmin(null as never),
				['list_display', 'list_editable', 'prepopulated_fields', 'search_fields']
			],
			[
				'shop/admin.py',
				'OrderAdmin',
				new OrderAdmin(null as never),
				['list_display', 'list_filter', 'readonly_fields']
			]
		];
		for (const [file, cls, instance, options] of checks) {
			for (const option of options) {
				expect(pyList(sources[file], cls, option), `${cls}.${option}`).toEqual(
					(instance as Record<string, unknown>)[option]
				);
			}
		}
	});
});
