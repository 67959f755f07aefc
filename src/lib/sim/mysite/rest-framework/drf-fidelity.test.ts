/**
 * DRF 3.18 as the recorded real stack answers (issues 10 and 11): lazy parsing after
 * authentication and permissions, the default parsers, Python's JSON and UTF-8 errors, CharField's
 * and IntegerField's checks, SimpleMetadata, Vary, and the object permission hop in the trace.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../site';
import { USERS } from '../seed';
import { makeSite, Visitor } from '../test-site';

let site: Site;
beforeAll(async () => {
	site = await makeSite();
});
beforeEach(async () => {
	await site.reset();
});

const token = (name: keyof typeof USERS) => ({ Authorization: `Token ${USERS[name].token}` });
const send = (
	method: string,
	path: string,
	body: string | Uint8Array,
	headers: Record<string, string> = {}
) => new Visitor(site).send(method, path, { body, headers });
const json = () => ({ 'Content-Type': 'application/json', ...token('alice') });
const detail = (body: string) => (JSON.parse(body) as { detail: string }).detail;

describe('DRF parses the body only when the view reads request.data', () => {
	it('answers an anonymous text/plain POST with 401, never looking at the body', async () => {
		const answer = await send('POST', '/api/orders/', 'x', { 'Content-Type': 'text/plain' });
		expect(answer.status).toBe(401);
		expect(detail(answer.body)).toBe('Authentication credentials were not provided.');
	});

	it('lets an author DELETE with a junk body: 204', async () => {
		const answer = await send('DELETE', '/api/posts/1/', '{junk', {
			'Content-Type': 'application/json',
			...token('alice')
		});
		expect(answer.status).toBe(204);
	});

	it('names the Content-Type exactly as sent in a 415', async () => {
		const answer = await send('POST', '/api/orders/', '{}', {
			'Content-Type': 'text/plain;charset=UTF-8',
			...token('alice')
		});
		expect(answer.status).toBe(415);
		expect(detail(answer.body)).toBe(
			'Unsupported media type "text/plain;charset=UTF-8" in request.'
		);
	});

	it('takes multipart/form-data, as its OPTIONS says', async () => {
		const boundary = 'XyZ';
		const body =
			`--${boundary}\r\nContent-Disposition: form-data; name="product"\r\n\r\n2\r\n` +
			`--${boundary}\r\nContent-Disposition: form-data; name="quantity"\r\n\r\n1\r\n--${boundary}--\r\n`;
		const answer = await send('POST', '/api/orders/', body, {
			'Content-Type': `multipart/form-data; boundary=${boundary}`,
			...token('alice')
		});
		expect(answer.status).toBe(201);
		expect(JSON.parse(answer.body)).toMatchObject({ product: 2, quantity: 1 });
	});
});

describe("DRF's JSONParser reads bytes as Python does", () => {
	it('refuses invalid UTF-8 with the codec’s message', async () => {
		const bytes = Uint8Array.from([
			...new TextEncoder().encode('{"title": "caf'),
			0xe9,
			0x22,
			0x7d
		]);
		const answer = await send('POST', '/api/posts/', bytes, json());
		expect(answer.status).toBe(400);
		expect(detail(answer.body)).toBe(
			"JSON parse error - 'utf-8' codec can't decode byte 0xe9 in position 14: invalid continuation byte"
		);
	});

	it('refuses a UTF-8 BOM as json.loads does', async () => {
		const answer = await send(
			'POST',
			'/api/orders/',
			'\ufeff{"product": 2, "quantity": 1}',
			json('')
		);
		expect(answer.status).toBe(400);
		expect(detail(answer.body)).toBe(
			'JSON parse error - Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)'
		);
	});

	it('answers 5,000-deep JSON with Python’s RecursionError (a DEBUG 500), never a JavaScript name', async () => {
		const answer = await send(
			'POST',
			'/api/orders/',
			'['.repeat(5000) + ']'.repeat(5000),
			json('')
		);
		expect(answer.status).toBe(500);
		expect(answer.body).toContain('<title>RecursionError at /api/orders/</title>');
		expect(answer.body).toContain(
			'maximum recursion depth exceeded while decoding a JSON array from a unicode string'
		);
		expect(answer.body).not.toContain('RangeError');
	});
});

describe("DRF's serializer fields", () => {
	it('refuses NUL characters and lone surrogates in text fields', async () => {
		const answer = await send(
			'POST',
			'/api/posts/',
			'{"title": "a\\u0000b", "body": "x\\ud800y"}',
			json('')
		);
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body)).toEqual({
			title: ['Null characters are not allowed.'],
			body: ['Surrogate characters are not allowed: U+D800.']
		});
	});

	it('checks quantities against the 64-bit limit with every digit, and reads digits as int() does', async () => {
		const big = await send(
			'POST',
			'/api/orders/',
			'{"product": 2, "quantity": 9223372036854775808}',
			json('')
		);
		expect(big.status).toBe(400);
		expect(JSON.parse(big.body)).toEqual({
			quantity: ['Ensure this value is less than or equal to 9223372036854775807.']
		});
		const fullWidth = await send(
			'POST',
			'/api/orders/',
			'{"product": 2, "quantity": "１"}',
			json('')
		);
		expect(fullWidth.status).toBe(201);
		expect(JSON.parse(fullWidth.body)).toMatchObject({ quantity: 1 });
		const float = await send('POST', '/api/orders/', '{"product": 1, "quantity": 2.0}', json());
		expect(float.status).toBe(201);
	});
});

describe("DRF's SimpleMetadata and headers", () => {
	it('names the view from its Python class and lists the POST fields for a user who may post', async () => {
		const answer = await send('OPTIONS', '/api/posts/', '', token('alice'));
		const body = JSON.parse(answer.body);
		expect(body.name).toBe('Post List');
		expect(body.actions.POST.title).toEqual({
			type: 'string',
			required: true,
			read_only: false,
			label: 'Title',
			max_length: 200
		});
		expect(answer.body).not.toContain('"pd"');
		const anonymous = JSON.parse((await send('OPTIONS', '/api/posts/', '')).body);
		expect(anonymous.name).toBe('Post List');
		expect(anonymous.actions).toBeUndefined();
	});

	it('lists the PUT fields of a detail view only for the object’s owner', async () => {
		const own = JSON.parse((await send('OPTIONS', '/api/orders/1/', '', token('alice'))).body);
		expect(own.name).toBe('Order Detail');
		expect(Object.keys(own.actions.PUT)).toEqual([
			'id',
			'url',
			'product',
			'quantity',
			'status',
			'created'
		]);
		const other = JSON.parse((await send('OPTIONS', '/api/orders/2/', '', token('alice'))).body);
		expect(other.actions).toBeUndefined();
	});

	it('sends no Vary: Accept; Vary: Cookie only when session authentication looked', async () => {
		const anonymous = await send('GET', '/api/products/', '');
		expect(anonymous.header('Vary')).toBe('Cookie');
		const byToken = await send('GET', '/api/orders/', '', token('alice'));
		expect(byToken.header('Vary')).toBeUndefined();
	});
});

describe('the object permission check in the trace', () => {
	it('has its own hop, and the 403 hop shows the code and the user', async () => {
		const answer = await send('DELETE', '/api/posts/3/', '', token('alice'));
		expect(answer.status).toBe(403);
		const hops = answer.trace.hops;
		const check = hops.find((hop) =>
			hop.summary.startsWith('IsAuthorOrReadOnly.has_object_permission')
		);
		expect(check?.summary).toContain('False, refused');
		expect(check?.detail.source?.file).toBe('api/permissions.py');
		expect(check?.detail.state?.user).toBe('alice');
		const refusal = hops.find((hop) => hop.summary.startsWith('DRF answers 403'));
		expect(refusal?.detail.source?.file).toBe('api/permissions.py');
		expect(refusal?.detail.state?.user).toBe('alice');
	});
});
