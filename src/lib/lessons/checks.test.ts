import { describe, expect, it } from 'vitest';
import type { Hop, Trace } from '$lib/sim/types';
import {
	challengeCheckSchema,
	challengeMet,
	failures,
	meets,
	traceCheckSchema,
	wildcard
} from './checks';

function hop(from: Hop['from'], to: Hop['to'], kind: Hop['kind'], detail: Hop['detail'] = {}): Hop {
	return { index: 0, from, to, kind, direction: 'in', summary: '', durationMs: 0, atMs: 0, detail };
}

function trace(over: Partial<Trace> & { hops: Hop[] }): Trace {
	const method = over.method ?? 'GET';
	const url = over.url ?? 'https://mysite.test/blog/';
	const status = over.status ?? 200;
	return {
		id: 't',
		method,
		url,
		status,
		startedAt: 0,
		totalMs: 1,
		timings: {},
		request: { method, url, headers: [], body: '' },
		response: { status, statusText: '', headers: [], body: '' },
		...over
	};
}

const staticFile = trace({
	url: 'https://mysite.test/static/css/site.css',
	hops: [
		hop('browser', 'web-server', 'request'),
		hop('web-server', 'web-server', 'static'),
		hop('web-server', 'browser', 'response')
	]
});

const notFound = trace({
	url: 'https://mysite.test/blog/abc/',
	status: 404,
	hops: [
		hop('browser', 'web-server', 'request'),
		hop('web-server', 'app-server', 'request'),
		hop('app-server', 'middleware', 'request'),
		hop('middleware', 'url-resolver', 'resolve', {
			resolver: { path: '/blog/abc/', tried: [{ route: 'blog/<int:pk>/', matched: false }] }
		})
	]
});

const deleteAsBob = trace({
	method: 'DELETE',
	url: 'https://mysite.test/api/posts/1/',
	status: 403,
	request: {
		method: 'DELETE',
		url: 'https://mysite.test/api/posts/1/',
		headers: [['Authorization', 'Token 2f1c9e1b0d7a4e3c8b6a5f4d3c2b1a0f9e8d7c6b']],
		body: ''
	},
	hops: [
		hop('middleware', 'url-resolver', 'resolve', {
			resolver: {
				path: '/api/posts/1/',
				tried: [],
				match: {
					route: 'api/posts/<int:pk>/',
					viewName: 'api.views.PostDetail',
					urlName: 'post_detail',
					namespace: 'api',
					args: [],
					kwargs: { pk: 1 }
				}
			}
		}),
		hop('middleware', 'middleware', 'middleware', { state: { user: 'bob' } }),
		hop('view', 'model', 'call'),
		hop('model', 'database', 'query', {
			query: {
				orm: '',
				sql: 'SELECT * FROM "blog_post" WHERE "id" = %s',
				params: [1],
				columns: [],
				rows: []
			}
		})
	]
});

describe('the check language', () => {
	it('matches the examples of the brief', () => {
		expect(meets({ status: 404, resolver: { matched: false } }, notFound)).toBe(true);
		expect(
			meets({ method: 'DELETE', path: '/api/posts/1/', status: 403, user: 'bob' }, deleteAsBob)
		).toBe(true);
		expect(meets({ servedBy: 'web-server' }, staticFile)).toBe(true);
	});

	it('says why a trace does not match', () => {
		expect(failures({ servedBy: 'web-server', status: 200 }, notFound)).toEqual([
			'the status was 404',
			'the request went as far as django'
		]);
		expect(failures({ user: 'alice' }, deleteAsBob)).toEqual(['Django saw the user as bob']);
		expect(failures({ resolver: { matched: true } }, staticFile)).toEqual([
			'the URL resolver never ran'
		]);
	});

	it('reads status classes, lists, wildcards, headers, SQL, reaches and skips', () => {
		expect(meets({ status: '4xx' }, notFound)).toBe(true);
		expect(meets({ status: [301, 302] }, notFound)).toBe(false);
		expect(meets({ path: '/api/posts/*/' }, deleteAsBob)).toBe(true);
		expect(meets({ requestHeader: { authorization: 'Token *' } }, deleteAsBob)).toBe(true);
		expect(meets({ sqlContains: 'from "blog_post"' }, deleteAsBob)).toBe(true);
		expect(meets({ reaches: ['database'], skips: ['template'] }, deleteAsBob)).toBe(true);
		expect(meets({ skips: ['app-server'] }, staticFile)).toBe(true);
		expect(
			meets({ resolver: { name: 'api:post_detail', view: 'api.views.PostDetail' } }, deleteAsBob)
		).toBe(true);
		expect(meets({ user: 'anonymous' }, notFound)).toBe(true);
	});

	it('combines with not and anyOf', () => {
		expect(meets({ not: { status: 200 } }, notFound)).toBe(true);
		expect(meets({ anyOf: [{ status: 200 }, { status: 404 }] }, notFound)).toBe(true);
		expect(meets({ anyOf: [{ status: 200 }, { status: 500 }] }, notFound)).toBe(false);
	});

	it('meets a list in order, with other requests in between', () => {
		const check = [{ servedBy: 'web-server' as const }, { status: 403 }];
		expect(challengeMet(check, [staticFile, notFound, deleteAsBob])).toBe(true);
		expect(challengeMet(check, [deleteAsBob, staticFile])).toBe(false);
	});

	it('rejects unknown keys and bad values when a lesson is built', () => {
		expect(traceCheckSchema.safeParse({ stauts: 404 }).success).toBe(false);
		expect(traceCheckSchema.safeParse({ status: '6xx' }).success).toBe(false);
		expect(traceCheckSchema.safeParse({ reaches: ['moon'] }).success).toBe(false);
		expect(traceCheckSchema.safeParse({ method: 'get' }).success).toBe(false);
		expect(
			challengeCheckSchema.safeParse([{ status: 200 }, { not: { status: 404 } }]).success
		).toBe(true);
	});

	it('treats only * as special in wildcards', () => {
		expect(wildcard('/blog/?page=*', '/blog/?page=2')).toBe(true);
		expect(wildcard('/blog/(x)', '/blog/(x)')).toBe(true);
		expect(wildcard('/blog/', '/blog/3/')).toBe(false);
	});
});

describe('a check in words', () => {
	it('reads as a sentence', async () => {
		const { describeChallengeCheck } = await import('./check-words');
		expect(
			describeChallengeCheck([
				{ method: 'DELETE', path: '/api/posts/1/', status: 403, user: 'bob' },
				{ status: 404, resolver: { matched: false }, servedBy: 'django' }
			])
		).toEqual([
			'A DELETE request to /api/posts/1/ where it gets status 403 and Django sees the user bob.',
			'A request where it gets status 404, it reaches Django and no URL pattern matches.'
		]);
	});
});
