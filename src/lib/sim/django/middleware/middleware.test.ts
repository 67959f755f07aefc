import { beforeEach, describe, expect, it } from 'vitest';
import { getAllHeaders, getHeader } from '../../http/headers';
import { utf8 } from '../../http/bytes';
import type { Site } from '../../site';
import { createTinySite } from '../../tiny-project';
import type { SimRequest } from '../../types';

let site: Site;
beforeEach(async () => {
	site = await createTinySite();
});

const req = (
	method: string,
	path: string,
	headers: Array<[string, string]> = [],
	body = ''
): SimRequest => ({
	method,
	url: `https://mysite.test${path}`,
	headers,
	body: utf8(body)
});

describe('CommonMiddleware: APPEND_SLASH', () => {
	it('redirects /notes/1 to /notes/1/ with 301, keeping the query string', async () => {
		const { response, trace } = await site.handle(req('GET', '/notes/1?x=1'));
		expect(response.status).toBe(301);
		expect(getHeader(response.headers, 'location')).toBe('/notes/1/?x=1');
		// The 404 went through the inner middleware first, as in Django 5.
		expect(trace.hops.some((hop) => hop.to === 'url-resolver')).toBe(true);
		expect(getHeader(response.headers, 'x-frame-options')).toBeUndefined();
	});

	it('does not redirect when the slashed path does not exist either', async () => {
		expect((await site.handle(req('GET', '/nothing'))).response.status).toBe(404);
	});

	it('raises RuntimeError for a POST in DEBUG, with Django’s message', async () => {
		site.configure({ debug: true });
		const { response } = await site.handle(
			req('POST', '/api', [['Origin', 'https://mysite.test']])
		);
		expect(response.status).toBe(500);
		expect(response.body).toContain('<title>RuntimeError at /api</title>');
		expect(response.body).toContain(
			'You called this URL via POST, but the URL doesn&#x27;t end in a slash and you have APPEND_SLASH set. Django can&#x27;t redirect to the slash URL while maintaining POST data. Change your form to point to mysite.test/api/ (note the trailing slash), or set APPEND_SLASH=False in your Django settings.'
		);
	});
});

describe('ALLOWED_HOSTS', () => {
	it('answers another Host with 400 Bad Request', async () => {
		const { response, trace } = await site.handle(req('GET', '/', [['Host', 'evil.test']]));
		expect(response.status).toBe(400);
		expect(response.body).toContain('<h1>Bad Request (400)</h1>');
		expect(
			trace.hops.some((hop) =>
				hop.summary.includes("raises DisallowedHost: Invalid HTTP_HOST header: 'evil.test'.")
			)
		).toBe(true);
		expect(trace.hops.some((hop) => hop.to === 'url-resolver')).toBe(false);
	});

	it('shows DisallowedHost on the technical page in DEBUG', async () => {
		site.configure({ debug: true });
		const { response } = await site.handle(req('GET', '/', [['Host', 'evil.test']]));
		expect(response.status).toBe(400);
		expect(response.body).toContain('<title>DisallowedHost at /</title>');
		expect(response.body).toContain(
			'Invalid HTTP_HOST header: &#x27;evil.test&#x27;. You may need to add &#x27;evil.test&#x27; to ALLOWED_HOSTS.'
		);
	});
});

describe('CSRF referer checks over HTTPS', () => {
	const form = (headers: Array<[string, string]>) =>
		req(
			'POST',
			'/form/',
			[
				['Content-Type', 'application/x-www-form-urlencoded'],
				['Cookie', `csrftoken=${'a'.repeat(32)}`],
				...headers
			],
			`text=x&csrfmiddlewaretoken=${'a'.repeat(32)}`
		);

	it('needs a Referer when there is no Origin', async () => {
		const { response } = await site.handle(form([]));
		expect(response.status).toBe(403);
		expect(response.body).toContain(
			'this HTTPS site requires a “Referer header” to be sent by your web browser'
		);
		expect(
			(await site.handle(form([['Referer', 'https://mysite.test/form/']]))).response.status
		).toBe(302);
		site.configure({ debug: true });
		expect(
			(await site.handle(form([['Referer', 'http://mysite.test/form/']]))).response.body
		).toContain('Referer checking failed - Referer is insecure while host is secure.');
		expect((await site.handle(form([['Referer', 'https://evil.test/']]))).response.body).toContain(
			'Referer checking failed - https://evil.test/ does not match any trusted origins.'
		);
	});

	it('accepts a multipart form with the token in a field', async () => {
		const boundary = '----WebKitFormBoundaryAbC';
		const body = [
			`--${boundary}`,
			'Content-Disposition: form-data; name="text"',
			'',
			'hello',
			`--${boundary}`,
			'Content-Disposition: form-data; name="csrfmiddlewaretoken"',
			'',
			'a'.repeat(32),
			`--${boundary}--`,
			''
		].join('\r\n');
		const { response } = await site.handle(
			req(
				'POST',
				'/form/',
				[
					['Content-Type', `multipart/form-data; boundary=${boundary}`],
					['Cookie', `csrftoken=${'a'.repeat(32)}`],
					['Origin', 'https://mysite.test']
				],
				body
			)
		);
		expect(response.status).toBe(302);
		expect(site.db.run("SELECT COUNT(*) FROM notes WHERE text = 'hello'").rows[0][0]).toBe(1);
	});
});

describe('sessions', () => {
	it('sends the session cookie only when the session changed', async () => {
		const page = await site.handle(req('GET', '/'));
		expect(getAllHeaders(page.response.headers, 'set-cookie')).toEqual([]);
		expect(getHeader(page.response.headers, 'vary')).toBeUndefined();
	});

	it('security headers are Django’s defaults', async () => {
		const { response } = await site.handle(req('GET', '/'));
		expect(getHeader(response.headers, 'x-content-type-options')).toBe('nosniff');
		expect(getHeader(response.headers, 'referrer-policy')).toBe('same-origin');
		expect(getHeader(response.headers, 'cross-origin-opener-policy')).toBe('same-origin');
		expect(getHeader(response.headers, 'x-frame-options')).toBe('DENY');
	});
});
