/** The shop's pages and the HTML order form, through the whole simulated site. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../site';
import { Order, Product } from './shop/models';
import { makeSite, Visitor } from './test-site';

let site: Site;
beforeAll(async () => {
	site = await makeSite();
});
beforeEach(async () => {
	await site.reset();
});

describe('product pages', () => {
	it('lists every product with its stock', async () => {
		const page = await new Visitor(site).get('/shop/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('<a href="/shop/products/teapot/">Teapot</a>');
		expect(page.body).toContain('2 in stock');
		expect(page.body).toContain('Out of stock');
		expect(page.body).toContain('€12.50');
	});

	it('shows one product by slug, 404 for an unknown slug', async () => {
		const visitor = new Visitor(site);
		const page = await visitor.get('/shop/products/coffee-mug/');
		expect(page.status).toBe(200);
		expect(page.body).toContain('<h1>Coffee mug</h1>');
		expect(page.body).toContain('href="/shop/order/?product=1"');
		const missing = await visitor.get('/shop/products/unicorn/');
		expect(missing.status).toBe(404);
		expect(missing.body).toContain('No product found matching the query');
	});
});

describe('the order form', () => {
	it('needs a login', async () => {
		const page = await new Visitor(site).get('/shop/order/?product=1');
		expect(page.status).toBe(302);
		expect(page.header('Location')).toBe('/accounts/login/?next=/shop/order/%3Fproduct%3D1');
	});

	it('shows a select of products and carries the API and success URLs for order.js', async () => {
		const alice = new Visitor(site);
		await alice.login('alice');
		const page = await alice.get('/shop/order/?product=2');
		expect(page.status).toBe(200);
		expect(page.body).toContain('data-api-url="/api/orders/"');
		expect(page.body).toContain('data-success-url="/shop/orders/{id}/"');
		expect(page.body).toContain('<script src="/static/shop/order.js"></script>');
		expect(page.body).toContain('<option value="2" selected>Teapot</option>');
		expect(page.body).toContain(
			'<input type="number" name="quantity" value="1" min="0" required id="id_quantity">'
		);
	});

	it('places an order: stock goes down, 302 to the confirmation', async () => {
		const alice = new Visitor(site);
		await alice.login('alice');
		await alice.get('/shop/order/');
		const page = await alice.post('/shop/order/', { product: '1', quantity: '3' });
		expect(page.status).toBe(302);
		expect(page.header('Location')).toBe('/shop/orders/3/');
		expect(Product.objects.get({ pk: 1 }).stock).toBe(7);
		const confirmation = await alice.get('/shop/orders/3/');
		expect(confirmation.status).toBe(200);
		expect(confirmation.body).toContain('Thank you for your order');
		expect(confirmation.body).toContain('<dd>Coffee mug</dd>');
	});

	it('refuses more than the stock: error under quantity, and the INSERT is rolled back', async () => {
		const alice = new Visitor(site);
		await alice.login('alice');
		await alice.get('/shop/order/');
		const before = Order.objects.count();
		const page = await alice.post('/shop/order/', { product: '2', quantity: '5' });
		expect(page.status).toBe(200);
		expect(page.body).toContain(
			'<ul class="errorlist" id="id_quantity_error"><li>Only 2 left in stock.</li></ul>'
		);
		expect(Order.objects.count()).toBe(before);
		expect(Product.objects.get({ pk: 2 }).stock).toBe(2);
		const sql = page.trace.hops
			.filter((h) => h.kind === 'query')
			.map((h) => h.detail.query?.sql ?? '');
		const insert = sql.findIndex((s) => s.startsWith('INSERT INTO "shop_order"'));
		expect(insert).toBeGreaterThanOrEqual(0);
		expect(sql.slice(insert).some((s) => s.startsWith('ROLLBACK'))).toBe(true);
	});

	it("checks the quantity with Django's messages", async () => {
		const alice = new Visitor(site);
		await alice.login('alice');
		await alice.get('/shop/order/');
		const zero = await alice.post('/shop/order/', { product: '1', quantity: '0' });
		expect(zero.body).toContain('Ensure this value is greater than or equal to 1.');
		const word = await alice.post('/shop/order/', { product: '1', quantity: 'two' });
		expect(word.body).toContain('Enter a whole number.');
		const nothing = await alice.post('/shop/order/', { product: '99', quantity: '1' });
		expect(nothing.body).toContain(
			'Select a valid choice. That choice is not one of the available choices.'
		);
	});

	it("shows an order only to its owner (403 for bob's order)", async () => {
		const alice = new Visitor(site);
		await alice.login('alice');
		expect((await alice.get('/shop/orders/1/')).status).toBe(200);
		expect((await alice.get('/shop/orders/2/')).status).toBe(403);
		expect((await alice.get('/shop/orders/99/')).status).toBe(404);
	});
});

describe(
	'quantities as Django reads them (Python int, the model field range)',
	{ timeout: 30_000 },
	() => {
		it('refuses 2**63 with the IntegerField range message, not a stock message', async () => {
			const alice = new Visitor(site);
			await alice.login('alice');
			const page = await alice.post('/shop/order/', {
				product: '1',
				quantity: '9223372036854775808'
			});
			expect(page.status).toBe(200);
			expect(page.body).toContain(
				'<li>Ensure this value is less than or equal to 9223372036854775807.</li>'
			);
			expect(page.body).not.toContain('left in stock');
		});

		it('accepts full-width digits, as Python’s int() does', async () => {
			const alice = new Visitor(site);
			await alice.login('alice');
			const page = await alice.post('/shop/order/', { product: '1', quantity: '２' });
			expect(page.status).toBe(302);
			const order = await alice.get(page.header('Location') ?? '');
			expect(order.body).toContain('<dt>Quantity</dt><dd>2</dd>');
		});
	}
);
