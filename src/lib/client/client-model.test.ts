import { describe, expect, it } from 'vitest';
import {
	checkDraft,
	draftRequest,
	isForbiddenHeader,
	requestDraft,
	type ConsoleDraft
} from './api-console';
import { ALICE_TOKEN, PRESETS } from './api-presets';
import { CookieJar } from './cookie-jar';
import { orderApiRequest, orderErrorText, orderOutcome, orderSuccessUrl } from './order-script';
import type { ClientResponse } from './send';
import { pageTitle, viewKind, withBase } from './page-document';
import { toFetchInit } from './request';

const draft = (over: Partial<ConsoleDraft>): ConsoleDraft => ({
	method: 'POST',
	url: 'https://mysite.test/api/orders/',
	headers: [{ name: 'Content-Type', value: 'application/json', enabled: true }],
	bodyMode: 'json',
	body: '{"product": 1}',
	...over
});

describe('the API console model', () => {
	it('has the demo API presets, with tokens where the lesson needs them', () => {
		const byId = Object.fromEntries(PRESETS.map((p) => [p.id, p.draft]));
		expect(byId['order-anonymous'].headers.some((h) => h.name === 'Authorization')).toBe(false);
		expect(byId['order-alice'].headers).toContainEqual({
			name: 'Authorization',
			value: `Token ${ALICE_TOKEN}`,
			enabled: true
		});
		expect(checkDraft(byId['order-invalid-json']).json).toBeDefined();
		for (const p of PRESETS.filter((p) => p.id !== 'order-invalid-json'))
			expect(checkDraft(p.draft)).toEqual({ headers: [] });
	});

	it('flags a forbidden header, a bad header name, a body on GET and a missing Content-Type', () => {
		const problems = checkDraft(
			draft({
				method: 'GET',
				headers: [
					{ name: 'Cookie', value: 'sessionid=x', enabled: true },
					{ name: 'Bad Name', value: '1', enabled: true },
					{ name: 'Sec-Fetch-Mode', value: 'x', enabled: false }
				]
			})
		);
		expect(problems.headers.map((h) => h.index)).toEqual([0, 1]);
		expect(problems.headers[0].message).toMatch(/may not set Cookie/);
		expect(problems.bodyIgnored).toMatch(/GET request has no body/);
		expect(checkDraft(draft({ headers: [] })).contentType).toMatch(/text\/plain/);
		expect(checkDraft(draft({ url: 'https://example.com/api/' })).url).toMatch(
			/only visits the simulated site/
		);
		expect(checkDraft(draft({ url: 'http://exa mple/' })).url).toMatch(/not an address/);
		expect(draftRequest(draft({ url: '/api/products/' })).url).toBe(
			'https://mysite.test/api/products/'
		);
		expect(isForbiddenHeader('Proxy-Authorization')).toBe(true);
		expect(isForbiddenHeader('Authorization')).toBe(false);
	});

	it('sends only enabled, allowed headers, and no body on GET', () => {
		const request = draftRequest(
			draft({
				method: 'GET',
				headers: [
					{ name: 'Accept', value: 'application/json', enabled: true },
					{ name: 'X-Off', value: '1', enabled: false },
					{ name: 'Host', value: 'evil', enabled: true }
				]
			})
		);
		expect(request).toEqual({
			method: 'GET',
			url: 'https://mysite.test/api/orders/',
			headers: [['Accept', 'application/json']],
			body: { kind: 'none' }
		});
	});

	it('turns a form request from the history back into an editable draft', () => {
		const d = requestDraft({
			method: 'POST',
			url: 'https://mysite.test/accounts/login/',
			headers: [],
			body: { kind: 'urlencoded', entries: [['username', 'alice']] }
		});
		expect(d).toMatchObject({ method: 'POST', bodyMode: 'text', body: 'username=alice' });
		expect(d.headers[0].value).toBe('application/x-www-form-urlencoded');
	});
});

describe('fetch options', () => {
	it('always include credentials and follow redirects; a form body is urlencoded without charset', () => {
		const init = toFetchInit({
			method: 'POST',
			url: 'https://mysite.test/x/',
			headers: [],
			body: { kind: 'urlencoded', entries: [['a', 'b c']] }
		});
		expect(init.credentials).toBe('include');
		expect(init.redirect).toBe('follow');
		expect(init.body).toBe('a=b+c');
		expect(new Headers(init.headers).get('content-type')).toBe('application/x-www-form-urlencoded');
	});
});

describe('the shop order script, done by the mini browser', () => {
	const entries = [
		['csrfmiddlewaretoken', 'formtok'],
		['product', '3'],
		['quantity', '2']
	] as const;

	it('sends the form as JSON with the CSRF token in X-CSRFToken', () => {
		const request = orderApiRequest(
			entries,
			'/api/orders/',
			'https://mysite.test/shop/order/',
			'cookietok'
		);
		expect(request).toEqual({
			method: 'POST',
			url: 'https://mysite.test/api/orders/',
			headers: [
				['Content-Type', 'application/json'],
				['Accept', 'application/json'],
				['X-CSRFToken', 'formtok']
			],
			body: { kind: 'text', text: '{"product":3,"quantity":2}' }
		});
		const noField = orderApiRequest(
			entries.slice(1),
			'/api/orders/',
			'https://mysite.test/',
			'cookietok'
		);
		expect(noField.headers).toContainEqual(['X-CSRFToken', 'cookietok']);
	});

	it('opens the success URL with the id, or shows the API’s messages', () => {
		expect(orderSuccessUrl('/shop/orders/{id}/', 12, 'https://mysite.test/shop/order/')).toBe(
			'https://mysite.test/shop/orders/12/'
		);
		expect(
			orderErrorText(400, '{"quantity": ["Ensure this value is greater than or equal to 1."]}')
		).toBe('quantity: Ensure this value is greater than or equal to 1.');
		expect(orderErrorText(403, '{"detail": "CSRF Failed: CSRF token missing."}')).toBe(
			'detail: CSRF Failed: CSRF token missing.'
		);
		expect(orderErrorText(502, '<h1>Bad Gateway</h1>')).toBe(
			'The API answered 502: <h1>Bad Gateway</h1>'
		);
	});
});

describe('after the order script hears from the API', () => {
	const answer = (status: number, text: string): ClientResponse => ({
		ok: true,
		status,
		statusText: '',
		headers: [],
		url: 'https://mysite.test/api/orders/',
		redirected: false,
		traceId: null,
		contentType: 'application/json',
		body: { kind: 'text', text },
		wallMs: 1
	});
	const page = 'https://mysite.test/shop/order/';

	it('opens the confirmation on 201, shows the messages otherwise', () => {
		expect(orderOutcome(answer(201, '{"id": 5}'), '/shop/orders/{id}/', page)).toEqual({
			kind: 'open',
			url: 'https://mysite.test/shop/orders/5/'
		});
		expect(orderOutcome(answer(400, '{"quantity": ["Too few."]}'), '/x/{id}/', page)).toEqual({
			kind: 'api-error',
			status: 400,
			message: 'quantity: Too few.'
		});
		expect(
			orderOutcome({ ok: false, aborted: false, raw: 'TypeError', message: 'No server' }, '', page)
		).toEqual({ kind: 'failed', message: 'No server' });
	});
});

describe('pages in the mini browser', () => {
	it('get a <base href> first in the head, whatever the markup', () => {
		const url = 'https://mysite.test/blog/3/';
		expect(
			withBase('<!DOCTYPE html><html lang="en"><head><title>x</title></head></html>', url)
		).toBe(
			'<!DOCTYPE html><html lang="en"><head><base href="https://mysite.test/blog/3/"><title>x</title></head></html>'
		);
		expect(withBase('<html><body>hi</body></html>', url)).toBe(
			'<html><head><base href="https://mysite.test/blog/3/"></head><body>hi</body></html>'
		);
		expect(withBase('<p>hi</p>', 'https://mysite.test/?a="b"')).toBe(
			'<base href="https://mysite.test/?a=&quot;b&quot;"><p>hi</p>'
		);
		expect(withBase('<header>not a head</header>', url)).toBe(
			'<base href="https://mysite.test/blog/3/"><header>not a head</header>'
		);
	});

	it('are shown by Content-Type, as a browser would', () => {
		expect(viewKind('text/html; charset=utf-8', true)).toBe('html');
		expect(viewKind('application/json', true)).toBe('json');
		expect(viewKind('application/problem+json', true)).toBe('json');
		expect(viewKind('text/css', true)).toBe('text');
		expect(viewKind('image/svg+xml', true)).toBe('image');
		expect(viewKind('application/zip', true)).toBe('download');
		expect(viewKind('text/html', false)).toBe('empty');
		expect(pageTitle('<title>\n  Post &amp; comments – mysite </title>')).toBe(
			'Post & comments – mysite'
		);
	});
});

describe('CookieJar extensions', () => {
	const site = 'https://mysite.test/';

	it('shows scripts only what document.cookie would, and deletes one cookie', async () => {
		const jar = new CookieJar();
		jar.store(site, [
			'sessionid=s; HttpOnly; Path=/',
			'csrftoken=t; Path=/',
			'other=o; Path=/shop'
		]);
		expect(jar.documentCookie(site)).toBe('csrftoken=t');
		expect(jar.readByScript(site, 'csrftoken')).toBe('t');
		expect(jar.readByScript(site, 'sessionid')).toBeUndefined();
		expect(
			jar
				.listFor(site)
				.map((c) => c.name)
				.sort()
		).toEqual(['csrftoken', 'other', 'sessionid']);
		expect(jar.listFor('https://elsewhere.test/')).toEqual([]);
		expect(jar.list()[0].hostOnly).toBe(true);
		const seen: number[] = [];
		jar.subscribe((cookies) => seen.push(cookies.length));
		await jar.remove({ name: 'sessionid', domain: 'mysite.test', path: '/' });
		expect(jar.cookieHeader(site)).toBe('csrftoken=t');
		expect(seen).toEqual([3, 2]);
	});
});
