/**
 * The playground's Project choice, in Chromium: mysite.settings by default; switching to
 * mysite.settings_full says so, keeps the player's requests, and the next request is answered by
 * the full project (its DEBUG 404 page names mysite.urls_full); the choice is remembered after a
 * reload and travels in the share link to a fresh browser; keyboard and axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SITE = 'https://mysite.test';

function choice(page: Page) {
	const group = page.getByRole('group', { name: 'Project' });
	return {
		group,
		settings: group.getByRole('radio', { name: /^mysite\.settings the blog/ }),
		full: group.getByRole('radio', { name: /^mysite\.settings_full with the admin/ }),
		status: group.getByRole('status')
	};
}

async function openPlayground(page: Page, search = '') {
	await page.goto(`./playground/${search}`);
	await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true', {
		timeout: 60_000
	});
	await page.getByRole('combobox', { name: 'Speed' }).selectOption('instant');
}

/** Which URLconf answered: the DEBUG 404 page names it. */
async function urlconf(page: Page): Promise<string> {
	const body = await page.evaluate(
		async (url) => (await fetch(url, { credentials: 'include' })).text(),
		`${SITE}/no-such-page/`
	);
	return (
		/Using the URLconf defined in <code>([\w.]+)<\/code>/.exec(body)?.[1] ?? body.slice(0, 200)
	);
}

const timelineRequests = (page: Page) =>
	page.getByRole('region', { name: 'Request player' }).locator('.requests > li');

test('switching to mysite.settings_full says so, keeps the requests, and is remembered', async ({
	page
}) => {
	await openPlayground(page);
	const c = choice(page);
	await expect(c.settings).toBeChecked();
	expect(await urlconf(page)).toBe('mysite.urls');
	await expect(timelineRequests(page)).toHaveCount(1);

	await c.full.check();
	await expect(c.status).toContainText('mysite.settings_full answers your requests now', {
		timeout: 60_000
	});
	await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true');
	expect(await urlconf(page)).toBe('mysite.urls_full');
	// The request sent before the switch is still in the player, beside the new one.
	await expect(timelineRequests(page)).toHaveCount(2);
	await expect(page.getByText('The editor changes mysite.settings only')).toBeVisible();

	await page.reload();
	await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true', {
		timeout: 60_000
	});
	await expect(choice(page).full).toBeChecked();
	expect(await urlconf(page)).toBe('mysite.urls_full');

	// And back: the default project answers again.
	await choice(page).settings.check();
	await expect(choice(page).status).toContainText('mysite.settings answers your requests now', {
		timeout: 60_000
	});
	expect(await urlconf(page)).toBe('mysite.urls');
});

test('the share link carries the project to a fresh browser', async ({ page, browser }) => {
	await openPlayground(page);
	await choice(page).full.check();
	await expect(choice(page).status).toContainText('answers your requests now', {
		timeout: 60_000
	});
	await urlconf(page);
	await page.getByRole('button', { name: 'Share or embed' }).click();
	const link = await page
		.getByRole('textbox', { name: 'Link to this request and step' })
		.inputValue();
	expect(link).toContain('project=full');
	expect(link).toContain('request=GET+/no-such-page/');

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto(link);
	await expect(other.locator('main')).toHaveAttribute('data-simulation-ready', 'true', {
		timeout: 60_000
	});
	await expect(choice(other).full).toBeChecked();
	await expect(choice(other).status).toContainText('as the link says');
	// The link's own request was answered by the full project.
	await expect(timelineRequests(other)).toHaveCount(1, { timeout: 60_000 });
	await other.getByRole('combobox', { name: 'Speed' }).selectOption('instant');
	expect(await urlconf(other)).toBe('mysite.urls_full');
	await fresh.close();
});

test('the choice works with the keyboard, and axe finds no violations', async ({ page }) => {
	await openPlayground(page);
	const c = choice(page);
	await c.settings.focus();
	await page.keyboard.press('ArrowRight');
	await expect(c.full).toBeChecked();
	await expect(c.full).toBeFocused();
	await expect(c.status).toContainText('answers your requests now', { timeout: 60_000 });
	const results = await new AxeBuilder({ page }).include('.intro').analyze();
	expect(results.violations).toEqual([]);
});
