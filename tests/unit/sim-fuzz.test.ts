/**
 * Thousands of random and malformed requests through the whole simulated site (nginx → gunicorn →
 * Django → SQLite, the real demo project): broken percent-encoding, odd and lowercase methods,
 * huge headers, random bodies and content types, invalid JSON, random paths, forged hosts, missing
 * or wrong CSRF tokens. Every one must get a well-formed HTTP response and a well-formed trace,
 * and a request that fails (4xx, 5xx) must leave the database byte for byte as it was.
 *
 * The generator is seeded: a failure prints its seed and request, and `FUZZ_SEED=<n>` replays it.
 */
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSite, type Site } from '../../src/lib/sim/site';
import { USERS } from '../../src/lib/sim/mysite';
import type { SimRequest, SimResponse, Trace } from '../../src/lib/sim/types';
import { decodeUtf8, utf8 } from '../../src/lib/sim/http/bytes';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const COUNT = Number(process.env.FUZZ_COUNT ?? 2000);

/** mulberry32: small, fast, good enough to explore inputs, and the same sequence every run. */
function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(items: readonly T[]): T => items[int(items.length)];
	const chance = (p: number) => next() < p;
	return { next, int, pick, chance };
}
type Random = ReturnType<typeof prng>;

const PATHS = [
	'/',
	'/blog/',
	'/blog/1/',
	'/blog/3/',
	'/blog/99/',
	'/blog/1/comment/',
	'/blog/new/',
	'/blog/1/edit/',
	'/blog/2/delete/',
	'/blog/archive/2026/',
	'/blog/latest/',
	'/shop/',
	'/shop/products/tea/',
	'/shop/order/',
	'/shop/orders/1/',
	'/accounts/login/',
	'/accounts/logout/',
	'/accounts/profile/',
	'/accounts/users/alice/',
	'/accounts/users/bob/edit/',
	'/api/products/',
	'/api/orders/',
	'/api/orders/1/',
	'/api/posts/',
	'/api/posts/1/',
	'/reports/slow/',
	'/boom/',
	'/static/css/site.css',
	'/static/img/logo.svg',
	'/static/js/site.js',
	'/static/shop/order.js',
	'/static/../settings.py',
	'/static/%2e%2e/settings.py',
	'/static/%252e%252e/settings.py',
	'/blog',
	'/api/orders'
];
const METHODS = [
	'GET',
	'GET',
	'GET',
	'POST',
	'POST',
	'PUT',
	'PATCH',
	'DELETE',
	'HEAD',
	'OPTIONS',
	'TRACE',
	'BREW',
	'get',
	'G T',
	''
];
const ODD = [
	'%zz',
	'%',
	'%e9',
	'%C3%A9',
	'%00',
	'..',
	'//',
	'é',
	'<script>',
	"'",
	'"',
	';',
	'%2F',
	'~',
	'+',
	' '
];
const CONTENT_TYPES = [
	'application/json',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=XyZ',
	'multipart/form-data',
	'text/plain',
	'application/xml',
	'json',
	';;;',
	'application/json; charset=latin-1'
];

function randomText(r: Random, max: number): string {
	const alphabet = 'abcXYZ019 -_.~%&=+?/#:;,"\'<>{}[]\\é中\u00ff';
	let out = '';
	const length = r.int(max);
	for (let i = 0; i < length; i++) out += r.pick([...alphabet]);
	return out;
}

/** Latin-1 printable text: what a real fetch could put in a header value. */
function headerValue(r: Random, max: number): string {
	let out = '';
	const length = r.int(max);
	for (let i = 0; i < length; i++)
		out += String.fromCharCode(r.chance(0.9) ? 32 + r.int(95) : 160 + r.int(96));
	return out.trim();
}

function randomPath(r: Random): string {
	let path = r.pick(PATHS);
	if (r.chance(0.3)) path += r.pick(ODD) + randomText(r, 6);
	if (r.chance(0.1))
		path = `/${Array.from({ length: r.int(6) }, () => r.pick(ODD) + randomText(r, 5)).join('/')}`;
	if (r.chance(0.01)) path = `/${'a'.repeat(5000 + r.int(5000))}`;
	if (r.chance(0.25))
		path += `?${randomText(r, 12)}=${r.pick(ODD)}${randomText(r, 8)}&next=${r.pick(['/blog/', '//evil.test/', 'https://evil.test/', '%0d%0aX: y'])}`;
	return path;
}

function randomBody(r: Random): string {
	return r.pick([
		() => '',
		() => JSON.stringify({ product: r.int(5), quantity: r.pick([1, 0, -3, 'x', null, 1e9]) }),
		() =>
			JSON.stringify({ title: randomText(r, 30), body: randomText(r, 200), status: 'published' }),
		() => `{"product": ${r.int(9)}, "quantity": `,
		() => '{broken json',
		() =>
			`username=${r.pick(['alice', 'bob', 'mallory', ''])}&password=${randomText(r, 10)}&csrfmiddlewaretoken=${randomText(r, 64)}`,
		() => `text=${encodeURIComponent(randomText(r, 50))}&csrfmiddlewaretoken=${'a'.repeat(32)}`,
		() => Array.from({ length: 1100 }, (_, i) => `f${i}=1`).join('&'),
		() => '--XyZ\r\nContent-Disposition: form-data; name="text"\r\n\r\nhi\r\n--XyZ--\r\n',
		() => '--XyZ\r\ngarbage',
		() => randomText(r, 400),
		() => 'x'.repeat(r.chance(0.1) ? 1024 * 1024 + 1 : 2000)
	])();
}

function randomRequest(r: Random): SimRequest {
	const method = r.pick(METHODS);
	const headers: Array<[string, string]> = [];
	if (r.chance(0.6)) headers.push(['Content-Type', r.pick(CONTENT_TYPES)]);
	if (r.chance(0.5)) {
		headers.push([
			'Cookie',
			r.pick([
				`csrftoken=${'a'.repeat(32)}`,
				`csrftoken=${randomText(r, 70)}`,
				`sessionid=${headerValue(r, 40)}`,
				headerValue(r, 60),
				`csrftoken=${'a'.repeat(32)}; sessionid=${'z'.repeat(32)}`
			])
		]);
	}
	if (r.chance(0.3))
		headers.push(['X-CSRFToken', r.pick(['a'.repeat(32), headerValue(r, 70), 'b'.repeat(64)])]);
	if (r.chance(0.4))
		headers.push([
			'Origin',
			r.pick(['https://mysite.test', 'https://evil.test', 'null', headerValue(r, 20)])
		]);
	if (r.chance(0.3))
		headers.push([
			'Referer',
			r.pick(['https://mysite.test/blog/', 'http://mysite.test/', headerValue(r, 30)])
		]);
	if (r.chance(0.3)) {
		headers.push([
			'Authorization',
			r.pick([
				`Token ${USERS.alice.token}`,
				`Token ${USERS.bob.token}`,
				`Token ${headerValue(r, 40)}`,
				'Token',
				'Basic YWxpY2U6d29uZGVybGFuZA==',
				headerValue(r, 30)
			])
		]);
	}
	if (r.chance(0.1))
		headers.push([
			'Host',
			r.pick(['evil.test', 'mysite.test:8080', '', '[::1]', headerValue(r, 20)])
		]);
	if (r.chance(0.1))
		headers.push([r.pick(['X_Under', 'X-Random', 'Accept', 'If-None-Match']), headerValue(r, 80)]);
	if (r.chance(0.02)) headers.push(['X-Huge', 'h'.repeat(9000)]);
	if (r.chance(0.02)) for (let i = 0; i < 8; i++) headers.push([`X-Many-${i}`, 'm'.repeat(4100)]);
	const body = method === 'GET' || method === 'HEAD' ? '' : randomBody(r);
	return { method, url: `https://mysite.test${randomPath(r)}`, headers, body: utf8(body) };
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function checkResponse(response: SimResponse, request: SimRequest): void {
	expect(Number.isInteger(response.status)).toBe(true);
	expect(response.status).toBeGreaterThanOrEqual(200);
	expect(response.status).toBeLessThan(600);
	expect(response.statusText.length).toBeGreaterThan(0);
	for (const [name, value] of response.headers) {
		expect(name).toMatch(TOKEN);
		expect(value).not.toMatch(/[\r\n\0]/);
	}
	// The real Response the page gets must be constructible from these headers.
	expect(
		() => new Headers(response.headers.map(([n, v]) => [n, v] as [string, string]))
	).not.toThrow();
	const header = (name: string) => response.headers.find(([n]) => n.toLowerCase() === name)?.[1];
	expect(header('x-trace-id')).toBeTruthy();
	expect(header('server-timing')).toMatch(/^[a-z-]+;dur=[\d.]+(, [a-z-]+;dur=[\d.]+)*$/);
	const length = header('content-length');
	if (length !== undefined && request.method !== 'HEAD' && response.status !== 304) {
		expect(Number(length)).toBe(new TextEncoder().encode(response.body).length);
	}
}

function checkTrace(trace: Trace, response: SimResponse): void {
	expect(trace.status).toBe(response.status);
	expect(Object.isFrozen(trace) && Object.isFrozen(trace.hops)).toBe(true);
	expect(trace.hops[0].from).toBe('browser');
	expect(trace.hops[trace.hops.length - 1].to).toBe('browser');
	trace.hops.forEach((hop, i) => {
		expect(hop.index).toBe(i);
		expect(hop.summary.length).toBeGreaterThan(0);
		if (i > 0) expect(hop.atMs).toBeGreaterThanOrEqual(trace.hops[i - 1].atMs);
	});
	expect(JSON.parse(JSON.stringify(trace)).hops).toHaveLength(trace.hops.length);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

let site: Site;
let clock = Date.UTC(2026, 10, 23, 9, 0, 0);
beforeAll(async () => {
	// Each request arrives two minutes after the last, so no request waits for a killed worker.
	site = await createSite({ sqlJs: await initSqlJs(), now: () => clock });
});

describe(`fuzzing the whole stack (seed ${SEED}, ${COUNT} requests)`, () => {
	it(
		'answers every request well-formed, and failed requests change nothing',
		{ timeout: 60_000 },
		async () => {
			const r = prng(SEED);
			const statuses = new Map<number, number>();
			for (let i = 0; i < COUNT; i++) {
				clock += 120_000;
				const request = randomRequest(r);
				if (i % 50 === 0) site.configure({ debug: r.chance(0.5) });
				const before = site.db.export();
				let handled;
				try {
					handled = await site.handle(request);
					checkResponse(handled.response, request);
					checkTrace(handled.trace, handled.response);
					if (handled.response.status >= 400)
						expect(sameBytes(site.db.export(), before)).toBe(true);
				} catch (error) {
					const shown = JSON.stringify({
						...request,
						body: decodeUtf8(request.body).slice(0, 300)
					});
					throw new Error(
						`request #${i} (FUZZ_SEED=${SEED}) ${shown} → ${handled?.response.status}: ${String(error)}`,
						{ cause: error }
					);
				}
				statuses.set(handled.response.status, (statuses.get(handled.response.status) ?? 0) + 1);
			}
			// The fuzz reached a variety of answers, not one error page for everything.
			expect([...statuses.keys()].length).toBeGreaterThan(8);
			for (const status of [200, 302, 400, 403, 404]) expect(statuses.has(status)).toBe(true);
			const home = await site.handle({
				method: 'GET',
				url: 'https://mysite.test/',
				headers: [],
				body: new Uint8Array()
			});
			expect(home.response.status).toBe(200);
		}
	);
});
