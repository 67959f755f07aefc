/**
 * The student's client in Chromium, against the simulated site: browsing, forms, cookies, the
 * shop's background API request, the API console, XSS escaping, DNS-like failures, axe, keyboard.
 * Every locator is scoped to the client panel by role and name, so the tests hold when the player
 * sits beside it on the page; when it does, they play at its Instant speed.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SITE = 'https://mysite.test';

function client(page: Page) {
	const tablist = page.getByRole('tablist', { name: "The student's client" });
	const browser = page.getByRole('region', { name: 'Mini browser' });
	return {
		tablist,
		tab: (name: string) => tablist.getByRole('tab', { name, exact: true }),
		panel: (name: string) => page.getByRole('tabpanel', { name, exact: true }),
		browser,
		address: browser.getByRole('textbox', { name: 'Address' }),
		frame: browser.frameLocator('iframe[title^="Page"]')
	};
}

/**
 * Opens the playground with the client; switches the player beside it (which holds each response
 * until its animation delivers it) to Instant, once the player is there — waiting for it however
 * long a busy machine takes, never guessing from a short timeout that it is absent.
 */
async function openClient(page: Page, speed = 'instant') {
	await page.goto('./playground/');
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'service-worker');
	const c = client(page);
	await expect(c.tablist).toBeVisible();
	await expect(speedPicker(page)).toBeVisible();
	await speedPicker(page).selectOption(speed);
	await expect(speedPicker(page)).toHaveValue(speed);
	return c;
}

const speedPicker = (page: Page) => page.getByRole('combobox', { name: 'Speed' });

async function visit(page: Page, path: string) {
	const { address } = client(page);
	await address.fill(path);
	await address.press('Enter');
	await expect(address).toHaveValue(`${SITE}${path}`);
}

async function logIn(page: Page, user = 'alice', password = 'wonderland') {
	const { frame, address } = client(page);
	await visit(page, '/accounts/login/');
	await frame.getByLabel('Username').fill(user);
	await frame.getByLabel('Password').fill(password);
	await frame.getByRole('button', { name: 'Log in' }).click();
	await expect(address).toHaveValue(`${SITE}/accounts/profile/`);
}

/** The History tab's entries, as text, including what pages loaded by themselves. */
async function historyLines(page: Page): Promise<string[]> {
	const { tab, panel } = client(page);
	await tab('History').click();
	const all = panel('History').getByRole('checkbox', { name: /Show what pages loaded/ });
	if (!(await all.isChecked())) await all.check();
	return panel('History').getByRole('listitem').allInnerTexts();
}

test('browses from the blog list to a post by clicking its link; sub-resources skip Django', async ({
	page
}) => {
	const { address, frame, browser, tab } = await openClient(page);
	await visit(page, '/blog/');
	await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
	await frame.getByRole('link', { name: 'How a request finds its view' }).click();
	await expect(address).toHaveValue(`${SITE}/blog/2/`);
	await expect(frame.getByRole('heading', { name: 'How a request finds its view' })).toBeVisible();
	// Each stylesheet, image and script the page loads is its own request, answered by the web
	// server alone (a later page may reuse the cached stylesheet, as a real browser does).
	await expect(browser.getByText(/The page also loaded: .*\(web server only\)/)).toBeVisible();
	const lines = await historyLines(page);
	for (const file of ['/static/css/site.css', '/static/img/logo.svg'])
		expect(lines.find((l) => l.startsWith(`GET ${file}`))).toMatch(
			/200[\s\S]*Page resource · web server only/
		);
	await tab('Browser').click();
	await browser.getByRole('button', { name: 'Back' }).click();
	await expect(address).toHaveValue(`${SITE}/blog/`);
	await browser.getByRole('button', { name: 'Forward' }).click();
	await expect(address).toHaveValue(`${SITE}/blog/2/`);
});

test('follows a redirect like a browser: the login page for an anonymous /blog/new/', async ({
	page
}) => {
	const { address, browser } = await openClient(page);
	await address.fill('mysite.test/blog/new/');
	await address.press('Enter');
	await expect(address).toHaveValue(`${SITE}/accounts/login/?next=/blog/new/`);
	await expect(
		browser.getByText(
			'Followed a redirect: GET /blog/new/ answered 302 → GET /accounts/login/?next=/blog/new/.'
		)
	).toBeVisible();
});

test('shows JSON, text and images as a browser would', async ({ page }) => {
	const { browser } = await openClient(page);
	await visit(page, '/api/products/');
	await expect(browser.getByLabel('JSON response')).toContainText('"name": "Coffee mug"');
	await visit(page, '/static/css/site.css');
	await expect(browser.getByLabel('Text response')).toContainText('{');
	await visit(page, '/static/img/logo.svg');
	await expect(
		browser.getByRole('img', { name: `Image at ${SITE}/static/img/logo.svg` })
	).toBeVisible();
});

test('logs in through the form; the HttpOnly session cookie appears in the Cookies panel', async ({
	page
}) => {
	const { tab, panel } = await openClient(page);
	await logIn(page);
	await tab('Cookies').click();
	const cookies = panel('Cookies');
	const session = cookies
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'sessionid' }) });
	await expect(session).toContainText('HttpOnly');
	await expect(session).toContainText('SameSite=Lax');
	await expect(cookies.getByRole('rowheader', { name: 'csrftoken' })).toBeVisible();
	await cookies.getByRole('button', { name: 'Clear cookies' }).click();
	await expect(cookies.getByText(/No cookies yet/)).toBeVisible();
});

test("submits the shop's order form: the script's API request and the confirmation page", async ({
	page
}) => {
	const { address, frame, browser } = await openClient(page);
	await logIn(page);
	await visit(page, '/shop/order/');
	// The browser's own validation stops the form first: no product is chosen yet.
	await frame.getByRole('button', { name: 'Order now' }).click();
	await expect(browser.getByRole('alert')).toContainText('did not send the form. Product');
	await frame.getByLabel('Product').selectOption({ index: 1 });
	await frame.getByLabel('Quantity').fill('1');
	await frame.getByRole('button', { name: 'Order now' }).click();
	await expect(address).toHaveValue(/\/shop\/orders\/\d+\/$/);
	await expect(
		browser.getByText(
			"This page's script, /static/shop/order.js, sends the order to the API in the background; the mini browser does it for it."
		)
	).toBeVisible();
	const lines = await historyLines(page);
	const api = lines.find((l) => l.includes('POST /api/orders/'));
	expect(api).toMatch(/201/);
	expect(api).toMatch(/Page script/);
	expect(lines.find((l) => /GET \/shop\/orders\/\d+\//.test(l))).toMatch(/200[\s\S]*Mini browser/);
});

test('API console: POST /api/orders/ without a token is 401, with alice’s token 201', async ({
	page
}) => {
	const { tab, panel } = await openClient(page);
	await tab('API console').click();
	const api = panel('API console');
	const preset = api.getByRole('combobox', { name: 'Preset' });
	await preset.selectOption({ label: 'Create an order without a token' });
	await api.getByRole('button', { name: 'Use preset' }).click();
	await api.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(api.getByText('HTTP/1.1 401 Unauthorized')).toBeVisible();
	await expect(api.getByText(/www-authenticate/i)).toBeVisible();
	await preset.selectOption({ label: "Create an order with alice's token" });
	await api.getByRole('button', { name: 'Use preset' }).click();
	await api.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(api.getByText('HTTP/1.1 201 Created')).toBeVisible();
	await expect(api.getByLabel('Response body')).toContainText('"quantity": 2');
});

test('API console: invalid JSON is flagged first, and "Send anyway" shows the server’s 400', async ({
	page
}) => {
	const { tab, panel } = await openClient(page);
	await tab('API console').click();
	const api = panel('API console');
	await api.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Send invalid JSON' });
	await api.getByRole('button', { name: 'Use preset' }).click();
	await api.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(api.getByRole('alert')).toContainText('not valid JSON');
	await expect(api.getByRole('alert')).toContainText('line 4, column 1');
	await expect(api.getByText('HTTP/1.1')).toHaveCount(0);
	await api.getByRole('button', { name: 'Send anyway' }).click();
	await expect(api.getByText('HTTP/1.1 400 Bad Request')).toBeVisible();
	await expect(api.getByLabel('Response body')).toContainText('JSON parse error');
});

test('a <script> posted as a blog comment is shown escaped and never runs', async ({ page }) => {
	const { frame } = await openClient(page);
	const title = await page.title();
	const payload =
		'<script>window.__pwned = 1; document.title = "pwned"</script><img src=x onerror="window.__pwned=2">';
	await visit(page, '/blog/1/');
	await frame.getByLabel('Name').fill('Mallory');
	await frame.getByLabel('Body').fill(payload);
	await frame.getByRole('button', { name: 'Post comment' }).click();
	await expect(frame.getByText(payload)).toBeVisible();
	const pwned = await page.evaluate(() => {
		const iframe = document.querySelector<HTMLIFrameElement>('iframe[title^="Page"]')!;
		const inner = iframe.contentWindow as unknown as { __pwned?: number };
		return {
			page: (window as unknown as { __pwned?: number }).__pwned ?? null,
			frame: inner.__pwned ?? null,
			frameTitle: iframe.contentDocument!.title,
			scripts: [...iframe.contentDocument!.querySelectorAll('.comment script, .comment img')].length
		};
	});
	expect(pwned).toEqual({
		page: null,
		frame: null,
		frameTitle: expect.not.stringContaining('pwned'),
		scripts: 0
	});
	expect(await page.title()).toBe(title);
});

test('a mistyped host fails like a DNS error, in one plain sentence', async ({ page }) => {
	const { address, browser } = await openClient(page);
	await address.fill('https://mysite.tset/');
	await address.press('Enter');
	await expect(browser.getByRole('alert')).toHaveText(
		'The browser could not find a server at mysite.tset (like a DNS error). Check the address.'
	);
	await address.fill('https://example.com/');
	await address.press('Enter');
	await expect(browser.getByRole('alert')).toContainText('only visits the simulated site');
});

test('axe finds no violations in any tab of the panel', async ({ page }) => {
	const { tab } = await openClient(page);
	await visit(page, '/blog/');
	for (const name of ['Browser', 'API console', 'Cookies', 'History']) {
		await tab(name).click();
		// The simulated site's page inside the sandboxed iframe runs no scripts, so axe cannot run
		// there (it waits for timers that never fire); that page is the demo site's, not this UI.
		const results = await new AxeBuilder({ page })
			.include('.client-panel')
			.exclude('.client-panel iframe')
			.analyze();
		expect(
			results.violations,
			`${name}: ${results.violations.map((v) => v.id).join(', ')}`
		).toEqual([]);
	}
});

test('keyboard only: the address bar and the API console', async ({ page }) => {
	const { address, frame, tab, panel } = await openClient(page);
	await address.focus();
	await page.keyboard.type('/blog/');
	await page.keyboard.press('Enter');
	await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
	// Tabs: arrows move between them and select (automatic activation).
	await tab('Browser').focus();
	await page.keyboard.press('ArrowRight');
	await expect(tab('API console')).toBeFocused();
	await expect(tab('API console')).toHaveAttribute('aria-selected', 'true');
	const api = panel('API console');
	await page.keyboard.press('Tab');
	await expect(api).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(api.getByRole('combobox', { name: 'Preset' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(api.getByRole('button', { name: 'Use preset' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(api.getByRole('combobox', { name: 'Method' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(api.getByRole('textbox', { name: 'URL' })).toBeFocused();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('/api/products/');
	await page.keyboard.press('Enter');
	await expect(api.getByText('HTTP/1.1 200 OK')).toBeVisible();
	await expect(api.getByLabel('Response body')).toContainText('Coffee mug');
});

test('Copy as curl uses the clipboard, and shows the text to copy when the clipboard is refused', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const { tab, panel } = await openClient(page);
	await tab('API console').click();
	const api = panel('API console');
	await api
		.getByRole('combobox', { name: 'Preset' })
		.selectOption({ label: "Create an order with alice's token" });
	await api.getByRole('button', { name: 'Use preset' }).click();
	await api.getByRole('button', { name: 'Copy as curl' }).click();
	await expect(api.getByText('Copy as curl copied to the clipboard.')).toBeVisible();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toBe(
		`curl ${SITE}/api/orders/ -H 'Content-Type: application/json' -H 'Accept: application/json' -H 'Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b' --data-raw '{\n  "product": 1,\n  "quantity": 2\n}'`
	);
	await page.evaluate(() => {
		navigator.clipboard.writeText = () =>
			Promise.reject(new DOMException('Denied', 'NotAllowedError'));
	});
	await api.getByRole('button', { name: 'Copy as fetch' }).click();
	const dialog = page.getByRole('dialog', { name: 'Copy as fetch' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('textbox')).toHaveValue(/credentials: 'include'/);
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(dialog).toBeHidden();
});

test('while the player holds a response, the request shows as pending and the panel stays usable', async ({
	page
}) => {
	const { address, browser, tab, panel } = await openClient(page, 'slow');
	// The playground's player holds each response until its animation reaches the browser.
	await expect(speedPicker(page), 'the playground has a player').toBeVisible();
	await address.fill('/blog/');
	await address.press('Enter');
	await expect(browser.getByRole('status')).toContainText('Waiting for the answer to GET /blog/');
	await tab('Cookies').click();
	await expect(panel('Cookies')).toBeVisible();
	await tab('Browser').click();
	await page.getByRole('combobox', { name: 'Speed' }).selectOption('instant');
	await expect(browser.getByRole('status')).toContainText('200 OK');
});

test('screenshots at a phone and a projector width', async ({ page }) => {
	for (const [width, height] of [
		[390, 844],
		[1920, 1080]
	]) {
		await page.setViewportSize({ width, height });
		const { frame, tab, panel } = await openClient(page);
		await visit(page, '/blog/');
		await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
		await page.screenshot({ path: `/tmp/client-browser-${width}.png`, fullPage: true });
		await tab('API console').click();
		await panel('API console').getByRole('button', { name: 'Send', exact: true }).click();
		await expect(panel('API console').getByText('HTTP/1.1 200 OK')).toBeVisible();
		await page.screenshot({ path: `/tmp/client-console-${width}.png`, fullPage: true });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	}
});
