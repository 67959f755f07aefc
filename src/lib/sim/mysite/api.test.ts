/** The JSON API (Django REST framework style) through the whole simulated site. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../site';
import { Order, Product } from './shop/models';
import { USERS } from './seed';
import { makeSite, Visitor } from './test-site';

let site: Site;
beforeAll(async () => {
	site = await makeSite();
});
beforeEach(async () => {
	await site.reset();
});

const ALICE = { token: USERS.alice.token };
const BOB = { token: USERS.bob.token };

describe('/api/products/', () => {
	it('lists products as JSON for anyone', async () => {
		const answer = await new Visitor(site).json('GET', '/api/products/');
		expect(answer.status).toBe(200);
		expect(answer.header('Content-Type')).toBe('application/json');
		expect(answer.header('Allow')).toBe('GET, HEAD, OPTIONS');
		const products = JSON.parse(answer.body);
		expect(products).toHaveLength(4);
		expect(products[0]).toEqual({
			id: 1,
			name: 'Coffee mug',
			slug: 'coffee-mug',
			price: '12.50',
			stock: 10,
			description: 'A big white mug for long mornings.'
		});
	});

	it('describes itself to OPTIONS, as DRF does', async () => {
		const answer = await new Visitor(site).json('OPTIONS', '/api/products/');
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toMatchObject({
			name: 'Product List',
			renders: ['application/json']
		});
	});

	it('answers POST with 405, Allow and a JSON detail', async () => {
		const answer = await new Visitor(site).json('POST', '/api/products/', {}, ALICE);
		expect(answer.status).toBe(405);
		expect(answer.header('Allow')).toBe('GET, HEAD, OPTIONS');
		expect(JSON.parse(answer.body)).toEqual({ detail: 'Method "POST" not allowed.' });
	});
});

describe('/api/orders/', () => {
	it('is 401 with WWW-Authenticate: Token for an anonymous client', async () => {
		const answer = await new Visitor(site).json('GET', '/api/orders/');
		expect(answer.status).toBe(401);
		expect(answer.header('WWW-Authenticate')).toBe('Token');
		expect(JSON.parse(answer.body)).toEqual({
			detail: 'Authentication credentials were not provided.'
		});
	});

	it('is 401 "Invalid token." for a wrong token', async () => {
		const answer = await new Visitor(site).json('GET', '/api/orders/', undefined, {
			token: '0'.repeat(40)
		});
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({ detail: 'Invalid token.' });
	});

	it('lists only your own orders', async () => {
		const answer = await new Visitor(site).json('GET', '/api/orders/', undefined, ALICE);
		expect(answer.status).toBe(200);
		const orders = JSON.parse(answer.body);
		expect(orders).toEqual([
			{
				id: 1,
				url: 'https://mysite.test/api/orders/1/',
				product: 1,
				quantity: 1,
				status: 'paid',
				created: '2026-02-10T09:00:00Z'
			}
		]);
	});

	it('records in the trace who the token says the user is', async () => {
		const users = async (auth?: { token: string }) =>
			(await new Visitor(site).json('GET', '/api/orders/', undefined, auth)).trace.hops
				.map((hop) => hop.detail.state?.user)
				.filter(Boolean);
		expect(await users(ALICE)).toContain('alice');
		expect(await users()).toContain('anonymous');
	});

	it('creates an order: 201, Location, stock decremented', async () => {
		const answer = await new Visitor(site).json(
			'POST',
			'/api/orders/',
			{ product: 2, quantity: 2 },
			ALICE
		);
		expect(answer.status).toBe(201);
		expect(answer.header('Location')).toBe('https://mysite.test/api/orders/3/');
		expect(JSON.parse(answer.body)).toMatchObject({
			id: 3,
			product: 2,
			quantity: 2,
			status: 'new'
		});
		expect(Product.objects.get({ pk: 2 }).stock).toBe(0);
	});

	it('refuses more than the stock with 400 and rolls the order back', async () => {
		const before = Order.objects.count();
		const answer = await new Visitor(site).json(
			'POST',
			'/api/orders/',
			{ product: 2, quantity: 3 },
			ALICE
		);
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body)).toEqual({ quantity: ['Only 2 left in stock.'] });
		expect(Order.objects.count()).toBe(before);
		expect(Product.objects.get({ pk: 2 }).stock).toBe(2);
		const sql = answer.trace.hops
			.filter((h) => h.kind === 'query')
			.map((h) => h.detail.query?.sql ?? '');
		expect(sql.some((s) => s.startsWith('INSERT INTO "shop_order"'))).toBe(true);
		expect(sql.some((s) => s.startsWith('ROLLBACK'))).toBe(true);
	});

	it('answers field errors with 400', async () => {
		const visitor = new Visitor(site);
		const zero = await visitor.json('POST', '/api/orders/', { product: 1, quantity: 0 }, ALICE);
		expect(zero.status).toBe(400);
		expect(JSON.parse(zero.body)).toEqual({
			quantity: ['Ensure this value is greater than or equal to 1.']
		});
		const missing = await visitor.json('POST', '/api/orders/', { quantity: 1 }, ALICE);
		expect(JSON.parse(missing.body)).toEqual({ product: ['This field is required.'] });
		const unknown = await visitor.json('POST', '/api/orders/', { product: 99, quantity: 1 }, ALICE);
		expect(JSON.parse(unknown.body)).toEqual({
			product: ['Invalid pk "99" - object does not exist.']
		});
	});

	it("answers invalid JSON with 400 and Python's parse error", async () => {
		const visitor = new Visitor(site);
		const broken = await visitor.json('POST', '/api/orders/', '{"product": 1,', ALICE);
		expect(broken.status).toBe(400);
		expect(JSON.parse(broken.body)).toEqual({
			detail:
				'JSON parse error - Expecting property name enclosed in double quotes: line 1 column 15 (char 14)'
		});
		const empty = await visitor.json('POST', '/api/orders/', 'nope', ALICE);
		expect(JSON.parse(empty.body)).toEqual({
			detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)'
		});
	});

	it('accepts the session with the CSRF header, and refuses it without (403)', async () => {
		const alice = new Visitor(site);
		await alice.login('alice');
		const list = await alice.json('GET', '/api/orders/');
		expect(list.status).toBe(200);
		const refused = await alice.json('POST', '/api/orders/', { product: 1, quantity: 1 });
		expect(refused.status).toBe(403);
		expect(JSON.parse(refused.body).detail).toMatch(/^CSRF Failed: /);
		const placed = await alice.json(
			'POST',
			'/api/orders/',
			{ product: 1, quantity: 1 },
			{ csrf: true }
		);
		expect(placed.status).toBe(201);
	});
});

describe('/api/orders/<pk>/', () => {
	it('GET, PATCH, PUT and DELETE for the owner', async () => {
		const visitor = new Visitor(site);
		expect((await visitor.json('GET', '/api/orders/1/', undefined, ALICE)).status).toBe(200);
		const patched = await visitor.json('PATCH', '/api/orders/1/', { quantity: 2 }, ALICE);
		expect(patched.status).toBe(200);
		expect(JSON.parse(patched.body).quantity).toBe(2);
		const put = await visitor.json('PUT', '/api/orders/1/', { product: 1, quantity: 3 }, ALICE);
		expect(put.status).toBe(200);
		const deleted = await visitor.json('DELETE', '/api/orders/1/', undefined, ALICE);
		expect(deleted.status).toBe(204);
		expect(deleted.body).toBe('');
		expect(deleted.header('Content-Type')).toBeUndefined();
		expect((await visitor.json('GET', '/api/orders/1/', undefined, ALICE)).status).toBe(404);
	});

	it("is 403 for someone else's order, 404 for a missing one, 405 with Allow for POST", async () => {
		const visitor = new Visitor(site);
		const other = await visitor.json('GET', '/api/orders/2/', undefined, ALICE);
		expect(other.status).toBe(403);
		expect(JSON.parse(other.body)).toEqual({
			detail: 'You do not have permission to perform this action.'
		});
		const missing = await visitor.json('GET', '/api/orders/99/', undefined, ALICE);
		expect(missing.status).toBe(404);
		expect(JSON.parse(missing.body)).toEqual({ detail: 'No Order matches the given query.' });
		const post = await visitor.json('POST', '/api/orders/1/', {}, ALICE);
		expect(post.status).toBe(405);
		expect(post.header('Allow')).toBe('GET, PUT, PATCH, DELETE, HEAD, OPTIONS');
	});
});

describe('/api/posts/', () => {
	it('lists posts for anyone, creates one for a token user', async () => {
		const visitor = new Visitor(site);
		const list = await visitor.json('GET', '/api/posts/');
		expect(list.status).toBe(200);
		expect(JSON.parse(list.body)[0]).toMatchObject({ id: 3, author: 'bob' });
		expect((await visitor.json('POST', '/api/posts/', { title: 'x', body: 'y' })).status).toBe(401);
		const created = await visitor.json(
			'POST',
			'/api/posts/',
			{ title: 'Via API', body: 'Hi' },
			BOB
		);
		expect(created.status).toBe(201);
		expect(created.header('Location')).toBe('https://mysite.test/api/posts/4/');
		expect(JSON.parse(created.body)).toMatchObject({ title: 'Via API', author: 'bob' });
	});

	it('lets only the author change or delete a post', async () => {
		const visitor = new Visitor(site);
		const denied = await visitor.json('PATCH', '/api/posts/1/', { title: 'Mine now' }, BOB);
		expect(denied.status).toBe(403);
		expect((await visitor.json('DELETE', '/api/posts/1/', undefined, BOB)).status).toBe(403);
		const ok = await visitor.json('PATCH', '/api/posts/1/', { title: 'Still mine' }, ALICE);
		expect(ok.status).toBe(200);
		expect(JSON.parse(ok.body).title).toBe('Still mine');
		expect((await visitor.json('DELETE', '/api/posts/1/', undefined, ALICE)).status).toBe(204);
	});
});
