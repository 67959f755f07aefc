import { describe, expect, it } from 'vitest';
import { CookieJar } from './cookie-jar';

const site = 'https://mysite.test/';

describe('CookieJar', () => {
	it('sends a Django session cookie back, and hides HttpOnly ones from scripts', () => {
		const jar = new CookieJar();
		jar.store(`${site}accounts/login/`, [
			'sessionid=abc123; expires=Thu, 01 Jan 2099 00:00:00 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax',
			'csrftoken=tok; expires=Thu, 01 Jan 2099 00:00:00 GMT; Max-Age=31449600; Path=/; SameSite=Lax'
		]);
		expect(jar.cookieHeader(`${site}blog/`)).toBe('sessionid=abc123; csrftoken=tok');
		expect(jar.cookieHeader(`${site}blog/`, { api: 'script' })).toBe('csrftoken=tok');
		const session = jar.list().find((c) => c.name === 'sessionid');
		expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
	});

	it('respects Path, expiry and deletion by Max-Age=0', () => {
		const jar = new CookieJar();
		jar.store(site, ['a=1; Path=/shop', 'b=2; Path=/']);
		expect(jar.cookieHeader(`${site}blog/`)).toBe('b=2');
		expect(jar.cookieHeader(`${site}shop/cart/`)).toBe('a=1; b=2');
		jar.store(site, ['b=; Max-Age=0; Path=/']);
		expect(jar.cookieHeader(`${site}blog/`)).toBe('');
	});

	it('keeps SameSite=Strict cookies off cross-site requests', () => {
		const jar = new CookieJar();
		jar.store(site, ['s=1; Path=/; SameSite=Strict', 'l=2; Path=/; SameSite=Lax']);
		expect(jar.cookieHeader(site, { sameSite: 'lax' })).toBe('l=2');
	});

	it('does not send a Secure cookie over plain http', () => {
		const jar = new CookieJar();
		jar.store(site, ['s=1; Path=/; Secure']);
		expect(jar.cookieHeader('http://mysite.test/')).toBe('');
		expect(jar.cookieHeader(site)).toBe('s=1');
	});
});
