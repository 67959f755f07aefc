/**
 * The full project's mail server and payment API, through the whole simulated site: password
 * reset by email (the token, the set-password redirect, the reused link), and the checkout
 * (paid, declined, provider down, sent twice).
 */
import initSqlJs from 'sql.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSite, type Site } from '../site';
import { MailServer, linksIn, parseMail, header } from '../outside/mail-server';
import { PaymentApi, TEST_CARDS } from '../outside/payments';
import { mysiteFull } from './full';
import { makeSite, Visitor } from './test-site';

let site: Site;
let clock = Date.UTC(2026, 11, 6, 12, 0, 0);
beforeAll(async () => {
	site = await createSite({ sqlJs: await initSqlJs(), project: mysiteFull, now: () => clock });
});
beforeEach(async () => {
	clock = Date.UTC(2026, 11, 6, 12, 0, 0);
	await site.reset();
});

const mail = () => site.internet.server('mail.mysite.test') as MailServer;
const payments = () => site.internet.server('api.payments.test') as PaymentApi;

async function requestReset(visitor: Visitor, email: string) {
	await visitor.get('/accounts/password_reset/');
	return visitor.post('/accounts/password_reset/', { email });
}

describe('the default project (mysite.settings)', () => {
	it('shows neither link: {% url … as var %} leaves the variable empty, and nothing is added', async () => {
		const site = await makeSite();
		const login = await new Visitor(site).get('/accounts/login/');
		expect(login.body).not.toContain('Forgot your password?');
		expect(login.body).toContain('or bob / builder.</p>\n');
		const product = await new Visitor(site).get('/shop/products/coffee-mug/');
		expect(product.body).not.toContain('Buy now with a card');
		expect((await new Visitor(site).get('/accounts/password_reset/')).status).toBe(404);
		expect(site.internet.servers).toEqual([]);
	});
});

describe('password reset', () => {
	it('the login page links to it in the full project', async () => {
		const page = await new Visitor(site).get('/accounts/login/');
		expect(page.body).toContain('<a href="/accounts/password_reset/">Forgot your password?</a>');
	});

	it('mails a link made by PasswordResetTokenGenerator over SMTP, and says the same for an unknown address', async () => {
		const visitor = new Visitor(site);
		const sent = await requestReset(visitor, 'alice@mysite.test');
		expect(sent.status).toBe(302);
		expect(sent.header('Location')).toBe('/accounts/password_reset/done/');
		const hop = sent.trace.hops.find((h) => h.detail.smtp);
		expect([hop?.from, hop?.to]).toEqual(['view', 'mail-server']);
		const lines = hop!.detail.smtp!.transcript.map((l) => l.line);
		expect(lines[0]).toBe('220 mail.mysite.test ESMTP Postfix');
		expect(lines).toContain('ehlo app.mysite.test');
		expect(lines.some((l) => /^mail FROM:<noreply@mysite\.test> size=\d+$/.test(l))).toBe(true);
		expect(lines).toContain('rcpt TO:<alice@mysite.test>');
		expect(lines).toContain('data');
		expect(lines.at(-1)).toBe('221 2.0.0 Bye');
		const [message] = mail().mailbox('alice@mysite.test');
		const parsed = parseMail(message.raw);
		expect(parsed.headers.map(([name]) => name)).toEqual([
			'Content-Type',
			'MIME-Version',
			'Content-Transfer-Encoding',
			'Subject',
			'From',
			'To',
			'Date',
			'Message-ID'
		]);
		expect(header(parsed, 'Content-Type')).toBe('text/plain; charset="utf-8"');
		// "you’ve" in Django's template is not ASCII: the email package picks 8bit.
		expect(header(parsed, 'Content-Transfer-Encoding')).toBe('8bit');
		expect(header(parsed, 'Subject')).toBe('Password reset on mysite.test');
		expect(header(parsed, 'Date')).toBe('Sun, 06 Dec 2026 12:00:00 -0000');
		expect(header(parsed, 'Message-ID')).toMatch(/^<\d+\.\d+\.\d+@app\.mysite\.test>$/);
		expect(linksIn(parsed.body)[0]).toMatch(
			/^https:\/\/mysite\.test\/accounts\/reset\/MQ\/[0-9a-z]+-[0-9a-f]{32}\/$/
		);

		const unknown = await requestReset(new Visitor(site), 'nobody@mysite.test');
		expect(unknown.status).toBe(302);
		expect(unknown.header('Location')).toBe('/accounts/password_reset/done/');
		expect(unknown.trace.hops.some((h) => h.to === 'mail-server')).toBe(false);
		expect(mail().addresses).toEqual(['alice@mysite.test']);
	});

	it('sets a new password through the link, logs in with it, and refuses the link afterwards', async () => {
		const visitor = new Visitor(site);
		await requestReset(visitor, 'alice@mysite.test');
		const link = new URL(linksIn(parseMail(mail().mailbox('alice@mysite.test')[0].raw).body)[0]);
		const clicked = await visitor.get(link.pathname);
		expect(clicked.status).toBe(302);
		expect(clicked.header('Location')).toMatch(/^\/accounts\/reset\/MQ\/set-password\/$/);
		const form = await visitor.get(clicked.header('Location')!);
		expect(form.status).toBe(200);
		expect(form.body).toContain('New password confirmation');
		const mismatch = await visitor.post(clicked.header('Location')!, {
			new_password1: 'looking-glass',
			new_password2: 'looking-glas'
		});
		expect(mismatch.body).toContain('The two password fields didn’t match.');
		const done = await visitor.post(clicked.header('Location')!, {
			new_password1: 'looking-glass',
			new_password2: 'looking-glass'
		});
		expect(done.status).toBe(302);
		expect(done.header('Location')).toBe('/accounts/reset/done/');
		const stored = site.db.run("SELECT password FROM auth_user WHERE username = 'alice'")
			.rows[0][0];
		expect(String(stored)).toMatch(/^pbkdf2_sha256\$1000000\$/);

		const fresh = new Visitor(site);
		await fresh.get('/accounts/login/');
		const old = await fresh.post('/accounts/login/', { username: 'alice', password: 'wonderland' });
		expect(old.status).toBe(200);
		const loggedIn = await fresh.post('/accounts/login/', {
			username: 'alice',
			password: 'looking-glass'
		});
		expect(loggedIn.status).toBe(302);

		const reused = await new Visitor(site).get(link.pathname);
		expect(reused.status).toBe(200);
		expect(reused.body).toContain('The password reset link was invalid');
	}, 30_000);

	it('refuses a link older than PASSWORD_RESET_TIMEOUT', async () => {
		const visitor = new Visitor(site);
		await requestReset(visitor, 'bob@mysite.test');
		const link = new URL(linksIn(parseMail(mail().mailbox('bob@mysite.test')[0].raw).body)[0]);
		clock += (3 * 24 * 3600 + 1) * 1000;
		const late = await visitor.get(link.pathname);
		expect(late.status).toBe(200);
		expect(late.body).toContain('Password reset unsuccessful');
	});
});

describe('checkout with the payment API', () => {
	async function checkoutPage(visitor: Visitor) {
		const page = await visitor.get('/shop/checkout/?product=1');
		const id = /name="checkout_id" value="([0-9a-f]{32})"/.exec(page.body)?.[1];
		expect(id).toBeDefined();
		return id!;
	}
	const stock = () => Number(site.db.run('SELECT stock FROM shop_product WHERE id = 1').rows[0][0]);
	const orders = () => Number(site.db.run('SELECT COUNT(*) FROM shop_order').rows[0][0]);

	it('the product page links to it in the full project', async () => {
		const slug = site.db.run('SELECT slug FROM shop_product WHERE id = 1').rows[0][0];
		const page = await new Visitor(site).get(`/shop/products/${slug}/`);
		expect(page.body).toContain('href="/shop/checkout/?product=1">Buy now with a card</a>');
	});

	it('charges the card server to server, saves the paid order, lowers stock and mails the confirmation', async () => {
		const visitor = new Visitor(site);
		await visitor.login('alice');
		const id = await checkoutPage(visitor);
		const [before, ordersBefore] = [stock(), orders()];
		const paid = await visitor.post('/shop/checkout/', {
			product: '1',
			quantity: '2',
			card_number: TEST_CARDS.paid,
			checkout_id: id
		});
		expect(paid.status).toBe(302);
		expect(paid.header('Location')).toMatch(/^\/shop\/orders\/\d+\/$/);
		const out = paid.trace.hops.find((h) => h.to === 'payment-api');
		expect(out?.from).toBe('view');
		expect(out?.detail.http).toContain('Authorization: Bearer sk_test_');
		expect(out?.detail.http).toContain(`Idempotency-Key: checkout-1-${id}`);
		expect(paid.body).not.toContain('sk_test_');
		expect(stock()).toBe(before - 2);
		expect(orders()).toBe(ordersBefore + 1);
		expect(payments().charges).toHaveLength(1);
		const confirmation = parseMail(mail().mailbox('alice@mysite.test')[0].raw);
		expect(header(confirmation, 'Subject')).toMatch(/^Your order \d+ at mysite$/);
		expect(confirmation.body).toContain('https://mysite.test/shop/orders/');

		const again = await visitor.post('/shop/checkout/', {
			product: '1',
			quantity: '2',
			card_number: TEST_CARDS.paid,
			checkout_id: id
		});
		expect(again.status).toBe(302);
		expect(again.header('Location')).toBe(paid.header('Location'));
		expect(payments().charges).toHaveLength(1);
		expect(orders()).toBe(ordersBefore + 1);
		expect(stock()).toBe(before - 2);
	});

	it('a declined card: the provider’s message as a form error, no order, stock unchanged', async () => {
		const visitor = new Visitor(site);
		await visitor.login('bob');
		const id = await checkoutPage(visitor);
		const [before, ordersBefore] = [stock(), orders()];
		const declined = await visitor.post('/shop/checkout/', {
			product: '1',
			quantity: '1',
			card_number: TEST_CARDS.declined,
			checkout_id: id
		});
		expect(declined.status).toBe(200);
		expect(declined.body).toContain('Your card was declined.');
		const back = declined.trace.hops.find((h) => h.from === 'payment-api');
		expect(back?.detail.http).toMatch(/^HTTP\/1\.1 402 Payment Required/);
		expect(back?.detail.http).toContain('"code": "card_declined"');
		expect([stock(), orders()]).toEqual([before, ordersBefore]);
		expect(payments().charges).toHaveLength(0);
		// The provider remembers the declined key's answer: the next attempt gets a new checkout id.
		const next = /name="checkout_id" value="([0-9a-f]{32})"/.exec(declined.body)?.[1];
		expect(next).toBeDefined();
		expect(next).not.toBe(id);
		const paid = await visitor.post('/shop/checkout/', {
			product: '1',
			quantity: '1',
			card_number: TEST_CARDS.paid,
			checkout_id: next!
		});
		expect(paid.status).toBe(302);
		expect(payments().charges).toHaveLength(1);
	});

	it('the provider down: the view times out after 5 s, 503 with the form, nothing charged; the retry charges once', async () => {
		const visitor = new Visitor(site);
		await visitor.login('alice');
		const id = await checkoutPage(visitor);
		const [before, ordersBefore] = [stock(), orders()];
		site.internet.setUp('api.payments.test', false);
		const fields = { product: '1', quantity: '1', card_number: TEST_CARDS.paid, checkout_id: id };
		const down = await visitor.post('/shop/checkout/', fields);
		expect(down.status).toBe(503);
		expect(down.body).toContain(
			'The payment service did not answer. Your card has not been charged'
		);
		expect(down.trace.totalMs).toBeGreaterThanOrEqual(5000);
		expect([stock(), orders()]).toEqual([before, ordersBefore]);
		site.internet.setUp('api.payments.test', true);
		const retry = await visitor.post('/shop/checkout/', fields);
		expect(retry.status).toBe(302);
		expect(payments().charges).toHaveLength(1);
		expect(stock()).toBe(before - 1);
	});
});
