/**
 * What several journeys share: the busy machine's longer wait for states, the student's client
 * (mini browser, Inbox) as located by its accessible names, opening a lesson or the playground at
 * Instant speed, and a course page on another origin that embeds Request Flow.
 */
import { createServer, type Server } from 'node:http';
import { expect as baseExpect, test, type Page } from '@playwright/test';

/** The simulated site's origin. */
export const SITE = 'https://mysite.test';

// The machine running these may be busy: wait longer for states (never for a fixed time).
export const expect = baseExpect.configure({ timeout: 30_000 });

/** The student's client: its tabs, the mini browser's address bar and page, the Inbox. */
export function client(page: Page) {
	const tablist = page.getByRole('tablist', { name: "The student's client" });
	const browser = page.getByRole('region', { name: 'Mini browser' });
	return {
		tablist,
		browser,
		tab: (name: string) => tablist.getByRole('tab', { name, exact: true }),
		inbox: page.getByRole('tabpanel', { name: 'Inbox', exact: true }),
		address: browser.getByRole('textbox', { name: 'Address' }),
		frame: browser.frameLocator('iframe[title^="Page"]')
	};
}

export type Client = ReturnType<typeof client>;

/** A lesson, its simulation started, its player at Instant speed so answers come at once. */
export async function openLesson(page: Page, slug: string): Promise<Client> {
	await page.goto(`lessons/${slug}/`);
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'service-worker');
	await page.waitForFunction(() => 'requestFlowPlayer' in window);
	await page.evaluate(() =>
		(
			window as unknown as { requestFlowPlayer: { setSpeed(s: string): void } }
		).requestFlowPlayer.setSpeed('instant')
	);
	return client(page);
}

/** The playground (`?project=full` for mysite.settings_full), ready, at Instant speed. */
export async function openPlayground(page: Page, search = ''): Promise<Client> {
	await page.goto(`./playground/${search}`);
	await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true', {
		timeout: 60_000
	});
	await page.getByRole('combobox', { name: 'Speed' }).selectOption('instant');
	return client(page);
}

/** Types a path into the mini browser's address bar and waits until it is there. */
export async function visit(page: Page, path: string) {
	const { address, tab } = client(page);
	await tab('Browser').click();
	await address.fill(path);
	await address.press('Enter');
	await expect(address).toHaveValue(`${SITE}${path}`);
}

/** Logs in on mysite's login page from the mini browser. */
export async function logIn(page: Page, password: string, username = 'alice') {
	const { frame, address } = client(page);
	await visit(page, '/accounts/login/');
	await frame.getByLabel('Username').fill(username);
	await frame.getByLabel('Password').fill(password);
	await frame.getByRole('button', { name: 'Log in' }).click();
	await expect(address).toHaveValue(`${SITE}/accounts/profile/`);
}

/** From mysite's login page to Example ID's consent page, signed in there as carol. */
export async function toConsent(c: Client) {
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

/**
 * A course page on another origin (its own server, `offset` ports above the app's), as an
 * instructor's page embeds Request Flow. Call at the top of a spec file: it starts the server
 * before the tests and stops it after. `open(page, body)` serves `body` and goes there.
 */
export function courseHost(offset: number) {
	const port = Number(process.env.PORT ?? 4173);
	const hostPort = port + offset;
	const base = process.env.BASE_PATH ?? '';
	const embedOrigin = `http://localhost:${port}`;
	const hostUrl = `http://127.0.0.1:${hostPort}/course.html`;
	let server: Server;
	let html = '';
	test.beforeAll(async () => {
		server = createServer((_, response) => {
			response.writeHead(200, { 'content-type': 'text/html' });
			response.end(html);
		});
		await new Promise<void>((resolve) => server.listen(hostPort, '127.0.0.1', resolve));
	});
	test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
	return {
		/** Where the embed is served from, and its base path. */
		embedOrigin,
		embedUrl: (search: string) => `${embedOrigin}${base}/embed/${search}`,
		scriptUrl: `${embedOrigin}${base}/request-flow-embed.js`,
		async open(page: Page, body: string) {
			html = `<!doctype html><html lang="en"><head><title>Course page</title></head><body>
<h1>My course</h1>
${body}</body></html>`;
			await page.goto(hostUrl);
		}
	};
}
