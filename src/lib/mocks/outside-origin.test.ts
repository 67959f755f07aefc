import { getResponse } from 'msw';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { CookieJar } from '$lib/client/cookie-jar';
import { createSite } from '$lib/sim/site';
import { mysiteFull } from '$lib/sim/mysite/full';
import type { SimRequest } from '$lib/sim/types';
import { createHandlers } from './handlers';

async function setUp(full = true) {
	const site = await createSite({
		sqlJs: await initSqlJs(),
		project: full ? mysiteFull : undefined
	});
	const jar = new CookieJar();
	const seen: SimRequest[] = [];
	const handle = site.handle.bind(site);
	site.handle = (request) => {
		seen.push(request);
		return handle(request);
	};
	const handlers = createHandlers({ site: async () => site, jar, present: async () => {} });
	const send = (url: string, init: RequestInit = {}) =>
		getResponse(
			handlers,
			new Request(url, { credentials: 'include', redirect: 'manual', ...init })
		);
	return { site, jar, send, seen };
}

const header = (r: SimRequest, name: string) =>
	r.headers.find(([n]) => n.toLowerCase() === name)?.[1];

describe('the identity provider through the same handlers', () => {
	it('answers https://id.example.test when the full project runs', async () => {
		const { send } = await setUp();
		const r = await send('https://id.example.test/.well-known/openid-configuration');
		expect(r?.status).toBe(200);
		expect(await r?.json()).toMatchObject({ issuer: 'https://id.example.test' });
	});

	it('fails as DNS would when the running project has no such server', async () => {
		const { send } = await setUp(false);
		const r = await send('https://id.example.test/.well-known/openid-configuration');
		expect(r?.type).toBe('error');
	});

	it("keeps each site's cookies under its own domain, and sends each only to its site", async () => {
		const { send, jar, seen } = await setUp();
		const start = await send('https://mysite.test/accounts/oidc/login/');
		expect(start?.status).toBe(302);
		const authorize = start!.headers.get('location')!;
		const loginPage = await send(authorize);
		expect(await loginPage!.text()).toContain('Sign in to continue to mysite');
		// Cross-site from mysite's page: no mysite cookie, and no Referer (Referrer-Policy: same-origin).
		expect(header(seen.at(-1)!, 'cookie')).toBeUndefined();
		const login = await send('https://id.example.test/login', {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				username: 'carol',
				password: 'rainbow'
			})
		});
		expect(login?.status).toBe(302);
		expect(header(seen.at(-1)!, 'origin')).toBe('https://id.example.test');
		const mysite = jar.listFor('https://mysite.test/').map((c) => c.name);
		const idp = jar.listFor('https://id.example.test/').map((c) => c.name);
		expect(mysite).toContain('sessionid');
		expect(mysite).not.toContain('exampleid_session');
		expect(idp.sort()).toEqual(['exampleid_auth', 'exampleid_session']);
		const consent = await send(authorize);
		expect(header(seen.at(-1)!, 'cookie')).toContain('exampleid_session=');
		expect(header(seen.at(-1)!, 'cookie')).not.toContain('sessionid=');
		expect(await consent!.text()).toContain('mysite wants your name and email');
	});
});
