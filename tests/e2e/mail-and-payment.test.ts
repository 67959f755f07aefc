/**
 * The full project's mail server and payment API in Chromium, as a student uses them from the
 * mini browser of a lesson that runs on `mysite.settings_full`: a password reset to a new
 * password (the link read in the Inbox tab) and a login with it, the used link refused; a paid
 * order with its confirmation email; a declined card that saves no order and keeps the stock.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';
import { client, expect, logIn, openLesson, openPlayground, SITE, visit } from './helpers';

test.describe.configure({ timeout: 180_000 });

/** Opens the Inbox on alice's mailbox and the newest message whose subject matches. */
async function openMail(page: Page, subject: RegExp) {
	const { tab, inbox } = client(page);
	await tab('Inbox').click();
	await inbox.getByRole('combobox', { name: 'Mailbox' }).selectOption('alice@mysite.test');
	await inbox.getByRole('button', { name: 'Check mail' }).click();
	await inbox.getByRole('button', { name: subject }).first().click();
	return inbox.getByRole('article', { name: /^Message: / });
}

/**
 * alice logs in, reads the coffee mug's stock, and fills the checkout with `card`: the stock
 * before anything is paid.
 */
async function toCheckout(page: Page, card: string): Promise<number> {
	const { frame, address } = client(page);
	await logIn(page, 'wonderland');
	await visit(page, '/shop/products/coffee-mug/');
	const stockText = (await frame.getByText(/^\d+ in stock\.$/).textContent()) ?? '';
	await frame.getByRole('link', { name: 'Buy now with a card' }).click();
	await expect(address).toHaveValue(`${SITE}/shop/checkout/?product=1`);
	await frame.getByLabel('Card number').fill(card);
	return Number(stockText.split(' ')[0]);
}

test('password reset: the link from the mail sets a new password, login works with it, the link is then refused', async ({
	page
}) => {
	const { frame, address, tab, inbox } = await openLesson(page, 'forms');
	await visit(page, '/accounts/login/');
	await frame.getByRole('link', { name: 'Forgot your password?' }).click();
	await expect(address).toHaveValue(`${SITE}/accounts/password_reset/`);
	await frame.getByLabel('Email').fill('alice@mysite.test');
	await frame.getByRole('button', { name: 'Reset my password' }).click();
	await expect(address).toHaveValue(`${SITE}/accounts/password_reset/done/`);
	await expect(frame.getByRole('heading', { name: 'Password reset sent' })).toBeVisible();

	const mail = await openMail(page, /Password reset on mysite\.test/);
	await expect(mail).toContainText('Content-Transfer-Encoding');
	await expect(mail).toContainText('noreply@mysite.test');
	const results = await new AxeBuilder({ page }).include('.client-panel').analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
	const link = mail.getByRole('link', { name: /\/accounts\/reset\// });
	const href = (await link.getAttribute('href')) ?? '';
	expect(href).toMatch(/^https:\/\/mysite\.test\/accounts\/reset\/MQ\/[0-9a-z]+-[0-9a-f]{32}\/$/);
	await link.click();

	// The confirm view keeps the token in the session and takes it out of the address bar.
	await expect(tab('Browser')).toHaveAttribute('aria-selected', 'true');
	await expect(address).toHaveValue(`${SITE}/accounts/reset/MQ/set-password/`);
	await frame.getByLabel('New password:', { exact: true }).fill('looking-glass');
	await frame.getByLabel('New password confirmation:', { exact: true }).fill('looking-glass');
	await frame.getByRole('button', { name: 'Change my password' }).click();
	await expect(address).toHaveValue(`${SITE}/accounts/reset/done/`);
	await expect(frame.getByRole('heading', { name: 'Password reset complete' })).toBeVisible();

	await logIn(page, 'looking-glass');

	await visit(page, new URL(href).pathname);
	await expect(frame.getByText('The password reset link was invalid')).toBeVisible();
	await expect(inbox).toBeHidden();
});

test('a paid order sends its email; a declined card saves no order and keeps the stock', async ({
	page
}) => {
	const { frame, address } = await openLesson(page, 'putting-it-together');
	// Declined: the provider's message under the card field, the stock as it was.
	const stock = await toCheckout(page, '4000 0000 0000 0002');
	await frame.getByRole('button', { name: 'Pay now' }).click();
	await expect(frame.getByText('Your card was declined.')).toBeVisible();
	// A form without an action posts to the page's own URL, query string included.
	await expect(address).toHaveValue(`${SITE}/shop/checkout/?product=1`);
	await visit(page, '/shop/products/coffee-mug/');
	await expect(frame.getByText(`${stock} in stock.`, { exact: true })).toBeVisible();

	// Paid: a confirmation page, one item fewer, and the order email in the Inbox.
	await frame.getByRole('link', { name: 'Buy now with a card' }).click();
	await frame.getByLabel('Card number').fill('4242 4242 4242 4242');
	await frame.getByRole('button', { name: 'Pay now' }).click();
	await expect(address).toHaveValue(new RegExp(`^${SITE}/shop/orders/\\d+/$`));
	await expect(frame.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible();
	const orderPath = new URL((await address.inputValue()) ?? '').pathname;
	const orderId = /\/(\d+)\/$/.exec(orderPath)?.[1];
	const mail = await openMail(page, new RegExp(`Your order ${orderId} at mysite`));
	await expect(mail).toContainText('Paid with your card ending in 4242');
	await mail.getByRole('link', { name: `${SITE}${orderPath}` }).click();
	await expect(address).toHaveValue(`${SITE}${orderPath}`);
	await visit(page, '/shop/products/coffee-mug/');
	await expect(frame.getByText(`${stock - 1} in stock.`, { exact: true })).toBeVisible();
});

test('the payment API down: 503 with the form kept and nothing charged; switched on again, one order', async ({
	page
}) => {
	const { frame, address } = await openPlayground(page, '?project=full');
	const stock = await toCheckout(page, '4242 4242 4242 4242');

	// The switch: a checkbox named for the server, reached by Tab and toggled with Space.
	const payments = page.getByRole('checkbox', { name: 'Payment API up (api.payments.test)' });
	const provider = page.getByRole('checkbox', { name: 'Identity provider up (id.example.test)' });
	await expect(payments).toBeChecked();
	await payments.focus();
	await page.keyboard.press('Tab');
	await expect(provider).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(payments).toBeFocused();
	await page.keyboard.press('Space');
	await expect(payments).not.toBeChecked();
	const state = page.locator('.switch', { has: payments }).locator('.state');
	await expect(state).toHaveText('down: calls to it time out');
	const results = await new AxeBuilder({ page }).include('.switch').analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);

	const checkout = (r: { url(): string; request(): { method(): string } }) =>
		r.url() === `${SITE}/shop/checkout/?product=1` && r.request().method() === 'POST';
	const down = page.waitForResponse(checkout);
	await frame.getByRole('button', { name: 'Pay now' }).click();
	expect((await down).status()).toBe(503);
	await expect(frame.getByText(/Your card has not been charged/)).toBeVisible();
	// The form is drawn again with what was sent, so paying again is one click.
	await expect(frame.getByLabel('Card number')).toHaveValue('4242 4242 4242 4242');
	await page.screenshot({ path: 'test-results/payment-api-down.png', fullPage: true });

	await payments.focus();
	await page.keyboard.press('Space');
	await expect(payments).toBeChecked();
	await expect(state).toHaveText('answering');
	const up = page.waitForResponse(checkout);
	await frame.getByRole('button', { name: 'Pay now' }).click();
	expect((await up).status()).toBe(302);
	await expect(address).toHaveValue(new RegExp(`^${SITE}/shop/orders/\\d+/$`));
	await expect(frame.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible();
	// One order in all: the failed attempt was rolled back, so the stock is one less, not two.
	await visit(page, '/shop/products/coffee-mug/');
	await expect(frame.getByText(`${stock - 1} in stock.`, { exact: true })).toBeVisible();
});
