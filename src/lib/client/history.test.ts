import { describe, expect, it } from 'vitest';
import type { Hop, Trace } from '$lib/sim/types';
import { HISTORY_LIMIT, RequestHistory } from './history.svelte';
import type { ClientRequest } from './request';

let n = 0;
function hop(index: number, to: 'web-server' | 'app-server'): Hop {
	const from = to === 'web-server' ? 'browser' : 'web-server';
	return {
		index,
		from,
		to,
		kind: 'request',
		direction: 'in',
		summary: '',
		durationMs: 1,
		atMs: index,
		detail: {}
	};
}
function trace(method: string, url: string, status: number, extra: Partial<Trace> = {}): Trace {
	const isStatic = url.includes('/static/');
	return {
		id: `t${++n}`,
		method,
		url,
		status,
		startedAt: Date.now(),
		totalMs: 10,
		timings: {},
		// A static file stops at the web server; anything else goes on to the app server.
		hops: isStatic ? [hop(0, 'web-server')] : [hop(0, 'web-server'), hop(1, 'app-server')],
		request: { method, url, headers: [], body: '' },
		response: extra.response ?? { status, statusText: '', headers: [], body: '' }
	};
}
const redirect = (method: string, url: string, status: number, location: string) =>
	trace(method, url, status, {
		response: { status, statusText: 'Found', headers: [['Location', location]], body: '' }
	});

const login: ClientRequest = {
	method: 'POST',
	url: 'https://mysite.test/accounts/login/',
	headers: [],
	body: { kind: 'urlencoded', entries: [['username', 'alice']] }
};

describe('RequestHistory', () => {
	it('groups a redirect and the page it leads to into the request that caused them', () => {
		const history = new RequestHistory();
		const id = history.begin('browser', login);
		const first = redirect('POST', login.url, 302, '/accounts/profile/');
		const second = trace('GET', 'https://mysite.test/accounts/profile/', 200);
		history.observe(first);
		history.observe(second);
		expect(history.entries).toHaveLength(1);
		expect(history.entries[0].state).toBe('pending');
		history.finish(id, {
			status: 200,
			statusText: 'OK',
			url: second.url,
			traceId: second.id
		});
		const [entry] = history.entries;
		expect(entry).toMatchObject({ state: 'done', status: 200, traceId: second.id });
		expect(entry.steps.map((s) => [s.method, s.status])).toEqual([
			['POST', 302],
			['GET', 200]
		]);
	});

	it('lists what the page loaded by itself, marking what the web server served alone', () => {
		const history = new RequestHistory();
		history.begin('browser', { ...login, method: 'GET', url: 'https://mysite.test/' });
		history.observe(trace('GET', 'https://mysite.test/', 200));
		history.observe(trace('GET', 'https://mysite.test/static/css/site.css', 200));
		expect(history.entries.map((e) => [e.source, e.request.url])).toEqual([
			['page', 'https://mysite.test/static/css/site.css'],
			['browser', 'https://mysite.test/']
		]);
		expect(history.entries[0].steps[0].webServerOnly).toBe(true);
		expect(history.entries[1].steps[0].webServerOnly).toBe(false);
	});

	it('records failures, keeps at most the limit, and clears all but pending requests', () => {
		const history = new RequestHistory();
		const failed = history.begin('console', { ...login, url: 'https://mysite.tset/' });
		history.fail(failed, 'The browser could not find a server at mysite.tset');
		expect(history.entries[0]).toMatchObject({ state: 'failed' });
		for (let i = 0; i < HISTORY_LIMIT + 5; i++)
			history.observe(trace('GET', `https://mysite.test/static/${i}.css`, 200));
		expect(history.entries).toHaveLength(HISTORY_LIMIT);
		history.begin('console', login);
		history.clear();
		expect(history.entries.map((e) => e.state)).toEqual(['pending']);
	});

	it('finds a trace by id for "Show in player" and the simulated time', () => {
		const history = new RequestHistory();
		const t = trace('GET', 'https://mysite.test/', 200);
		history.observe(t);
		expect(history.trace(t.id)?.totalMs).toBe(10);
	});
});
