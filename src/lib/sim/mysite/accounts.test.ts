/** Logging in and out, profiles, and who may edit them: through the whole simulated site. */
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

const sessionOf = (visitor: Visitor) => visitor.cookies.get('sessionid');

describe('login', () => {
	it('GET shows the form with a CSRF token', async () => {
		const page = await new Visitor(site).get('/accounts/login/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('<label for="id_username">Username:</label>');
		expect(page.body).toContain('type="password" name="password"');
		expect(page.body).toContain('name="csrfmiddlewaretoken"');
	});

	it("re-renders with Django's message when the password is wrong (200)", async () => {
		const visitor = new Visitor(site);
		await visitor.get('/accounts/login/');
		const page = await visitor.post('/accounts/login/', { username: 'alice', password: 'nope' });
		expect(page.status).toBe(200);
		expect(page.body).toContain(
			'<ul class="errorlist nonfield"><li>Please enter a correct username and password. Note that both fields may be case-sensitive.</li></ul>'
		);
		expect(page.body).toContain('value="alice"');
		expect(page.body).not.toContain('value="nope"');
		expect(sessionOf(visitor)).toBeUndefined();
	});

	it('logs in: a new session key, HttpOnly cookie, 302 to the profile', async () => {
		const visitor = new Visitor(site);
		const page = await visitor.login('alice');
		expect(page.status).toBe(302);
		expect(page.header('Location')).toBe('/accounts/profile/');
		const cookie = page.headers_all('Set-Cookie').find((c) => c.startsWith('sessionid='));
		expect(cookie).toMatch(/; HttpOnly/);
		expect(cookie).toMatch(/; SameSite=Lax/);
		expect(cookie).toMatch(/; Path=\//);
		const profile = await visitor.get('/accounts/profile/');
		expect(profile.status).toBe(200);
		expect(profile.body).toContain('Alice Liddell');
		expect(profile.body).toContain('Hello, Django');
	});

	it('rotates the session key on login (no session fixation)', async () => {
		const visitor = new Visitor(site);
		await visitor.login('bob');
		const before = sessionOf(visitor);
		expect(before).toBeDefined();
		await visitor.login('alice');
		const after = sessionOf(visitor);
		expect(after).toBeDefined();
		expect(after).not.toBe(before);
	});

	it('never keeps a session key chosen by someone else (session fixation)', async () => {
		const visitor = new Visitor(site);
		visitor.cookies.set('sessionid', 'attackerchosenkey1234567890abcde');
		await visitor.login('alice');
		expect(sessionOf(visitor)).toBeDefined();
		expect(sessionOf(visitor)).not.toBe('attackerchosenkey1234567890abcde');
		expect((await visitor.get('/accounts/profile/')).status).toBe(200);
	});

	it('follows next= to the page that asked, and only on this site', async () => {
		const visitor = new Visitor(site);
		const page = await visitor.login('alice', '/blog/new/');
		expect(page.header('Location')).toBe('/blog/new/');
		const other = new Visitor(site);
		const evil = await other.login('alice', 'https://evil.test/');
		expect(evil.header('Location')).toBe('/accounts/profile/');
	});
});

describe('logout', () => {
	it('is POST only: GET answers 405 with Allow', async () => {
		const page = await new Visitor(site).get('/accounts/logout/');
		expect(page.status).toBe(405);
		expect(page.header('Allow')).toBe('POST, OPTIONS');
	});

	it('flushes the session and redirects home', async () => {
		const visitor = new Visitor(site);
		await visitor.login('alice');
		const page = await visitor.post('/accounts/logout/', {});
		expect(page.status).toBe(302);
		expect(page.header('Location')).toBe('/');
		const profile = await visitor.get('/accounts/profile/');
		expect(profile.status).toBe(302);
		expect(profile.header('Location')).toBe('/accounts/login/?next=/accounts/profile/');
	});
});

describe('profiles', () => {
	it('shows anyone a public profile, and 404 for an unknown user', async () => {
		const visitor = new Visitor(site);
		const page = await visitor.get('/accounts/users/bob/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('Bob Builder');
		expect(page.body).toContain('Building a shop with forms');
		expect((await visitor.get('/accounts/users/nobody/')).status).toBe(404);
	});

	it('lets only the owner edit a profile (403 for others)', async () => {
		const bob = new Visitor(site);
		await bob.login('bob');
		expect((await bob.get('/accounts/users/alice/edit/')).status).toBe(403);
		const form = await bob.get('/accounts/users/bob/edit/');
		expect(form.status).toBe(200);
		expect(form.body).toContain('value="bob@mysite.test"');
		const bad = await bob.post('/accounts/users/bob/edit/', {
			first_name: 'Bob',
			last_name: 'Builder',
			email: 'not an email'
		});
		expect(bad.status).toBe(200);
		expect(bad.body).toContain('Enter a valid email address.');
		const saved = await bob.post('/accounts/users/bob/edit/', {
			first_name: 'Robert',
			last_name: 'Builder',
			email: 'bob@example.test'
		});
		expect(saved.status).toBe(302);
		expect(saved.header('Location')).toBe('/accounts/users/bob/');
		expect((await bob.get('/accounts/users/bob/')).body).toContain('Robert Builder');
	});

	it('sends an anonymous visitor of an edit page to the login page', async () => {
		const page = await new Visitor(site).get('/accounts/users/bob/edit/');
		expect(page.status).toBe(302);
		expect(page.header('Location')).toBe('/accounts/login/?next=/accounts/users/bob/edit/');
	});
});
