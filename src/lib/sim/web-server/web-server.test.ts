import { beforeEach, describe, expect, it } from 'vitest';
import { getHeader } from '../http/headers';
import { utf8 } from '../http/bytes';
import type { Site } from '../site';
import { createTinySite } from '../tiny-project';
import type { SimRequest } from '../types';
import { parseTarget } from './uri';

let site: Site;
beforeEach(async () => {
	site = await createTinySite(() => Date.UTC(2026, 10, 23, 10, 0, 0));
});

const req = (
	path: string,
	extra: Partial<Omit<SimRequest, 'body'>> & { body?: string } = {}
): SimRequest => ({
	method: 'GET',
	url: `https://mysite.test${path}`,
	headers: [],
	...extra,
	body: utf8(extra.body ?? '')
});

describe('nginx reads the request target', () => {
	it('decodes, merges slashes and resolves dot segments', () => {
		expect(parseTarget('/static//css/./site.css?v=1')).toEqual({
			ok: true,
			raw: '/static//css/./site.css?v=1',
			path: '/static/css/site.css',
			query: 'v=1'
		});
		expect(parseTarget('/static/img/../css/site.css')).toMatchObject({
			ok: true,
			path: '/static/css/site.css'
		});
		expect(parseTarget('/static/%2e%2e/settings.py')).toMatchObject({
			ok: true,
			path: '/settings.py'
		});
		expect(parseTarget('/static/%252e%252e/settings.py')).toMatchObject({
			ok: true,
			path: '/static/%2e%2e/settings.py'
		});
	});

	it('refuses broken escapes, NUL bytes and climbing above the root', () => {
		expect(parseTarget('/blog/%zz/')).toMatchObject({ ok: false, status: 400 });
		expect(parseTarget('/blog/%4')).toMatchObject({ ok: false, status: 400 });
		expect(parseTarget('/a%00b')).toMatchObject({ ok: false, status: 400 });
		expect(parseTarget('/../etc/passwd')).toMatchObject({ ok: false, status: 400 });
		expect(parseTarget('/static/%2e%2e/%2e%2e/x')).toMatchObject({ ok: false, status: 400 });
		expect(parseTarget(`/${'a'.repeat(9000)}`)).toMatchObject({ ok: false, status: 414 });
	});
});

describe('static files', () => {
	it('serves a file itself, with ETag and Last-Modified, and Django never sees it', async () => {
		const { response, trace } = await site.handle(req('/static/css/site.css'));
		expect(response.status).toBe(200);
		expect(response.body).toBe('body { color: #222; }\n');
		expect(getHeader(response.headers, 'content-type')).toBe('text/css');
		expect(getHeader(response.headers, 'content-length')).toBe('22');
		expect(getHeader(response.headers, 'etag')).toBe('"6ae85818-16"');
		expect(getHeader(response.headers, 'last-modified')).toBe('Mon, 02 Nov 2026 09:30:00 GMT');
		expect(trace.hops.map((hop) => `${hop.from}>${hop.to}:${hop.kind}`)).toEqual([
			'browser>web-server:request',
			'web-server>web-server:static',
			'web-server>browser:response'
		]);
		expect(Object.keys(trace.timings)).toEqual(['web-server']);
	});

	it('answers 304 without a body when the ETag or the date still matches', async () => {
		const etag = '"6ae85818-16"';
		const byTag = await site.handle(
			req('/static/css/site.css', { headers: [['If-None-Match', etag]] })
		);
		expect(byTag.response.status).toBe(304);
		expect(byTag.response.statusText).toBe('Not Modified');
		expect(byTag.response.body).toBe('');
		expect(getHeader(byTag.response.headers, 'content-length')).toBeUndefined();
		const byDate = await site.handle(
			req('/static/css/site.css', {
				headers: [['If-Modified-Since', 'Mon, 02 Nov 2026 09:30:00 GMT']]
			})
		);
		expect(byDate.response.status).toBe(304);
		const changed = await site.handle(
			req('/static/css/site.css', { headers: [['If-None-Match', '"0-0"']] })
		);
		expect(changed.response.status).toBe(200);
	});

	it('answers 404 and 405 with nginx’s own pages', async () => {
		const missing = await site.handle(req('/static/css/nope.css'));
		expect(missing.response.status).toBe(404);
		expect(missing.response.body).toBe(
			'<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
		);
		const post = await site.handle(req('/static/css/site.css', { method: 'POST', body: 'x=1' }));
		expect(post.response.status).toBe(405);
		expect(post.response.statusText).toBe('Not Allowed');
	});

	it('refuses path traversal: above the root is 400, leaving /static/ goes to Django', async () => {
		const above = await site.handle(req('/static/../../settings.py'));
		expect(above.response.status).toBe(400);
		expect(above.response.body).toContain('<center><h1>400 Bad Request</h1></center>');
		const encoded = await site.handle(req('/static/%2e%2e/settings.py'));
		expect(encoded.response.status).toBe(404);
		expect(encoded.trace.hops.some((hop) => hop.to === 'url-resolver')).toBe(true);
		const double = await site.handle(req('/static/%252e%252e/settings.py'));
		expect(double.response.status).toBe(404);
		expect(double.response.body).toContain('<center>nginx</center>');
	});
});

describe('nginx’s limits and errors', () => {
	it('answers a broken percent-encoding with 400 before Django', async () => {
		const { response, trace } = await site.handle(req('/notes/%zz/'));
		expect(response.status).toBe(400);
		expect(getHeader(response.headers, 'connection')).toBe('close');
		expect(trace.hops.some((hop) => hop.to === 'app-server')).toBe(false);
	});

	it('refuses an invalid Host header itself; a valid but unknown one reaches Django', async () => {
		for (const host of ['', 'a/b', 'my site', 'a..b']) {
			expect((await site.handle(req('/', { headers: [['Host', host]] }))).response.body).toContain(
				'<center>nginx</center>'
			);
		}
		const unknown = await site.handle(req('/', { headers: [['Host', 'evil.test']] }));
		expect(unknown.response.status).toBe(400);
		expect(unknown.response.body).toContain('Bad Request (400)');
	});

	it('answers a too large header with "Request Header Or Cookie Too Large"', async () => {
		const { response } = await site.handle(
			req('/', { headers: [['Cookie', `a=${'x'.repeat(9000)}`]] })
		);
		expect(response.status).toBe(400);
		expect(response.statusText).toBe('Bad Request');
		expect(response.body).toContain('<title>400 Request Header Or Cookie Too Large</title>');
		expect(response.body).toContain('<center>Request Header Or Cookie Too Large</center>');
	});

	it('answers a body over client_max_body_size with 413', async () => {
		site.configure({ clientMaxBodySize: 100 });
		const { response } = await site.handle(req('/api/', { method: 'POST', body: 'x'.repeat(101) }));
		expect(response.status).toBe(413);
		expect(response.statusText).toBe('Request Entity Too Large');
		expect(response.body).toContain('<title>413 Request Entity Too Large</title>');
		site.configure({ clientMaxBodySize: 0 });
		expect(
			(await site.handle(req('/api/', { method: 'POST', body: 'x'.repeat(2_000_000) }))).response
				.status
		).toBe(200);
	});

	it('answers 502 when the app server is down', async () => {
		site.configure({ appServerUp: false });
		const { response, trace } = await site.handle(req('/'));
		expect(response.status).toBe(502);
		expect(response.body).toContain('<title>502 Bad Gateway</title>');
		expect(
			trace.hops.some((hop) =>
				hop.detail.note?.includes('connect() failed (111: Connection refused)')
			)
		).toBe(true);
	});

	it('answers a lowercase method with 400 and passes an unknown uppercase one to Django', async () => {
		expect((await site.handle(req('/', { method: 'get' }))).response.status).toBe(400);
		// Not a safe method, so Django's CSRF check refuses it (no Referer over HTTPS).
		const brew = await site.handle(req('/', { method: 'BREW' }));
		expect(brew.response.status).toBe(403);
		expect(brew.trace.hops.some((hop) => hop.to === 'url-resolver')).toBe(true);
	});

	it('forwards X-Forwarded-For, X-Forwarded-Proto and Host, and drops headers with underscores', async () => {
		const { trace } = await site.handle(
			req('/', {
				headers: [
					['X_Evil', '1'],
					['X-Forwarded-For', '198.51.100.9']
				]
			})
		);
		const proxied =
			trace.hops.find((hop) => hop.from === 'web-server' && hop.to === 'app-server')?.detail.http ??
			'';
		expect(proxied.split('\n')[0]).toBe('GET / HTTP/1.0');
		expect(proxied).toContain(
			'Host: mysite.test\nX-Forwarded-For: 198.51.100.9, 203.0.113.7\nX-Forwarded-Proto: https\nConnection: close'
		);
		expect(proxied).not.toContain('X_Evil');
	});
});

describe('nginx 1.22 as the recordings show it', () => {
	const header = (response: { headers: import('../types').HeaderList }, name: string) =>
		getHeader(response.headers, name);

	it('answers Range: bytes=0-9 with 206 and Content-Range', async () => {
		const { response } = await site.handle(
			req('/static/css/site.css', { headers: [['Range', 'bytes=0-9']] })
		);
		expect(response.status).toBe(206);
		expect(response.statusText).toBe('Partial Content');
		expect(response.body).toBe('body { col');
		expect(header(response, 'content-range')).toBe('bytes 0-9/22');
		expect(header(response, 'content-length')).toBe('10');
		expect(header(response, 'accept-ranges')).toBeUndefined();
		const suffix = await site.handle(
			req('/static/css/site.css', { headers: [['Range', 'bytes=-3']] })
		);
		expect(suffix.response.body).toBe('; }\n'.slice(1));
		expect(header(suffix.response, 'content-range')).toBe('bytes 19-21/22');
	});

	it('answers an unsatisfiable range with 416 and ignores what it cannot use', async () => {
		const { response } = await site.handle(
			req('/static/css/site.css', { headers: [['Range', 'bytes=100-']] })
		);
		expect(response.status).toBe(416);
		expect(response.statusText).toBe('Requested Range Not Satisfiable');
		expect(header(response, 'content-range')).toBe('bytes */22');
		expect(response.body).toContain('<title>416 Requested Range Not Satisfiable</title>');
		for (const ignored of ['items=0-1', 'bytes=0-0,0-30']) {
			const whole = await site.handle(
				req('/static/css/site.css', { headers: [['Range', ignored]] })
			);
			expect(whole.response.status).toBe(200);
		}
		const stale = await site.handle(
			req('/static/css/site.css', {
				headers: [
					['Range', 'bytes=0-1'],
					['If-Range', '"other"']
				]
			})
		);
		expect(stale.response.status).toBe(200);
	});

	it('forbids a directory (no autoindex) and redirects one named without its slash', async () => {
		for (const path of ['/static/', '/static/css/']) {
			const { response } = await site.handle(req(path));
			expect(response.status).toBe(403);
			expect(response.body).toContain('<title>403 Forbidden</title>');
		}
		expect((await site.handle(req('/static/nope/'))).response.status).toBe(404);
		const { response } = await site.handle(req('/static/css?v=1'));
		expect(response.status).toBe(301);
		expect(header(response, 'location')).toBe('https://mysite.test/static/css/?v=1');
		expect(response.body).toContain('<title>301 Moved Permanently</title>');
	});

	it('refuses a method other than GET, HEAD or POST before looking for the file', async () => {
		const { response } = await site.handle(req('/static/nope.css', { method: 'OPTIONS' }));
		expect(response.status).toBe(405);
		expect((await site.handle(req('/static/nope.css', { method: 'POST' }))).response.status).toBe(
			404
		);
	});

	it('chunks an upstream answer that has no Content-Length (not for HEAD)', async () => {
		const { response } = await site.handle(req('/notes/1'));
		expect(response.status).toBe(301);
		expect(header(response, 'content-length')).toBeUndefined();
		expect(header(response, 'transfer-encoding')).toBe('chunked');
		const head = await site.handle(req('/notes/1', { method: 'HEAD' }));
		expect(header(head.response, 'transfer-encoding')).toBeUndefined();
		const sized = await site.handle(req('/'));
		expect(header(sized.response, 'transfer-encoding')).toBeUndefined();
	});

	it('answers a request line over 8 KiB with 414, even when it would overflow all buffers', async () => {
		const { response } = await site.handle(req(`/?q=${'a'.repeat(33_000)}`));
		expect(response.status).toBe(414);
		expect(response.statusText).toBe('Request-URI Too Large');
		expect(response.body).toContain('<title>414 Request-URI Too Large</title>');
	});
});
