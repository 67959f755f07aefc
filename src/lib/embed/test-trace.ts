/** A small trace for this folder's unit tests (the end-to-end tests use real ones). */
import type { Trace } from '$lib/sim/types';

export const sampleTrace: Trace = {
	id: 'tr-1',
	method: 'GET',
	url: 'https://mysite.test/blog/3/?ref=home',
	status: 200,
	startedAt: Date.UTC(2026, 10, 23, 12, 0, 0),
	totalMs: 30,
	timings: { browser: 0, 'web-server': 2, 'app-server': 3, middleware: 1, view: 4, database: 1 },
	request: {
		method: 'GET',
		url: 'https://mysite.test/blog/3/?ref=home',
		headers: [
			['Host', 'mysite.test'],
			['Cookie', 'sessionid=abc; csrftoken=xyz']
		],
		body: ''
	},
	response: {
		status: 200,
		statusText: 'OK',
		headers: [
			['Content-Type', 'text/html; charset=utf-8'],
			[
				'Set-Cookie',
				'csrftoken=new; expires=Mon, 22 Nov 2027 12:00:00 GMT; Max-Age=31449600; Path=/; SameSite=Lax'
			]
		],
		body: '<h1>Hello; #3</h1>'
	},
	hops: [
		{
			index: 0,
			from: 'browser',
			to: 'web-server',
			kind: 'request',
			direction: 'in',
			summary: 'The browser sends GET /blog/3/ to the web server.',
			durationMs: 0,
			atMs: 0,
			detail: { http: 'GET /blog/3/?ref=home HTTP/1.1\r\nHost: mysite.test\r\n\r\n' }
		},
		{
			index: 1,
			from: 'middleware',
			to: 'middleware',
			kind: 'middleware',
			direction: 'in',
			summary: 'SessionMiddleware loads the session.',
			durationMs: 1,
			atMs: 5,
			detail: { middleware: { name: 'SessionMiddleware', phase: 'request', note: 'loaded' } }
		},
		{
			index: 2,
			from: 'model',
			to: 'database',
			kind: 'query',
			direction: 'in',
			summary: 'The ORM sends one SELECT.',
			durationMs: 1,
			atMs: 10,
			detail: {
				query: {
					orm: 'Post.objects.get(pk=3)',
					sql: 'SELECT "blog_post"."id" FROM "blog_post" WHERE "blog_post"."id" = ? LIMIT 21',
					params: [3],
					columns: ['id'],
					rows: [[3]]
				}
			}
		},
		{
			index: 3,
			from: 'web-server',
			to: 'browser',
			kind: 'response',
			direction: 'out',
			summary: 'The web server sends 200 OK back.',
			durationMs: 1,
			atMs: 30,
			detail: { http: 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<h1>Hello</h1>' }
		}
	]
};

/** A callback whose view exchanges a code with the identity provider, server to server. */
export const outboundTrace: Trace = {
	...sampleTrace,
	id: 'tr-2',
	url: 'https://mysite.test/accounts/oidc/callback/?code=abc&state=xyz',
	status: 302,
	hops: [
		sampleTrace.hops[0],
		{
			index: 1,
			from: 'view',
			to: 'identity-provider',
			kind: 'request',
			direction: 'in',
			summary: 'The view sends the code to the identity provider, server to server.',
			durationMs: 15,
			atMs: 8,
			detail: {
				http: 'POST /token HTTP/1.1\r\nHost: id.example.test\r\n\r\ngrant_type=authorization_code'
			}
		},
		{
			index: 2,
			from: 'identity-provider',
			to: 'view',
			kind: 'response',
			direction: 'out',
			summary: 'id.example.test answers 200 OK.',
			durationMs: 15,
			atMs: 25,
			detail: { http: 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"id_token":"e"}' }
		},
		{ ...sampleTrace.hops[3], index: 3, atMs: 45 }
	]
};
