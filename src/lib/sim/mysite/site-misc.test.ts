/** Static files, the slow report and the view that raises, through the whole simulated site. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../site';
import { makeSite, Visitor } from './test-site';

let site: Site;
beforeAll(async () => {
	site = await makeSite();
});
beforeEach(async () => {
	await site.reset();
});

describe('static files (nginx answers alone)', () => {
	it.each([
		['/static/css/site.css', 'text/css'],
		['/static/img/logo.svg', 'image/svg+xml'],
		['/static/js/site.js', 'application/javascript'],
		['/static/shop/order.js', 'application/javascript']
	])('serves %s as %s with ETag and Last-Modified, then 304', async (path, type) => {
		const visitor = new Visitor(site);
		const first = await visitor.get(path);
		expect(first.status).toBe(200);
		// Vitest empties every .css import, even ?raw, unless `test.css.include` names the file.
		expect(first.body.length).toBeGreaterThan(100);
		expect(first.header('Content-Type')).toContain(type);
		const etag = first.header('ETag');
		expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
		expect(first.header('Last-Modified')).toMatch(/GMT$/);
		expect(first.trace.hops.some((h) => h.to === 'app-server')).toBe(false);
		const again = await visitor.get(path, { 'If-None-Match': etag ?? '' });
		expect(again.status).toBe(304);
		expect(again.body).toBe('');
	});

	it('ships the order script that posts JSON with the CSRF header', async () => {
		const script = await new Visitor(site).get('/static/shop/order.js');
		expect(script.body).toContain("'X-CSRFToken'");
		expect(script.body).toContain("'Content-Type': 'application/json'");
		expect(script.body).toContain('form.dataset.apiUrl');
	});
});

describe('/reports/slow/', () => {
	it('takes 45 s of simulated time: gunicorn (30 s) kills the worker, nginx answers 502', async () => {
		const answer = await new Visitor(site).get('/reports/slow/');
		expect(answer.status).toBe(502);
		expect(answer.trace.totalMs).toBeGreaterThanOrEqual(30_000);
	});

	it('answers 200 after 45 s when both timeouts are longer', async () => {
		site.configure({ gunicornTimeoutS: 120, nginxProxyReadTimeoutS: 120 });
		const answer = await new Visitor(site).get('/reports/slow/');
		expect(answer.status).toBe(200);
		expect(answer.body).toBe('The yearly sales report is ready.');
		expect(answer.header('Content-Type')).toBe('text/plain');
		expect(answer.trace.totalMs).toBeGreaterThanOrEqual(45_000);
	});

	it('is a 504 when nginx stops waiting before the view is done', async () => {
		site.configure({ gunicornTimeoutS: 120, nginxProxyReadTimeoutS: 40 });
		const answer = await new Visitor(site).get('/reports/slow/');
		expect(answer.status).toBe(504);
	});
});

describe('/boom/', () => {
	it('shows the DEBUG page with the ZeroDivisionError and the line', async () => {
		const answer = await new Visitor(site).get('/boom/');
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('ZeroDivisionError');
		expect(answer.body).toContain('division by zero');
		expect(answer.body).toContain('average = 100 / orders_today');
	});

	it('shows only "Server Error (500)" when DEBUG is off', async () => {
		site.configure({ debug: false });
		const answer = await new Visitor(site).get('/boom/');
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('Server Error (500)');
		expect(answer.body).not.toContain('ZeroDivisionError');
	});
});
