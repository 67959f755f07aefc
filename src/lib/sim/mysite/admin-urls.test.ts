/**
 * The admin's site-wide URLs beside the model pages (AdminSite.get_urls in Django 5.2):
 * password_change/, password_change/done/, autocomplete/ and jsi18n/, in the full project.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { site as adminSite } from '../django/contrib/admin';
import { UserPermission } from '../django/contrib/admin/models';
import type { Site } from '../site';
import { mysiteFull } from './full';
import { ADMIN_PASSWORDS, adminLogIn } from './full/admin-visitor';
import { makeSite, Visitor } from './test-site';

let site: Site;
beforeAll(async () => {
	site = await makeSite(mysiteFull);
});
beforeEach(async () => {
	await site.reset();
});

async function staff(username: string): Promise<Visitor> {
	const visitor = new Visitor(site);
	const login = await adminLogIn(visitor, username);
	expect(login.status).toBe(302);
	return visitor;
}

describe("the admin's URL patterns", () => {
	it("are listed on the DEBUG 404 page in Django's order", async () => {
		// Every path under admin/ reaches the catch-all view, whose Http404 lists what was tried.
		const page = await (await staff('admin')).get('/admin/nowhere/');
		expect(page.status).toBe(404);
		const tried = [...page.body.matchAll(/<li><code>(admin\/ [^<]*)<\/code><\/li>/g)].map(
			(m) => m[1]
		);
		expect(tried.slice(0, 7)).toEqual([
			"admin/ [name='index']",
			"admin/ login/ [name='login']",
			"admin/ logout/ [name='logout']",
			"admin/ password_change/ [name='password_change']",
			"admin/ password_change/done/ [name='password_change_done']",
			"admin/ autocomplete/ [name='autocomplete']",
			"admin/ jsi18n/ [name='jsi18n']"
		]);
		expect(tried.at(-1)).toBe('admin/ (?P&lt;url&gt;.*)$');
	});

	it('send a visitor who is not staff to the admin login page', async () => {
		for (const url of ['/admin/password_change/', '/admin/autocomplete/', '/admin/jsi18n/']) {
			const page = await new Visitor(site).get(url);
			expect(page.status).toBe(302);
			expect(page.header('Location')).toBe(`/admin/login/?next=${url}`);
		}
	});
});

describe('password_change', () => {
	it('shows the form with the admin around it, and a link to it in the user tools', async () => {
		const visitor = await staff('admin');
		const index = await visitor.get('/admin/');
		expect(index.body).toContain('<a href="/admin/password_change/">Change password</a> /');
		const page = await visitor.get('/admin/password_change/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('<title>Password change | Django site admin</title>');
		expect(page.body).toContain('<h1>Password change</h1>');
		// AdminPasswordChangeForm's required_css_class = "required", after `for` (BoundField.label_tag).
		expect(page.body).toContain(
			'<label for="id_old_password" class="required">Old password:</label>'
		);
		expect(page.body).toContain(
			'<label for="id_new_password2" class="required">New password confirmation:</label>'
		);
		expect(page.body).toMatch(/<input type="password" name="old_password"[^>]*autofocus/);
		expect(page.body).toContain('<a href="/admin/">Django administration</a>');
		// cacheable=True: admin_view() adds no never_cache headers here.
		expect(page.header('Cache-Control')).toBeUndefined();
	});

	it('refuses a wrong old password and new passwords that differ', async () => {
		const visitor = await staff('admin');
		await visitor.get('/admin/password_change/');
		const wrong = await visitor.post('/admin/password_change/', {
			old_password: 'not-it',
			new_password1: 'a-new-secret-42',
			new_password2: 'another-secret-42'
		});
		expect(wrong.status).toBe(200);
		expect(wrong.body).toContain('Please correct the errors below.');
		expect(wrong.body).toContain(
			'Your old password was entered incorrectly. Please enter it again.'
		);
		expect(wrong.body).toContain('The two password fields didn’t match.');
	});

	it('changes the password, keeps this browser logged in under a new session key, and logs other sessions out', async () => {
		const visitor = await staff('bob');
		const other = await staff('bob');
		await visitor.get('/admin/password_change/');
		const before = visitor.cookies.get('sessionid');
		const done = await visitor.post('/admin/password_change/', {
			old_password: ADMIN_PASSWORDS.bob,
			new_password1: 'a-new-secret-42',
			new_password2: 'a-new-secret-42'
		});
		expect(done.status).toBe(302);
		expect(done.header('Location')).toBe('/admin/password_change/done/');
		expect(visitor.cookies.get('sessionid')).not.toBe(before);
		const page = await visitor.get('/admin/password_change/done/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('<h1>Password change successful</h1>');
		expect(page.body).toContain('<p>Your password was changed.</p>');
		// The other browser's session holds the old password's hash: it is logged out.
		const elsewhere = await other.get('/admin/');
		expect(elsewhere.status).toBe(302);
		// The new password works at the login page; the old one does not.
		const fresh = new Visitor(site);
		await fresh.get('/admin/login/');
		const old = await fresh.post('/admin/login/', {
			username: 'bob',
			password: ADMIN_PASSWORDS.bob
		});
		expect(old.status).toBe(200);
		const good = await fresh.post('/admin/login/', {
			username: 'bob',
			password: 'a-new-secret-42'
		});
		expect(good.status).toBe(302);
	});
});

describe('autocomplete', () => {
	it('answers the products matching a term for the order form’s product field', async () => {
		const visitor = await staff('bob');
		const page = await visitor.get(
			'/admin/autocomplete/?app_label=shop&model_name=order&field_name=product&term=tea'
		);
		expect(page.status).toBe(200);
		expect(page.header('Content-Type')).toBe('application/json');
		const data = JSON.parse(page.body) as {
			results: Array<{ id: string; text: string }>;
			pagination: { more: boolean };
		};
		expect(data.results.map((r) => r.text).sort()).toEqual(['Tea towel', 'Teapot']);
		expect(data.results.every((r) => /^\d+$/.test(r.id))).toBe(true);
		expect(data.pagination).toEqual({ more: false });
		expect(page.header('Cache-Control')).toBe(
			'max-age=0, no-cache, no-store, must-revalidate, private'
		);
	});

	it('refuses (403) missing parameters, unknown models and fields, and unregistered targets', async () => {
		const visitor = await staff('admin');
		for (const query of [
			'',
			'?app_label=shop&model_name=order',
			'?app_label=shop&model_name=nothing&field_name=product',
			'?app_label=shop&model_name=order&field_name=nothing',
			'?app_label=shop&model_name=order&field_name=quantity',
			'?app_label=shop&model_name=order&field_name=user'
		]) {
			const page = await visitor.get(`/admin/autocomplete/${query}`);
			expect(page.status, query).toBe(403);
		}
	});

	it('answers the posts for the comment form’s post field', async () => {
		const visitor = await staff('admin');
		const page = await visitor.get(
			'/admin/autocomplete/?app_label=blog&model_name=comment&field_name=post&term=shop'
		);
		expect(page.status).toBe(200);
		const data = JSON.parse(page.body) as { results: Array<{ text: string }> };
		expect(data.results.map((r) => r.text)).toEqual(['Building a shop with forms']);
	});

	it('searches through ModelAdmin.get_search_results(), as the changelist does', async () => {
		const productAdmin = [...adminSite.registry.values()].find(
			(admin) => admin.opts.modelName === 'product'
		);
		if (!productAdmin) throw new Error('ProductAdmin is not registered');
		const saved = productAdmin.search_fields;
		// "^name": names that start with the term (istartswith), in both places.
		productAdmin.search_fields = ['^name'];
		try {
			const visitor = await staff('admin');
			const page = await visitor.get(
				'/admin/autocomplete/?app_label=shop&model_name=order&field_name=product&term=pot'
			);
			expect(JSON.parse(page.body).results).toEqual([]);
			const tea = await visitor.get(
				'/admin/autocomplete/?app_label=shop&model_name=order&field_name=product&term=tea'
			);
			const texts = (JSON.parse(tea.body) as { results: { text: string }[] }).results.map(
				(r) => r.text
			);
			expect(texts.sort()).toEqual(['Tea towel', 'Teapot']);
			const list = await visitor.get('/admin/shop/product/?q=pot');
			expect(list.body).toContain('0 results');
		} finally {
			productAdmin.search_fields = saved;
		}
	});

	it('answers 404 when the related ModelAdmin has no search_fields', async () => {
		const productAdmin = [...adminSite.registry.values()].find(
			(admin) => admin.opts.modelName === 'product'
		);
		if (!productAdmin) throw new Error('ProductAdmin is not registered');
		const saved = productAdmin.search_fields;
		productAdmin.search_fields = [];
		try {
			const visitor = await staff('admin');
			const page = await visitor.get(
				'/admin/autocomplete/?app_label=shop&model_name=order&field_name=product&term=tea'
			);
			expect(page.status).toBe(404);
			expect(page.body).toContain(
				'ProductAdmin must have search_fields for the autocomplete_view.'
			);
		} finally {
			productAdmin.search_fields = saved;
		}
	});

	it('refuses (403) a user who may not view the related model', async () => {
		const visitor = await staff('bob');
		const url = '/admin/autocomplete/?app_label=shop&model_name=order&field_name=product&term=tea';
		expect((await visitor.get(url)).status).toBe(200);
		// bob loses view_product and change_product (either lets him view products).
		UserPermission.objects
			.using(site.db)
			.filter({ user__username: 'bob', permission__content_type__model: 'product' })
			.delete();
		expect((await visitor.get(url)).status).toBe(403);
	});
});

describe('jsi18n', () => {
	it('answers the English JavaScript catalog', async () => {
		const visitor = await staff('admin');
		const page = await visitor.get('/admin/jsi18n/');
		expect(page.status).toBe(200);
		expect(page.header('Content-Type')).toBe('text/javascript; charset="utf-8"');
		expect(page.header('Cache-Control')).toBeUndefined();
		expect(page.body).toContain('django.gettext = function(msgid) {');
		expect(page.body).toContain('"DATE_INPUT_FORMATS": [');
		// A real script: it runs and defines gettext, ngettext, interpolate and get_format.
		const globals: Record<string, unknown> = {};
		new Function(page.body).call(globals);
		const django = globals.django as {
			ngettext(a: string, b: string, n: number): string;
			interpolate(f: string, o: unknown[]): string;
			get_format(name: string): unknown;
		};
		expect(django.ngettext('item', 'items', 2)).toBe('items');
		expect(django.interpolate('%s selected', ['3'])).toBe('3 selected');
		expect(django.get_format('SHORT_DATE_FORMAT')).toBe('m/d/Y');
	});
});
