import { describe, expect, it } from 'vitest';
import { outsideMessage, parseAddress } from './address';
import {
	formAttributes,
	formRequest,
	isSameDocumentFragment,
	linkRequest,
	resolveHref,
	type HasAttributes
} from './navigation';
import { canGoBack, canGoForward, currentUrl, EMPTY_HISTORY, go, visit } from './browser-history';

const attrs = (map: Record<string, string>): HasAttributes => ({
	getAttribute: (name) => map[name] ?? null
});

describe('parseAddress', () => {
	it('accepts a path, a host with a path, and a full URL', () => {
		expect(parseAddress('/blog/', 'https://mysite.test/shop/')).toEqual({
			ok: true,
			url: 'https://mysite.test/blog/'
		});
		expect(parseAddress('  mysite.test/blog/ ')).toEqual({
			ok: true,
			url: 'https://mysite.test/blog/'
		});
		expect(parseAddress('https://mysite.test/blog/3/?x=1')).toEqual({
			ok: true,
			url: 'https://mysite.test/blog/3/?x=1'
		});
		expect(parseAddress('mysite.test')).toEqual({ ok: true, url: 'https://mysite.test/' });
	});

	it('lets a mistyped test host through so the browser can fail like a DNS error', () => {
		expect(parseAddress('https://mysite.tset/')).toEqual({
			ok: true,
			url: 'https://mysite.tset/',
			unknownHost: 'mysite.tset'
		});
		expect(parseAddress('shop.test/')).toMatchObject({ unknownHost: 'shop.test' });
		expect(parseAddress('mysite.tets/')).toMatchObject({ unknownHost: 'mysite.tets' });
		expect(parseAddress('mysite.com/')).toMatchObject({ ok: false, reason: 'outside' });
	});

	it('refuses real internet hosts, other schemes and plain http for the simulated site', () => {
		expect(parseAddress('https://example.com/')).toMatchObject({ ok: false, reason: 'outside' });
		expect(parseAddress('javascript:alert(1)')).toMatchObject({ ok: false });
		expect(parseAddress('http://mysite.test/blog/')).toMatchObject({
			ok: false,
			message: expect.stringContaining('https://mysite.test/blog/')
		});
		expect(parseAddress('   ')).toMatchObject({ ok: false, reason: 'empty' });
		expect(parseAddress('https://exa mple.test/')).toMatchObject({ ok: false, reason: 'invalid' });
		expect(outsideMessage('mailto:')).toBe(
			'The mini browser only visits the simulated site, mysite.test; it does not open mailto: links.'
		);
	});
});

describe('links', () => {
	it('resolve against the page URL, as <base href> makes the iframe do', () => {
		const page = 'https://mysite.test/blog/3/';
		expect(resolveHref('comment/', page)?.href).toBe('https://mysite.test/blog/3/comment/');
		expect(resolveHref('../', page)?.href).toBe('https://mysite.test/blog/');
		expect(resolveHref('/shop/', page)?.href).toBe('https://mysite.test/shop/');
		expect(resolveHref('?page=2', 'https://mysite.test/blog/?page=1')?.href).toBe(
			'https://mysite.test/blog/?page=2'
		);
		expect(resolveHref('https://[::1', page)).toBeNull();
	});

	it('are GET requests without the fragment', () => {
		expect(linkRequest(new URL('https://mysite.test/blog/3/#comments'))).toEqual({
			method: 'GET',
			url: 'https://mysite.test/blog/3/',
			headers: [],
			body: { kind: 'none' }
		});
	});

	it('recognise a jump within the same page', () => {
		const here = 'https://mysite.test/blog/3/';
		expect(isSameDocumentFragment(new URL('#comments', here), here)).toBe(true);
		expect(isSameDocumentFragment(new URL('/blog/2/#comments', here), here)).toBe(false);
		expect(isSameDocumentFragment(new URL(here), here)).toBe(false);
	});
});

describe('forms', () => {
	const page = 'https://mysite.test/blog/3/';

	it('read method, action and enctype with getAttribute, the submitter overriding them', () => {
		expect(formAttributes(attrs({}))).toEqual({
			method: 'get',
			action: '',
			enctype: 'application/x-www-form-urlencoded'
		});
		const form = attrs({ method: 'POST', action: 'comment/', enctype: 'bogus' });
		expect(formAttributes(form)).toEqual({
			method: 'post',
			action: 'comment/',
			enctype: 'application/x-www-form-urlencoded'
		});
		const button = attrs({ formaction: '/elsewhere/', formmethod: 'get' });
		expect(formAttributes(form, button)).toMatchObject({ method: 'get', action: '/elsewhere/' });
		expect(formAttributes(attrs({ enctype: 'Multipart/Form-Data' })).enctype).toBe(
			'multipart/form-data'
		);
	});

	it('send a POST form urlencoded, the submitter name/value included', () => {
		const request = formRequest(
			{ method: 'post', action: 'comment/', enctype: 'application/x-www-form-urlencoded' },
			[
				['csrfmiddlewaretoken', 'abc'],
				['body', 'Nice post & thanks'],
				['save', 'Send']
			],
			page
		);
		expect(request).toEqual({
			method: 'POST',
			url: 'https://mysite.test/blog/3/comment/',
			headers: [],
			body: {
				kind: 'urlencoded',
				entries: [
					['csrfmiddlewaretoken', 'abc'],
					['body', 'Nice post & thanks'],
					['save', 'Send']
				]
			}
		});
	});

	it('put a GET form into the query string, replacing the action’s query', () => {
		const request = formRequest(
			{ method: 'get', action: '/blog/?page=9#top', enctype: 'application/x-www-form-urlencoded' },
			[
				['q', 'django forms'],
				['go', '']
			],
			page
		);
		expect(request?.url).toBe('https://mysite.test/blog/?q=django+forms&go=#top');
		expect(request?.method).toBe('GET');
		expect(request?.body).toEqual({ kind: 'none' });
	});

	it('go to the page itself when the action is empty, and support multipart and text/plain', () => {
		const multi = formRequest(
			{ method: 'post', action: '', enctype: 'multipart/form-data' },
			[['a', '1']],
			page
		);
		expect(multi).toMatchObject({ url: page, body: { kind: 'multipart' } });
		const plain = formRequest(
			{ method: 'post', action: '', enctype: 'text/plain' },
			[
				['a', '1'],
				['b', '2']
			],
			page
		);
		expect(plain?.body).toEqual({ kind: 'text', text: 'a=1\r\nb=2\r\n' });
		expect(
			formRequest({ method: 'dialog', action: '', enctype: 'text/plain' }, [], page)
		).toBeNull();
	});
});

describe('session history', () => {
	it('keeps pages as a browser does: a new visit forgets the pages ahead', () => {
		let h = visit(visit(visit(EMPTY_HISTORY, '/'), '/blog/'), '/blog/3/');
		expect(canGoForward(h)).toBe(false);
		h = go(h, -1);
		expect(currentUrl(h)).toBe('/blog/');
		expect(canGoForward(h)).toBe(true);
		h = visit(h, '/shop/');
		expect(h.urls).toEqual(['/', '/blog/', '/shop/']);
		expect(canGoForward(h)).toBe(false);
		expect(go(go(h, -2), -1)).toEqual({ urls: h.urls, index: 0 });
		expect(canGoBack(go(h, -2))).toBe(false);
	});
});
