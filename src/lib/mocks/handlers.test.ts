import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeJar, nodeSite, server } from './node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
	nodeJar.clear();
	await (await nodeSite()).reset();
});
afterAll(() => server.close());

describe('the simulated origin in Node', () => {
	it('answers GET / with the demo site’s home page, with a trace id', async () => {
		const response = await fetch('https://mysite.test/');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('server')).toBe('nginx');
		expect(response.headers.get('x-trace-id')).toMatch(/\S+/);
		expect(response.headers.get('server-timing')).toContain('web-server;dur=');
		expect(await response.text()).toContain('<html');
	});
});

describe('cookies travel through the simulated browser’s jar', () => {
	it('logs alice in: csrftoken and sessionid land in the jar, never in the real response', async () => {
		const page = await fetch('https://mysite.test/accounts/login/', { credentials: 'include' });
		expect(page.status).toBe(200);
		expect(page.headers.get('set-cookie')).toBeNull();
		const token = /name="csrfmiddlewaretoken" value="(\w+)"/.exec(await page.text())?.[1] ?? '';
		expect(token).toHaveLength(64);
		expect(nodeJar.list().map((c) => c.name)).toEqual(['csrftoken']);

		const login = await fetch('https://mysite.test/accounts/login/', {
			method: 'POST',
			credentials: 'include',
			redirect: 'manual',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				username: 'alice',
				password: 'wonderland',
				csrfmiddlewaretoken: token
			})
		});
		expect(login.status).toBe(302);
		expect(login.headers.get('location')).toBe('/accounts/profile/');
		expect(login.headers.get('set-cookie')).toBeNull();
		const session = nodeJar.list().find((c) => c.name === 'sessionid');
		expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

		const profile = await fetch('https://mysite.test/accounts/profile/', {
			credentials: 'include'
		});
		expect(profile.status).toBe(200);
		expect(await profile.text()).toContain('alice');
	});

	it('sends no cookies unless the fetch asks for them (credentials: include)', async () => {
		nodeJar.store('https://mysite.test/', ['sessionid=abc; Path=/; HttpOnly']);
		const site = await nodeSite();
		const seen: string[] = [];
		const { onTrace } = await import('$lib/flow/trace-bus');
		const stop = onTrace((trace) => seen.push(trace.hops[0].detail.http ?? ''));
		await fetch('https://mysite.test/static/css/site.css');
		await fetch('https://mysite.test/static/css/site.css', { credentials: 'include' });
		stop();
		expect(seen[0]).not.toContain('Cookie:');
		expect(seen[1]).toContain('Cookie: sessionid=abc');
		expect(site.config.debug).toBe(true);
	});
});

describe('other hosts', () => {
	it('fails a request to any other .test host, as DNS would', async () => {
		await expect(fetch('https://elsewhere.test/')).rejects.toThrow(TypeError);
	});
});

describe('the trace shows cookies and the session', () => {
	it('records the session before and after a logout, and the cookie deleted', async () => {
		const site = await nodeSite();
		const { onTrace } = await import('$lib/flow/trace-bus');
		const page = await fetch('https://mysite.test/accounts/login/', { credentials: 'include' });
		const token = /name="csrfmiddlewaretoken" value="(\w+)"/.exec(await page.text())?.[1] ?? '';
		await fetch('https://mysite.test/accounts/login/', {
			method: 'POST',
			credentials: 'include',
			redirect: 'manual',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				username: 'bob',
				password: 'builder',
				csrfmiddlewaretoken: token
			})
		});
		const traces: import('$lib/sim/types').Trace[] = [];
		const stop = onTrace((trace) => traces.push(trace));
		const csrf = nodeJar.list().find((c) => c.name === 'csrftoken')?.value ?? '';
		const logout = await fetch('https://mysite.test/accounts/logout/', {
			method: 'POST',
			credentials: 'include',
			redirect: 'manual',
			headers: { 'X-CSRFToken': csrf }
		});
		stop();
		expect(logout.status).toBe(302);
		const sessionOut = traces[0].hops.find(
			(hop) => hop.detail.middleware?.name.endsWith('SessionMiddleware') && hop.direction === 'out'
		);
		expect(sessionOut?.detail.state?.sessionBefore).toMatchObject({
			_auth_user_id: expect.any(String)
		});
		expect(sessionOut?.detail.state?.cookiesAfter?.[0]).toMatchObject({
			name: 'sessionid',
			value: ''
		});
		expect(nodeJar.list().some((c) => c.name === 'sessionid')).toBe(false);
		expect(site.config.workers).toBeGreaterThan(0);
	});
});
