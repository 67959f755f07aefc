/**
 * Loading and staying up: the first Send on a first visit is answered (it waits for the
 * simulation), pages enter the back/forward cache and work when restored, the service worker
 * being replaced mid-session does not break later requests, and in-page mode gives each
 * response its URL as fetch would; the site opens the seeded database the build made, for either
 * project. Each test starts with a fresh profile (no worker registered).
 */
import { expect, test, type Page } from '@playwright/test';
import { findChromium } from '../../scripts/find-chromium.js';

// Playwright turns the back/forward cache off by default; these tests run with it on, as a
// student's browser does.
test.use({
	launchOptions: {
		executablePath: findChromium() ?? undefined,
		ignoreDefaultArgs: ['--disable-back-forward-cache'],
		args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update']
	}
});

const SITE = 'https://mysite.test';
/** Starting the simulation on a first visit waits on a busy machine's network and CPU. */
const STARTUP = { timeout: 60_000 };
const form = (page: Page) => page.getByRole('region', { name: 'Send a request' });

/** A fetch from the page to the simulated site: its status and URL, or the error it threw. */
function fetchFromPage(page: Page, path: string) {
	return page.evaluate(async (url) => {
		try {
			const response = await fetch(url, { credentials: 'include' });
			return { status: response.status, url: response.url, redirected: response.redirected };
		} catch (error) {
			return { error: String(error) };
		}
	}, `${SITE}${path}`);
}

test('Send clicked as soon as the playground is interactive is answered, not "Failed to fetch"', async ({
	page
}) => {
	await page.goto('./playground/');
	// The player mounting means the page is hydrated: the form's Send is live, the worker not yet.
	await page.waitForFunction(() => 'requestFlowPlayer' in window, null, STARTUP);
	await form(page).getByRole('button', { name: 'Send' }).click();
	await page.evaluate(() => window.requestFlowPlayer.setSpeed('instant'));
	await expect(form(page).getByTestId('response-line').first()).toContainText('200 OK', STARTUP);
	await expect(form(page).getByRole('alert')).toHaveCount(0);
	await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true', STARTUP);
});

test("a first visit opens the build's seeded database, for either project, and its data answers", async ({
	page
}) => {
	const fromSnapshot = (project: string) =>
		page.evaluate(
			(name) => performance.getEntriesByName(`request-flow:site-from-snapshot:${name}`).length,
			project
		);
	const json = (path: string) =>
		page.evaluate(
			async (url) => (await fetch(url, { headers: { Accept: 'application/json' } })).json(),
			`${SITE}${path}`
		);
	await page.goto('./playground/');
	await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true', STARTUP);
	expect(await fromSnapshot('mysite')).toBe(1);
	await page.evaluate(() => window.requestFlowPlayer.setSpeed('instant'));
	// The seed's posts, by their authors, as migrate and the seed left them.
	expect(JSON.stringify(await json('/api/posts/'))).toContain('How a request finds its view');

	// The full project: its own file, with the admin's tables and users.
	await page
		.getByRole('group', { name: 'Project' })
		.getByRole('radio', { name: /^mysite\.settings_full with the admin/ })
		.check();
	await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true', STARTUP);
	await expect.poll(() => fromSnapshot('mysite-full'), STARTUP).toBe(1);
	const login = await page.evaluate(
		async (url) => (await fetch(url, { credentials: 'include' })).status,
		`${SITE}/admin/login/`
	);
	expect(login).toBe(200);
});

test('the simulated site runs in a Web Worker; where none starts, the page runs it and answers the same', async ({
	page
}) => {
	const ranIn = (thread: string) =>
		page.evaluate(
			(name) => performance.getEntriesByName(`request-flow:site-thread:${name}`).length,
			thread
		);
	const siteWorkers = () => page.workers().filter((w) => /site-worker/.test(w.url())).length;
	const post = () =>
		page.evaluate(async (url) => {
			const response = await fetch(url, { headers: { Accept: 'application/json' } });
			return { status: response.status, body: await response.text() };
		}, `${SITE}/api/posts/3/`);

	await page.goto('./playground/');
	await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true', STARTUP);
	await page.evaluate(() => window.requestFlowPlayer.setSpeed('instant'));
	expect(await ranIn('worker')).toBe(1);
	expect(siteWorkers()).toBe(1);
	const fromWorker = await post();
	expect(fromWorker.status).toBe(200);

	await page.goto('./playground/?site-thread=page');
	await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true', STARTUP);
	await page.evaluate(() => window.requestFlowPlayer.setSpeed('instant'));
	expect(await ranIn('page')).toBe(1);
	expect(await ranIn('worker')).toBe(0);
	expect(await post()).toEqual(fromWorker);
});

test('in-page mode: Response.url is the URL fetched, as fetch gives it', async ({ page }) => {
	await page.goto('./playground/?simulation=in-page');
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'in-page', STARTUP);
	await page.evaluate(() => window.requestFlowPlayer.setSpeed('instant'));
	expect(await fetchFromPage(page, '/blog/3/#comments')).toEqual({
		status: 200,
		url: `${SITE}/blog/3/`,
		redirected: false
	});
	// A redirect still reports where it ended (Django's APPEND_SLASH: /blog → /blog/).
	expect(await fetchFromPage(page, '/blog')).toEqual({
		status: 200,
		url: `${SITE}/blog/`,
		redirected: true
	});
});

test('a new service worker taking over mid-session does not break later requests', async ({
	page
}) => {
	await page.goto('./playground/');
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'service-worker', STARTUP);
	await page.evaluate(() => window.requestFlowPlayer.setSpeed('instant'));
	expect(await fetchFromPage(page, '/blog/')).toMatchObject({ status: 200 });

	// A new deployment: another worker script installs, skips waiting and claims this page. It
	// knows nothing of the page, so without recovery every later request fails.
	await page.evaluate(async () => {
		const changed = new Promise((resolve) =>
			navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
		);
		const scope = (await navigator.serviceWorker.ready).scope;
		const script = new URL('request-flow-worker.js?deployment=2', scope).href;
		await navigator.serviceWorker.register(script, { scope });
		await changed;
	});
	const outcome = await page.evaluate(() =>
		(
			window as unknown as { requestFlowCheckWorker: () => Promise<string> }
		).requestFlowCheckWorker()
	);
	expect(['answering', 'restarted', 'in-page']).toContain(outcome);
	expect(await fetchFromPage(page, '/blog/')).toMatchObject({ status: 200 });
	await form(page).getByRole('button', { name: 'Send' }).click();
	await expect(form(page).getByTestId('response-line').first()).toContainText('200 OK', STARTUP);
	if ((await page.locator('main').getAttribute('data-simulation')) === 'in-page')
		await expect(page.getByTestId('in-page-notice')).toContainText('stopped answering');
});

test.describe('back/forward cache', () => {
	test('the playground is restored from the cache and its requests still work', async ({
		page
	}) => {
		test.setTimeout(180_000);
		const notRestored: unknown[] = [];
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Page.enable');
		cdp.on('Page.backForwardCacheNotUsed', (event) => notRestored.push(event));
		await page.addInitScript(() =>
			window.addEventListener('pageshow', (event) => {
				(window as unknown as { restored: boolean }).restored = event.persisted;
			})
		);

		await page.goto('./playground/');
		await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true', STARTUP);
		await page.evaluate(() => window.requestFlowPlayer.setSpeed('instant'));
		expect(await fetchFromPage(page, '/blog/')).toMatchObject({ status: 200 });

		// A full page load of another document, so the playground's document can be cached.
		await page.goto('./instructors/');
		await expect(page.locator('main')).toHaveAttribute(
			'data-simulation',
			'service-worker',
			STARTUP
		);
		// A page restored from the cache fires `pageshow`, not `load`.
		await page.goBack({ waitUntil: 'commit' });
		await expect(page).toHaveURL(/\/playground\/$/, STARTUP);
		await page.waitForFunction(() => 'restored' in window, null, STARTUP);

		expect(notRestored, JSON.stringify(notRestored, null, 1)).toEqual([]);
		expect(await page.evaluate(() => (window as unknown as { restored: boolean }).restored)).toBe(
			true
		);
		expect(await fetchFromPage(page, '/blog/')).toMatchObject({ status: 200 });
	});
});
