import { describe, expect, it } from 'vitest';
import { TraceRecorder } from '../trace';
import { HttpRequest, splitDomainPort, validateHost } from './http-request';
import { makeSettings } from './settings';

function request(environ: Record<string, string>, text = '') {
	const body = new TextEncoder().encode(text);
	const sim = { recorder: new TraceRecorder(), settings: makeSettings(), now: () => new Date(0) };
	return new HttpRequest({ REQUEST_METHOD: 'GET', PATH_INFO: '/', ...environ }, body, sim);
}

describe('HttpRequest', () => {
	it('knows it came over HTTPS from nginx’s X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER)', () => {
		const r = request({
			HTTP_HOST: 'mysite.test',
			HTTP_X_FORWARDED_PROTO: 'https',
			PATH_INFO: '/blog/',
			QUERY_STRING: 'page=2'
		});
		expect(r.is_secure()).toBe(true);
		expect(r.build_absolute_uri()).toBe('https://mysite.test/blog/?page=2');
		expect(r.build_absolute_uri('/accounts/login/')).toBe('https://mysite.test/accounts/login/');
		expect(r.build_absolute_uri('3/')).toBe('https://mysite.test/blog/3/');
		expect(request({ HTTP_HOST: 'mysite.test' }).is_secure()).toBe(false);
	});

	it('reads headers without case, cookies leniently, and the query string lazily', () => {
		const r = request({
			HTTP_X_CSRFTOKEN: 'abc',
			CONTENT_TYPE: 'text/plain; charset=utf-8',
			HTTP_COOKIE: 'a=1; b=2',
			QUERY_STRING: 'x=1&x=2'
		});
		expect(r.headers.get('x-csrftoken')).toBe('abc');
		expect(r.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
		expect([r.content_type, r.content_params]).toEqual(['text/plain', { charset: 'utf-8' }]);
		expect(r.COOKIES).toEqual({ a: '1', b: '2' });
		expect(r.GET.getlist('x')).toEqual(['1', '2']);
	});

	it('parses POST only for forms', () => {
		const form = request(
			{ REQUEST_METHOD: 'POST', CONTENT_TYPE: 'application/x-www-form-urlencoded' },
			'a=1&b=%C3%A9'
		);
		expect(form.POST.toJSON()).toEqual({ a: '1', b: 'é' });
		const json = request({ REQUEST_METHOD: 'POST', CONTENT_TYPE: 'application/json' }, '{"a": 1}');
		expect(json.POST.size).toBe(0);
		expect(new TextDecoder().decode(json.body)).toBe('{"a": 1}');
		const broken = request({ REQUEST_METHOD: 'POST', CONTENT_TYPE: 'multipart/form-data' }, 'x');
		expect(() => broken.POST).toThrow('Invalid boundary in multipart: None');
	});

	it('checks the host against ALLOWED_HOSTS as Django does', () => {
		expect(request({ HTTP_HOST: 'mysite.test:8000' }).get_host()).toBe('mysite.test:8000');
		expect(() => request({ HTTP_HOST: 'evil.test' }).get_host()).toThrow(
			"Invalid HTTP_HOST header: 'evil.test'. You may need to add 'evil.test' to ALLOWED_HOSTS."
		);
		expect(() => request({ HTTP_HOST: 'bad host!' }).get_host()).toThrow(
			"Invalid HTTP_HOST header: 'bad host!'. The domain name provided is not valid according to RFC 1034/1035."
		);
		expect(splitDomainPort('[::1]:8000')).toEqual(['[::1]', '8000']);
		expect(validateHost('a.mysite.test', ['.mysite.test'])).toBe(true);
	});
});
