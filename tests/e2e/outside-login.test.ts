/**
 * Logging in with an outside provider, end to end from the mini browser, on the lesson that runs
 * the full project (`mysite.settings_full`): mysite sends the browser to Example ID
 * (https://id.example.test), the student signs in there and allows, and comes back logged in;
 * each site keeps its own cookies. Also: a denied consent, a tampered state, and axe on the
 * provider's own pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';

// The machine running these may be busy: wait longer for states (never for a fixed time).
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 120_000 });

const SITE = 'https://mysite.test';

async function openBrowser(page: Page) {
	// The first step: nothing sent yet, so the browser is signed in nowhere.
	await page.goto('lessons/authentication/');
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'service-worker');
	await page.waitForFunction(() => 'requestFlowPlayer' in window);
	await page.evaluate(() =>
		(
			window as unknown as { requestFlowPlayer: { setSpeed(s: string): void } }
		).requestFlowPlayer.setSpeed('instant')
	);
	const browser = page.getByRole('region', { name: 'Mini browser' });
	const address = browser.getByRole('textbox', { name: 'Address' });
	const frame = browser.frameLocator('iframe[title^="Page"]');
	const tablist = page.getByRole('tablist', { name: "The student's client" });
	return { browser, address, frame, tablist };
}

type Client = Awaited<ReturnType<typeof openBrowser>>;

/** From mysite's login page to Example ID's consent page, signed in there as carol. */
async function toConsent(page: Page, c: Client) {
	await c.address.fill('/accounts/login/');
	await c.address.press('Enter');
	await expect(c.address).toHaveValue(`${SITE}/accounts/login/`);
	await c.frame.getByRole('link', { name: 'Log in with Example ID' }).click();
	await expect(c.address).toHaveValue(/^https:\/\/id\.example\.test\/authorize\?/);
	await expect(
		c.frame.getByRole('heading', { name: 'Sign in to continue to mysite' })
	).toBeVisible();
	await c.frame.getByLabel('Username').fill('carol');
	await c.frame.getByLabel('Password').fill('rainbow');
	await c.frame.getByRole('button', { name: 'Sign in' }).click();
	await expect(
		c.frame.getByRole('heading', { name: 'mysite wants your name and email' })
	).toBeVisible();
}

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
	await toConsent(page, c);
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
	await toConsent(page, c);
	// The provider would send back the state it was given; a forged link carries another one.
	await c.address.fill(`${SITE}/accounts/oidc/callback/?code=stolen&state=forged`);
	await c.address.press('Enter');
	await expect(c.address).toHaveValue(`${SITE}/accounts/oidc/callback/?code=stolen&state=forged`);
	await expect(c.frame.locator('body')).toContainText('state mismatch');
	await expect(c.frame.locator('body')).toContainText('SuspiciousOperation');
});
