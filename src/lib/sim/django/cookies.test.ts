import { describe, expect, it } from 'vitest';
import { formatSetCookie, parseCookie, pyQuote } from './cookies';
import {
	HttpResponse,
	JsonResponse,
	HttpResponseNotAllowed,
	HttpResponseRedirect,
	pyJsonDumps
} from './http-response';
import { QueryDict } from './query-dict';

// Expected strings were produced with CPython 3.11's http.cookies and Django 5.2.

describe('Set-Cookie as SimpleCookie writes it', () => {
	it('sorts attributes by name and writes flags bare', () => {
		expect(
			formatSetCookie({
				key: 'sessionid',
				value: 'abc',
				'max-age': 1209600,
				expires: 'Mon, 07 Dec 2026 10:00:00 GMT',
				path: '/',
				httponly: true,
				samesite: 'Lax',
				secure: true,
				domain: 'mysite.test'
			})
		).toBe(
			'sessionid=abc; Domain=mysite.test; expires=Mon, 07 Dec 2026 10:00:00 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax; Secure'
		);
	});

	it('quotes values as Python does', () => {
		expect(pyQuote('')).toBe('""');
		expect(pyQuote('a b"c;d,é')).toBe('"a b\\"c\\073d\\054\\351"');
		expect(pyQuote('plain-Value_1')).toBe('plain-Value_1');
	});

	it('set_cookie with max_age adds expires; delete_cookie empties and expires in 1970', () => {
		const response = new HttpResponse();
		response.set_cookie('sessionid', 'k1', { max_age: 1209600, httponly: true, samesite: 'Lax' });
		expect(response.setCookieLines()[0]).toMatch(
			/^sessionid=k1; expires=\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT; HttpOnly; Max-Age=1209600; Path=\/; SameSite=Lax$/
		);
		response.delete_cookie('sessionid', { samesite: 'Lax' });
		expect(response.setCookieLines()).toEqual([
			'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax'
		]);
	});

	it('parses a Cookie header leniently, as parse_cookie', () => {
		expect(parseCookie('a=1; b="x\\073y"; novalue; c=2=3; ; d = 4 ')).toEqual({
			a: '1',
			b: 'x;y',
			'': 'novalue',
			c: '2=3',
			d: '4'
		});
	});
});

describe('responses', () => {
	it('default to text/html; charset=utf-8 and Django’s reason phrases', () => {
		const response = new HttpResponse('hi', { status: 418 });
		expect(response.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.reason_phrase).toBe("I'm a Teapot");
		expect(new HttpResponse('', { status: 599 }).reason_phrase).toBe('Unknown Status Code');
	});

	it('405 lists the allowed methods; redirects carry Location', () => {
		expect(new HttpResponseNotAllowed(['GET', 'POST']).get('Allow')).toBe('GET, POST');
		const redirect = new HttpResponseRedirect('/accounts/login/?next=/blog/new/');
		expect([redirect.status_code, redirect.get('Location')]).toEqual([
			302,
			'/accounts/login/?next=/blog/new/'
		]);
	});

	it('JSON like json.dumps: spaces after separators, non-ASCII escaped, dates ISO', () => {
		expect(pyJsonDumps({ a: [1, 'x,y: z'], é: null })).toBe(
			'{"a": [1, "x,y: z"], "\\u00e9": null}'
		);
		expect(pyJsonDumps({ at: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) })).toBe(
			'{"at": "2026-01-02T03:04:05Z"}'
		);
		expect(new JsonResponse({ detail: 'ok' }, { status: 201 }).content).toBe('{"detail": "ok"}');
	});
});

describe('QueryDict', () => {
	it('parses as parse_qsl(keep_blank_values=True): repeats, blanks, +, broken escapes', () => {
		const q = new QueryDict('a=1&a=2&b=&c=%C3%A9+x&d&=e&f=%zz&g=%ff');
		expect(q.getlist('a')).toEqual(['1', '2']);
		expect(q.get('a')).toBe('2');
		expect(q.get('b')).toBe('');
		expect(q.get('c')).toBe('é x');
		expect(q.get('d')).toBe('');
		expect(q.get('')).toBe('e');
		expect(q.get('f')).toBe('%zz');
		expect(q.get('g')).toBe('\ufffd');
		expect(q.get('missing', 'fallback')).toBe('fallback');
		expect(q.urlencode()).toBe('a=1&a=2&b=&c=%C3%A9+x&d=&=e&f=%25zz&g=%EF%BF%BD');
	});

	it('refuses more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields', () => {
		expect(
			() => new QueryDict(Array.from({ length: 1001 }, (_, i) => `f${i}=1`).join('&'))
		).toThrow('DATA_UPLOAD_MAX_NUMBER_FIELDS');
	});
});

describe('redirect locations', () => {
	it('encode as iri_to_uri does, keeping existing escapes', async () => {
		const { iriToUri } = await import('./http-response');
		expect(iriToUri('/a b/é?next=/x%3Fy&z=<>"')).toBe('/a%20b/%C3%A9?next=/x%3Fy&z=%3C%3E%22');
	});
});
