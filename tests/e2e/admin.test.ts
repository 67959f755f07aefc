/**
 * Django's admin in Chromium, from the mini browser of lesson 15 (which runs the full project,
 * mysite.settings_full): logging in as staff, searching and filtering a changelist, a validation
 * error then a success message, deleting a post after seeing its comments listed, the 403 for a
 * missing permission, and axe on an admin page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const SITE = 'https://mysite.test';

function client(page: Page) {
	const tablist = page.getByRole('tablist', { name: "The student's client" });
	const browser = page.getByRole('region', { name: 'Mini browser' });
	return {
		tablist,
		browser,
		address: browser.getByRole('textbox', { name: 'Address' }),
		frame: browser.frameLocator('iframe[title^="Page"]')
	};
}

/** Lesson 15's page, with the player at Instant so every answer arrives at once. */
async function openAdminLesson(page: Page) {
	await page.goto('lessons/the-admin/');
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'service-worker');
	await page.waitForFunction(() => 'requestFlowPlayer' in window);
	await page.evaluate(() =>
		(
			window as unknown as { requestFlowPlayer: { setSpeed(s: string): void } }
		).requestFlowPlayer.setSpeed('instant')
	);
	const c = client(page);
	await expect(c.tablist).toBeVisible();
	return c;
}

async function visit(page: Page, path: string) {
	const { address } = client(page);
	await address.fill(path);
	await address.press('Enter');
	await expect(address).toHaveValue(`${SITE}${path}`);
}

async function adminLogin(page: Page, username: string, password: string) {
	const { frame, address } = client(page);
	await address.fill('/admin/');
	await address.press('Enter');
	// The admin sends a visitor who is not staff to its login page.
	await expect(address).toHaveValue(`${SITE}/admin/login/?next=/admin/`);
	await frame.getByLabel('Username').fill(username);
	await frame.getByLabel('Password').fill(password);
	await frame.getByRole('button', { name: 'Log in' }).click();
}

test('staff log in, search and filter posts, fix a validation error, and see the message once', async ({
	page
}) => {
	const { frame, address } = await openAdminLesson(page);
	await adminLogin(page, 'alice', 'wonderland');
	await expect(frame.getByText('for a staff account', { exact: false })).toBeVisible();

	await adminLogin(page, 'admin', 'controlroom');
	await expect(address).toHaveValue(`${SITE}/admin/`);
	await expect(frame.getByRole('heading', { name: 'Site administration' })).toBeVisible();
	await frame.getByRole('link', { name: 'Posts' }).click();
	await expect(address).toHaveValue(`${SITE}/admin/blog/post/`);

	// The search box is labelled by the magnifier image's alt text, as in Django.
	await frame.getByRole('textbox', { name: 'Search' }).fill('request');
	await frame.getByRole('button', { name: 'Search' }).click();
	await expect(address).toHaveValue(`${SITE}/admin/blog/post/?q=request`);
	await expect(frame.getByText('1 result')).toBeVisible();
	await expect(frame.getByRole('link', { name: 'How a request finds its view' })).toBeVisible();

	await frame.getByRole('link', { name: 'bob', exact: true }).click();
	// ChangeList.get_query_string() sorts the parameters.
	await expect(address).toHaveValue(`${SITE}/admin/blog/post/?author__id__exact=2&q=request`);
	await expect(frame.getByText('0 posts')).toBeVisible();
	await frame.getByRole('link', { name: 'All', exact: true }).click();
	// The next page must be in before the search box is emptied, or the old page's box is.
	await expect(address).toHaveValue(`${SITE}/admin/blog/post/?q=request`);
	await expect(frame.getByText('1 result')).toBeVisible();
	await frame.getByRole('textbox', { name: 'Search' }).fill('');
	await frame.getByRole('button', { name: 'Search' }).click();
	await expect(frame.getByText('3 posts')).toBeVisible();

	// The link carries the list's query string (q=), so that saving returns to the same list.
	await frame.getByRole('link', { name: 'Hello, Django' }).click();
	await expect(address).toHaveValue(`${SITE}/admin/blog/post/1/change/?_changelist_filters=q%3D`);
	await frame.getByLabel('Title:').fill('');
	await frame.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(frame.getByText('Please correct the error below.')).toBeVisible();
	await expect(frame.getByText('This field is required.')).toBeVisible();

	await frame.getByLabel('Title:').fill('Hello, admin');
	await frame.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(address).toHaveValue(`${SITE}/admin/blog/post/?q=`);
	const message = frame.getByRole('status');
	await expect(message).toContainText('The post “Hello, admin” was changed successfully.');
	await expect(message.getByRole('link', { name: 'Hello, admin' })).toHaveAttribute(
		'href',
		'/admin/blog/post/1/change/'
	);
	// Shown once: the page that showed it deleted the messages cookie.
	await visit(page, '/admin/blog/post/');
	await expect(frame.getByRole('link', { name: 'Hello, admin' })).toBeVisible();
	await expect(frame.getByRole('status')).toHaveCount(0);
});

test('delete a post: its comments are listed first; bob gets a read-only post and a 403', async ({
	page
}) => {
	const { frame, address } = await openAdminLesson(page);
	await adminLogin(page, 'admin', 'controlroom');
	await expect(address).toHaveValue(`${SITE}/admin/`);
	await visit(page, '/admin/blog/post/1/change/');
	await frame.getByRole('link', { name: 'Delete' }).click();
	await expect(address).toHaveValue(`${SITE}/admin/blog/post/1/delete/`);
	const objects = frame.locator('#deleted-objects');
	await expect(objects).toContainText('Post: Hello, Django');
	await expect(objects).toContainText('Comment: Comment by Bob on Hello, Django');
	await expect(objects).toContainText('Comment: Comment by Carol on Hello, Django');
	await frame.getByRole('button', { name: 'Yes, I’m sure' }).click();
	await expect(address).toHaveValue(`${SITE}/admin/blog/post/`);
	await expect(frame.getByRole('status')).toContainText(
		'The post “Hello, Django” was deleted successfully.'
	);
	await expect(frame.getByText('2 posts')).toBeVisible();

	await frame.getByRole('button', { name: 'Log out' }).click();
	await adminLogin(page, 'bob', 'builder');
	await expect(address).toHaveValue(`${SITE}/admin/`);
	await expect(frame.getByRole('link', { name: 'View' }).first()).toBeVisible();
	await visit(page, '/admin/blog/post/3/change/');
	await expect(frame.getByRole('heading', { name: 'View post' })).toBeVisible();
	await expect(frame.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
	await visit(page, '/admin/shop/order/');
	await expect(frame.getByRole('heading', { name: '403 Forbidden' })).toBeVisible();
});

test('an admin page passes axe, as rendered with its own stylesheet', async ({ page }) => {
	const { frame, address } = await openAdminLesson(page);
	await adminLogin(page, 'admin', 'controlroom');
	await expect(address).toHaveValue(`${SITE}/admin/`);
	await visit(page, '/admin/blog/post/');
	await expect(frame.getByText('3 posts')).toBeVisible();
	// The mini browser's frame runs no scripts, so axe checks the same HTML in a page of its own,
	// with the admin's CSS (fetched from the simulated nginx) in place of the <link>.
	const html = (await page.locator('iframe[title^="Page"]').getAttribute('srcdoc')) ?? '';
	const css = await page.evaluate(() =>
		fetch('https://mysite.test/static/admin/css/base.css').then((r) => r.text())
	);
	expect(css).toContain('#header');
	const copy = await page.context().newPage();
	await copy.setContent(
		html
			.replace(/<base [^>]*>/, '')
			.replace(/<link rel="stylesheet" href="[^"]*base\.css">/, `<style>${css}</style>`)
	);
	const results = await new AxeBuilder({ page: copy }).withTags(['wcag2a', 'wcag2aa']).analyze();
	expect(
		results.violations.flatMap((v) =>
			v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`)
		)
	).toEqual([]);
	await copy.close();
});
