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

describe('requests the URL pattern matcher cannot decode still reach nginx', () => {
	it.each(['/%E0%A4%A', '/blog/%zz/'])(
		'GET %s: nginx’s own 400 page, and a trace plays like any other',
		async (path) => {
			const { onTrace } = await import('$lib/flow/trace-bus');
			const traces: import('$lib/sim/types').Trace[] = [];
			const stop = onTrace((trace) => traces.push(trace));
			const response = await fetch(`https://mysite.test${path}`);
			stop();
			expect(response.status).toBe(400);
			expect(response.headers.get('server')).toBe('nginx');
			expect(await response.text()).toBe(
				'<html>\r\n<head><title>400 Bad Request</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
			);
			expect(traces).toHaveLength(1);
			expect(traces[0].url).toBe(`https://mysite.test${path}`);
			expect(traces[0].hops[0].from).toBe('browser');
		}
	);
});

describe('bodies travel as bytes', () => {
	it('counts a 400 KB binary upload in bytes: not a 413', async () => {
		const bytes = new Uint8Array(400_000);
		for (let i = 0; i < bytes.length; i++) bytes[i] = 0x80 + (i % 128);
		const { onTrace } = await import('$lib/flow/trace-bus');
		let size = -1;
		const stop = onTrace((trace) => (size = trace.request.bodyBytes ?? -1));
		const response = await fetch('https://mysite.test/api/posts/', {
			method: 'POST',
			headers: { 'Content-Type': 'application/octet-stream' },
			body: bytes
		});
		stop();
		expect(response.status).not.toBe(413);
		expect(size).toBe(400_000);
	});

	it('still refuses a body over client_max_body_size (1m), counted in bytes', async () => {
		const response = await fetch('https://mysite.test/accounts/login/', {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'é'.repeat(600_000)
		});
		expect(response.status).toBe(413);
	});

	it('hands a Latin-1 header value to the stack intact', async () => {
		const { onTrace } = await import('$lib/flow/trace-bus');
		let environ: Readonly<Record<string, string>> | undefined;
		const stop = onTrace((trace) => {
			environ = trace.hops.find((hop) => hop.detail.environ)?.detail.environ;
		});
		await fetch('https://mysite.test/', { headers: { 'X-Name': 'caf\u00e9' } });
		stop();
		expect(environ?.HTTP_X_NAME).toBe('caf\u00e9');
	});
});
