import { beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../site';
import { createTinySite } from '../tiny-project';
import type { SimRequest } from '../types';
import { buildEnviron, wsgiToText } from './environ';

let site: Site;
let clock: number;
beforeEach(async () => {
	clock = Date.UTC(2026, 10, 23, 10, 0, 0);
	site = await createTinySite(() => clock);
});

const get = (path: string): SimRequest => ({
	method: 'GET',
	url: `https://mysite.test${path}`,
	headers: [],
	body: new Uint8Array()
});
const notes = () => site.db.run('SELECT COUNT(*) FROM notes').rows[0][0];

describe('the WSGI environ', () => {
	it('decodes PATH_INFO, keeps QUERY_STRING, and trusts nginx’s X-Forwarded-Proto', () => {
		const environ = buildEnviron({
			method: 'POST',
			target: '/caf%C3%A9/?q=a%20b',
			headers: [
				['Host', 'mysite.test'],
				['Content-Type', 'text/plain'],
				['Content-Length', '3'],
				['X-Forwarded-Proto', 'https'],
				['Accept', 'a'],
				['Accept', 'b']
			],
			remoteAddr: '127.0.0.1',
			remotePort: 50000
		});
		expect(wsgiToText(environ.PATH_INFO)).toBe('/café/');
		expect(environ).toMatchObject({
			QUERY_STRING: 'q=a%20b',
			CONTENT_TYPE: 'text/plain',
			CONTENT_LENGTH: '3',
			HTTP_ACCEPT: 'a,b',
			'wsgi.url_scheme': 'https',
			SERVER_PORT: '443'
		});
		expect(environ.HTTP_CONTENT_TYPE).toBeUndefined();
	});

	it('re-escapes bytes that are not UTF-8, as Django’s repercent_broken_unicode', () => {
		expect(wsgiToText('/a\xffb/')).toBe('/a%FFb/');
	});
});

describe('gunicorn’s workers in simulated time', () => {
	it('queues a request while every worker is busy, and shows the wait', async () => {
		site.configure({ workers: 1, gunicornTimeoutS: 60, nginxProxyReadTimeoutS: 90 });
		await site.handle(get('/slow/'));
		clock += 5_000;
		const { response, trace } = await site.handle(get('/'));
		expect(response.status).toBe(200);
		const wait = trace.hops.find((hop) => hop.kind === 'wait');
		expect(wait?.detail.queue).toMatchObject({ worker: 1, workers: 1 });
		expect(wait?.detail.queue?.waitedMs).toBeGreaterThan(39_000);
		expect(trace.totalMs).toBeGreaterThan(39_000);
	});

	it('uses a free worker at once when there is one', async () => {
		site.configure({ workers: 2, gunicornTimeoutS: 60, nginxProxyReadTimeoutS: 90 });
		await site.handle(get('/slow/'));
		const { trace } = await site.handle(get('/'));
		expect(trace.hops.some((hop) => hop.kind === 'wait')).toBe(false);
		expect(trace.hops.find((hop) => hop.detail.queue)?.detail.queue?.worker).toBe(2);
	});

	it('kills a worker after the timeout: nginx answers 502 and the view’s writes are undone', async () => {
		const before = notes();
		const { response, trace } = await site.handle(get('/slow/'));
		expect(response.status).toBe(502);
		expect(response.body).toContain('<title>502 Bad Gateway</title>');
		const kill = trace.hops.find((hop) => hop.detail.note?.includes('WORKER TIMEOUT'));
		expect(kill?.detail.note).toMatch(/^\[CRITICAL\] WORKER TIMEOUT \(pid:\d+\)/);
		expect(kill?.atMs).toBeCloseTo(
			30_000 + (trace.hops.find((h) => h.to === 'middleware')?.atMs ?? 0),
			-2
		);
		expect(
			trace.hops.some((hop) => hop.detail.note?.includes('upstream prematurely closed connection'))
		).toBe(true);
		expect(notes()).toBe(before);
	});

	it('never kills a worker with --timeout 0', async () => {
		site.configure({ gunicornTimeoutS: 0, nginxProxyReadTimeoutS: 90 });
		const { response } = await site.handle(get('/slow/'));
		expect(response.status).toBe(200);
	});

	it('gives nginx’s 504 when proxy_read_timeout passes first; Django still finishes', async () => {
		site.configure({ gunicornTimeoutS: 60, nginxProxyReadTimeoutS: 10 });
		const before = notes();
		const { response, trace } = await site.handle(get('/slow/'));
		expect(response.status).toBe(504);
		expect(response.statusText).toBe('Gateway Time-out');
		expect(response.body).toContain('<center><h1>504 Gateway Time-out</h1></center>');
		expect(trace.totalMs).toBeLessThan(11_000);
		expect(notes()).toBe(Number(before) + 1);
	});
});
