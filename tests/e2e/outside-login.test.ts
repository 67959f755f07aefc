/**
 * Logging in with an outside provider, end to end from the mini browser, on the lesson that runs
 * the full project (`mysite.settings_full`): mysite sends the browser to Example ID
 * (https://id.example.test), the student signs in there and allows, and comes back logged in;
 * each site keeps its own cookies. Also: a denied consent, a tampered state, and axe on the
 * provider's own pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';
import { expect, openLesson, openPlayground, SITE, toConsent, type Client } from './helpers';

test.describe.configure({ timeout: 120_000 });

/** The first step of lesson 11: nothing sent yet, so the browser is signed in nowhere. */
const openBrowser = (page: Page) => openLesson(page, 'authentication');

/** axe on a page of the provider as the mini browser shows it (its frame runs no scripts). */
async function axeOn(page: Page, c: Client) {
	const html = await c.frame.locator('html').evaluate((el) => el.outerHTML);
	const copy = await page.context().newPage();
	await copy.setContent(`<!DOCTYPE html>${html}`);
	const results = await new AxeBuilder({ page: copy }).analyze();
	await copy.close();
	return results.violations.map((v) => `${v.id}: ${v.help}`);
}

test('logs in with Example ID: the provider in the diagram, two sites in the cookie jar', async ({
	page
}) => {
	const c = await openBrowser(page);
	await c.address.fill('/accounts/login/');
	await c.address.press('Enter');
	await c.frame.getByRole('link', { name: 'Log in with Example ID' }).click();
	await expect(
		c.frame.getByRole('heading', { name: 'Sign in to continue to mysite' })
	).toBeVisible();
	// The request in view went to the identity provider: its node appears in the diagram.
	await expect(page.locator('[data-node="identity-provider"]')).toBeVisible();
	expect(await axeOn(page, c)).toEqual([]);
	await page.screenshot({ path: 'test-results/outside-login-provider.png', fullPage: false });

	await c.frame.getByLabel('Username').fill('carol');
	await c.frame.getByLabel('Password').fill('rainbow');
	await c.frame.getByRole('button', { name: 'Sign in' }).click();
	await expect(
		c.frame.getByRole('heading', { name: 'mysite wants your name and email' })
	).toBeVisible();
	expect(await axeOn(page, c)).toEqual([]);

	await c.frame.getByRole('button', { name: 'Allow' }).click();
	await expect(c.address).toHaveValue(`${SITE}/accounts/profile/`);
	await expect(c.frame.locator('body')).toContainText('carol');

	await c.tablist.getByRole('tab', { name: 'Cookies', exact: true }).click();
	const cookies = page.getByRole('tabpanel', { name: 'Cookies', exact: true });
	const provider = cookies.getByRole('region', { name: 'Cookie list for id.example.test' });
	await expect(provider.getByRole('rowheader', { name: 'exampleid_session' })).toBeVisible();
	const own = cookies.getByRole('region', { name: 'Cookie list', exact: true });
	await expect(own.getByRole('rowheader', { name: 'sessionid' })).toBeVisible();
	await expect(own.getByRole('rowheader', { name: 'exampleid_session' })).toHaveCount(0);
	await page.screenshot({ path: 'test-results/outside-login-cookies.png', fullPage: true });
});

test('a denied consent comes back as a clear page, not logged in', async ({ page }) => {
	const c = await openBrowser(page);
	await toConsent(c);
	await c.frame.getByRole('button', { name: 'Deny' }).click();
	await expect(c.address).toHaveValue(/\/accounts\/oidc\/callback\/\?error=access_denied/);
	await expect(
		c.frame.getByRole('heading', { name: 'Could not log in with Example ID' })
	).toBeVisible();
	await expect(c.frame.locator('body')).toContainText(
		'You did not allow mysite to see your name and email'
	);
	await expect(c.browser).toContainText('403');
});

test('a callback with a tampered state is refused with 400', async ({ page }) => {
	const c = await openBrowser(page);
	await toConsent(c);
	// The provider would send back the state it was given; a forged link carries another one.
	await c.address.fill(`${SITE}/accounts/oidc/callback/?code=stolen&state=forged`);
	await c.address.press('Enter');
	await expect(c.address).toHaveValue(`${SITE}/accounts/oidc/callback/?code=stolen&state=forged`);
	await expect(c.frame.locator('body')).toContainText('state mismatch');
	await expect(c.frame.locator('body')).toContainText('SuspiciousOperation');
});

test('Example ID not answering: the callback says so (503), nobody is logged in; the switch works by keyboard', async ({
	page
}) => {
	const c = await openPlayground(page, '?project=full');
	await toConsent(c);
	// The playground's switch for the provider: a checkbox named for it, toggled with Space.
	const provider = page.getByRole('checkbox', { name: 'Identity provider up (id.example.test)' });
	await expect(provider).toBeChecked();
	await provider.focus();
	await page.keyboard.press('Space');
	await expect(provider).not.toBeChecked();
	await expect(
		page.locator('.switch', { has: provider }).getByText('down: calls to it time out')
	).toBeVisible();

	const callback = page.waitForResponse((r) =>
		r.url().startsWith(`${SITE}/accounts/oidc/callback/`)
	);
	await c.frame.getByRole('button', { name: 'Allow' }).click();
	expect((await callback).status()).toBe(503);
	await expect(
		c.frame.getByText(
			'The login service is not answering. Try again later or log in with a password.'
		)
	).toBeVisible();
	await page.screenshot({ path: 'test-results/outside-login-provider-down.png', fullPage: true });
	await c.frame.getByRole('link', { name: 'Back to the login page' }).click();
	await expect(c.address).toHaveValue(`${SITE}/accounts/login/`);
	await expect(c.frame.getByRole('button', { name: 'Log in' })).toBeVisible();
});
