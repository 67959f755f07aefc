import { beforeEach, describe, expect, it } from 'vitest';
import { getAllHeaders, getHeader } from './http/headers';
import { utf8 } from './http/bytes';
import type { Site } from './site';
import { createTinySite } from './tiny-project';
import type { SimRequest } from './types';

let site: Site;
let clock = Date.UTC(2026, 10, 23, 10, 0, 0);
beforeEach(async () => {
	clock = Date.UTC(2026, 10, 23, 10, 0, 0);
	site = await createTinySite(() => clock);
});

function get(path: string, headers: Array<[string, string]> = []): SimRequest {
	return { method: 'GET', url: `https://mysite.test${path}`, headers, body: new Uint8Array() };
}

describe('a dynamic page through the whole stack', () => {
	it('answers GET / with Django’s headers in Django’s order, behind nginx', async () => {
		const { response, trace } = await site.handle(get('/'));
		expect(response.status).toBe(200);
		expect(response.statusText).toBe('OK');
		expect(response.body).toBe('<h1>Home</h1>');
		expect(response.headers.map(([name]) => name)).toEqual([
			'Server',
			'Date',
			'Content-Type',
			'Content-Length',
			'Connection',
			'X-Frame-Options',
			'X-Content-Type-Options',
			'Referrer-Policy',
			'Cross-Origin-Opener-Policy',
			'X-Trace-Id',
			'Server-Timing'
		]);
		expect(getHeader(response.headers, 'server')).toBe('nginx');
		expect(getHeader(response.headers, 'x-trace-id')).toBe(trace.id);
		expect(getHeader(response.headers, 'content-length')).toBe('13');
		expect(Object.isFrozen(trace) && Object.isFrozen(trace.hops[0])).toBe(true);
	});

	it('records the hops of the typical journey in order', async () => {
		const { trace } = await site.handle(get('/'));
		const edges = trace.hops.map((hop) => `${hop.from}>${hop.to}`);
		expect(edges.slice(0, 3)).toEqual([
			'browser>web-server',
			'web-server>app-server',
			'app-server>middleware'
		]);
		expect(edges.filter((edge) => edge === 'middleware>middleware')).toHaveLength(14);
		expect(edges).toContain('middleware>url-resolver');
		expect(edges[edges.indexOf('middleware>url-resolver') + 1]).toBe('url-resolver>view');
		expect(edges.slice(-3)).toEqual([
			'middleware>app-server',
			'app-server>web-server',
			'web-server>browser'
		]);
		const names = trace.hops
			.filter((hop) => hop.detail.middleware?.phase === 'request')
			.map((hop) => hop.detail.middleware?.name.split('.').pop());
		expect(names).toEqual([
			'SecurityMiddleware',
			'SessionMiddleware',
			'CommonMiddleware',
			'CsrfViewMiddleware',
			'AuthenticationMiddleware',
			'MessageMiddleware',
			'XFrameOptionsMiddleware'
		]);
		const out = trace.hops
			.filter((hop) => hop.detail.middleware?.phase === 'response')
			.map((hop) => hop.detail.middleware?.name.split('.').pop());
		expect(out).toEqual([...names].reverse());
		trace.hops.forEach((hop, i) => expect(hop.index).toBe(i));
		for (let i = 1; i < trace.hops.length; i++)
			expect(trace.hops[i].atMs).toBeGreaterThanOrEqual(trace.hops[i - 1].atMs);
	});

	it('sends Server-Timing with one entry per node and matches trace.timings', async () => {
		const { response, trace } = await site.handle(get('/'));
		const timing = getHeader(response.headers, 'server-timing') ?? '';
		const entries = timing.split(', ').map((entry) => entry.split(';dur=')[0]);
		expect(entries).toEqual(['web-server', 'app-server', 'middleware', 'url-resolver', 'view']);
		for (const entry of timing.split(', ')) {
			const [node, dur] = entry.split(';dur=');
			expect(Number(dur)).toBeCloseTo(trace.timings[node as keyof typeof trace.timings] ?? -1, 3);
		}
	});

	it('shows the WSGI environ gunicorn built, with the forwarded headers', async () => {
		const { trace } = await site.handle(get('/notes/1/?x=%C3%A9', [['User-Agent', 'test']]));
		const environ = trace.hops.find((hop) => hop.detail.environ)?.detail.environ ?? {};
		expect(environ).toMatchObject({
			REQUEST_METHOD: 'GET',
			PATH_INFO: '/notes/1/',
			QUERY_STRING: 'x=%C3%A9',
			SERVER_NAME: 'mysite.test',
			SERVER_PORT: '443',
			'wsgi.url_scheme': 'https',
			HTTP_HOST: 'mysite.test',
			HTTP_X_FORWARDED_FOR: '203.0.113.7',
			HTTP_X_FORWARDED_PROTO: 'https',
			HTTP_USER_AGENT: 'test'
		});
	});
});

describe('the ORM and views in the trace', () => {
	it('turns a query into view→model→database→model→view hops', async () => {
		const { response, trace } = await site.handle(get('/notes/1/'));
		expect(response.body).toBe('<p>first note</p>');
		const edges = trace.hops.map((hop) => `${hop.from}>${hop.to}:${hop.kind}`);
		const start = edges.indexOf('view>model:call');
		expect(edges.slice(start, start + 4)).toEqual([
			'view>model:call',
			'model>database:query',
			'database>model:rows',
			'model>view:return'
		]);
		expect(trace.hops[start + 1].detail.query?.sql).toBe('SELECT id, text FROM notes WHERE id = ?');
		expect(trace.hops[start + 2].detail.query?.rows).toEqual([[1, 'first note']]);
	});

	it('answers Http404 with Django’s plain page when DEBUG is off', async () => {
		const { response } = await site.handle(get('/notes/99/'));
		expect(response.status).toBe(404);
		expect(response.body).toBe(
			'\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n'
		);
		expect(getHeader(response.headers, 'content-length')).toBe('179');
	});

	it('lists the patterns tried on the DEBUG 404 page', async () => {
		site.configure({ debug: true });
		const { response } = await site.handle(get('/nope/'));
		expect(response.status).toBe(404);
		expect(response.body).toContain(
			'Using the URLconf defined in <code>tiny.urls</code>, Django tried these URL patterns, in this order:'
		);
		expect(response.body).toContain("<li><code>notes/&lt;int:pk&gt;/ [name='note']</code></li>");
		expect(response.body).toContain("<li><code>[name='home']</code></li>");
		expect(response.body).toContain(
			'The current path, <code>nope/</code>, didn’t match any of these.'
		);
		const raised = await site.handle(get('/notes/99/'));
		expect(raised.response.body).toContain(
			'<pre class="exception_value">No Note matches the given query.</pre>'
		);
		expect(raised.response.body).toContain('matched the last one.');
	});

	it('answers an exception with 500, technical when DEBUG', async () => {
		const plain = await site.handle(get('/boom/'));
		expect(plain.response.status).toBe(500);
		expect(plain.response.body).toContain('<h1>Server Error (500)</h1>');
		site.configure({ debug: true });
		const { response } = await site.handle(get('/boom/'));
		expect(response.status).toBe(500);
		expect(response.body).toContain('<title>TypeError at /boom/</title>');
		expect(response.body).toContain('<pre class="exception_value">boom!</pre>');
		expect(response.body).toContain('/srv/mysite/tiny/views.py</span>, line 12, in boom');
		expect(response.body).toContain('<td>tiny.views.boom</td>');
	});

	it('answers PermissionDenied with 403', async () => {
		const { response } = await site.handle(get('/secret/'));
		expect(response.status).toBe(403);
		expect(response.body).toContain('<h1>403 Forbidden</h1>');
	});

	it('returns JSON with Python’s separators and ASCII escapes', async () => {
		const { response } = await site.handle({ ...get('/api/'), method: 'POST' });
		expect(response.status).toBe(200);
		expect(response.body).toBe('{"ok": true, "name": "Caf\\u00e9"}');
		expect(getHeader(response.headers, 'content-type')).toBe('application/json');
	});
});

describe('sessions, CSRF and rollback', () => {
	async function formPost(body: string, cookie: string, extra: Array<[string, string]> = []) {
		return site.handle({
			method: 'POST',
			url: 'https://mysite.test/form/',
			headers: [
				['Content-Type', 'application/x-www-form-urlencoded'],
				['Cookie', cookie],
				...(extra.some(([name]) => name === 'Origin')
					? []
					: [['Origin', 'https://mysite.test'] as [string, string]]),
				...extra
			],
			body: utf8(body)
		});
	}

	it('sets csrftoken when a form is rendered, and accepts the masked token back', async () => {
		const page = await site.handle(get('/form/'));
		const setCookie = getAllHeaders(page.response.headers, 'set-cookie');
		expect(setCookie).toHaveLength(1);
		expect(setCookie[0]).toMatch(
			/^csrftoken=[A-Za-z0-9]{32}; expires=\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT; Max-Age=31449600; Path=\/; SameSite=Lax$/
		);
		expect(getHeader(page.response.headers, 'vary')).toBe('Cookie');
		const secret = /csrftoken=(\w+)/.exec(setCookie[0])?.[1] ?? '';
		const token = /value="(\w+)"/.exec(page.response.body)?.[1] ?? '';
		expect(token).toHaveLength(64);
		const { response } = await formPost(
			`text=hello&csrfmiddlewaretoken=${token}`,
			`csrftoken=${secret}`
		);
		expect(response.status).toBe(302);
		expect(getHeader(response.headers, 'location')).toBe('/');
		const session = getAllHeaders(response.headers, 'set-cookie').find((line) =>
			line.startsWith('sessionid=')
		);
		expect(session).toMatch(
			/^sessionid=\w+; expires=[^;]+ GMT; HttpOnly; Max-Age=1209600; Path=\/; SameSite=Lax$/
		);
	});

	it('refuses a POST without the cookie, without the token, or with a wrong token', async () => {
		const noCookie = await formPost('text=x', '');
		expect(noCookie.response.status).toBe(403);
		expect(noCookie.response.body).toContain('CSRF verification failed. Request aborted.');
		expect(noCookie.response.body).toContain('requires a CSRF cookie when submitting forms');
		site.configure({ debug: true });
		const secret = 'a'.repeat(32);
		const missing = await formPost('text=x', `csrftoken=${secret}`);
		expect(missing.response.body).toContain('CSRF token missing.');
		const wrong = await formPost(
			`text=x&csrfmiddlewaretoken=${'b'.repeat(32)}`,
			`csrftoken=${secret}`
		);
		expect(wrong.response.body).toContain('CSRF token from POST incorrect.');
		const header = await formPost('text=x', `csrftoken=${secret}`, [
			['X-CSRFToken', 'c'.repeat(32) + 'd'.repeat(32)]
		]);
		expect(header.response.body).toContain(
			'CSRF token from the &#x27;X-Csrftoken&#x27; HTTP header incorrect.'
		);
		const cross = await formPost('text=x', `csrftoken=${secret}`, [
			['Origin', 'https://evil.test']
		]);
		expect(cross.response.body).toContain(
			'Origin checking failed - https://evil.test does not match any trusted origins.'
		);
		expect(site.db.run('SELECT COUNT(*) FROM notes').rows[0][0]).toBe(1);
	});

	it('skips the view after a CSRF refusal but still runs the outer process_response', async () => {
		const { trace } = await formPost('text=x', '');
		expect(trace.hops.some((hop) => hop.to === 'view')).toBe(false);
		const csrfView = trace.hops.find((hop) => hop.detail.middleware?.phase === 'view');
		expect(csrfView?.summary).toContain('CSRF cookie not set.');
		const out = trace.hops.filter((hop) => hop.detail.middleware?.phase === 'response');
		expect(out).toHaveLength(7);
	});

	it('rolls back what a failing view wrote (ATOMIC_REQUESTS)', async () => {
		const before = site.db.export();
		const secret = 'a'.repeat(32);
		const { response } = await formPost(
			`text=lost&fail=1&csrfmiddlewaretoken=${secret}`,
			`csrftoken=${secret}`
		);
		expect(response.status).toBe(500);
		expect(site.db.export()).toEqual(before);
	});
});
