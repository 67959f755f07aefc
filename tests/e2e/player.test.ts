import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { PlayerController } from '../../src/lib/player/player.svelte';
import type { Hop, Trace } from '../../src/lib/sim/types';

declare global {
	interface Window {
		requestFlowPlayer: PlayerController;
		seen: { trace: Trace | null; hop: Hop | null; status: string }[];
	}
}

/** Opens the playground and records every hop change the player reports. */
async function openPlayground(page: Page, query = '') {
	await page.goto(`playground/${query}`);
	await expect(page.locator('main')).toHaveAttribute('data-simulation', /service-worker|in-page/);
	await page.waitForFunction(() => 'requestFlowPlayer' in window);
	await page.evaluate(() => {
		window.seen = [];
		window.requestFlowPlayer.onHop((change) => window.seen.push(change));
	});
}

const player = (page: Page) => page.getByRole('region', { name: 'Request player' });
/** The playground's own request form (the client panel beside it has a Send button too). */
const form = (page: Page) => page.getByRole('region', { name: 'Send a request' });
const narration = (page: Page) => player(page).locator('[aria-live="polite"]');
const lastSeen = (page: Page) => page.evaluate(() => window.seen.at(-1)!);

/** Sends the playground's "Blog post 3" request, paused where the request reaches nginx. */
async function sendBlogPostPaused(page: Page) {
	await page.evaluate(() => {
		window.requestFlowPlayer.setSpeed('slow');
		window.requestFlowPlayer.setBreakpoints(['web-server']);
	});
	await form(page).getByLabel('Ready-made request').selectOption({ label: 'Blog post 3' });
	await form(page).getByRole('button', { name: 'Send' }).click();
	await expect(player(page)).toHaveAttribute('data-status', 'paused');
	await page.evaluate(() => window.requestFlowPlayer.setBreakpoints([]));
	const { trace, hop } = await lastSeen(page);
	expect(trace?.url).toBe('https://mysite.test/blog/3/');
	expect(hop).toMatchObject({ index: 0, from: 'browser', to: 'web-server' });
	return trace!;
}

test('a blog post request plays through every node and steps both ways', async ({ page }) => {
	await openPlayground(page);
	const trace = await sendBlogPostPaused(page);
	const visited = new Set(trace.hops.flatMap((h) => [h.from, h.to]));
	expect([...visited].sort()).toEqual(
		[
			'app-server',
			'browser',
			'database',
			'middleware',
			'model',
			'template',
			'url-resolver',
			'view',
			'web-server'
		].sort()
	);

	const stepForward = player(page).getByRole('button', { name: 'Step forward' });
	const stepBack = player(page).getByRole('button', { name: 'Step back' });
	await stepForward.click();
	await expect(narration(page)).toContainText(trace.hops[1].summary);
	await stepBack.click();
	await expect(narration(page)).toContainText(trace.hops[0].summary);
	await expect(player(page).getByText('GET /blog/3/ HTTP/1.1').first()).toBeVisible();

	// The inspector follows the hop: the SQL on the query hop, the template on the render hop.
	const query = trace.hops.find((h) => h.kind === 'query')!;
	await page.evaluate(
		(i) => window.requestFlowPlayer.goto(window.seen.at(-1)!.trace!.id, i),
		query.index
	);
	await expect(narration(page)).toContainText(query.summary);
	await expect(
		player(page)
			.getByText(/SELECT/)
			.first()
	).toBeVisible();
	const render = trace.hops.find((h) => h.kind === 'render')!;
	await player(page).getByRole('button', { name: 'Step forward' }).click();
	await page.evaluate(
		(i) => window.requestFlowPlayer.goto(window.seen.at(-1)!.trace!.id, i),
		render.index
	);
	await expect(player(page).getByText(render.detail.template!.name).first()).toBeVisible();

	// Playing on reaches the browser and every node has been the current hop's destination.
	await page.evaluate(() => window.requestFlowPlayer.setSpeed('fast'));
	await player(page).getByRole('button', { name: 'Play' }).click();
	await expect(player(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
	await expect(form(page).getByTestId('response-line').first()).toHaveText('GET /blog/3/ → 200 OK');
});

test('the fetch stays pending until the response hop reaches the browser', async ({ page }) => {
	await openPlayground(page);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	const sent = new Set<string>();
	const finished: string[] = [];
	cdp.on('Network.requestWillBeSent', (e) => {
		if (e.request.url === 'https://mysite.test/blog/3/') sent.add(e.requestId);
	});
	cdp.on('Network.loadingFinished', (e) => {
		if (sent.has(e.requestId)) finished.push(e.requestId);
	});

	const trace = await sendBlogPostPaused(page);
	expect(sent.size).toBe(1);
	const stepForward = player(page).getByRole('button', { name: 'Step forward' });
	for (let i = 1; i < trace.hops.length - 1; i++) {
		await stepForward.click();
		await expect(narration(page)).toContainText(trace.hops[i].summary);
		expect(finished, `finished before hop ${i} of ${trace.hops.length}`).toEqual([]);
	}
	// Slowly, and still pending: the page has no response yet.
	await page.waitForTimeout(1000);
	expect(finished).toEqual([]);
	await stepForward.click();
	await expect.poll(() => finished.length).toBe(1);
	await expect(form(page).getByTestId('response-line').first()).toHaveText('GET /blog/3/ → 200 OK');
	// Stepping back after delivery does not take the response back.
	await player(page).getByRole('button', { name: 'Step back' }).click();
	await expect(player(page)).toHaveAttribute('data-status', 'paused');
	expect(finished).toHaveLength(1);
});

test('stepping through a redirect shows the 301 reach the browser before the next request', async ({
	page
}) => {
	await openPlayground(page);
	await page.evaluate(() => {
		window.requestFlowPlayer.setSpeed('slow');
		window.requestFlowPlayer.setBreakpoints(['web-server']);
	});
	await form(page)
		.getByLabel('Ready-made request')
		.selectOption({ label: '/blog/3 without the slash' });
	await form(page).getByRole('button', { name: 'Send' }).click();
	await expect(player(page)).toHaveAttribute('data-status', 'paused');
	await page.evaluate(() => window.requestFlowPlayer.setBreakpoints([]));
	const { trace: redirect } = await lastSeen(page);
	expect(redirect).toMatchObject({ url: 'https://mysite.test/blog/3', status: 301 });
	const last = redirect!.hops.length - 1;
	expect(redirect!.hops[last].to).toBe('browser');

	const stepForward = player(page).getByRole('button', { name: 'Step forward' });
	const shown = async () => {
		const { trace, hop } = await lastSeen(page);
		return `${trace?.url}#${hop?.index}`;
	};
	for (let i = 1; i <= last; i++) {
		await stepForward.click();
		await expect.poll(shown).toBe(`https://mysite.test/blog/3#${i}`);
	}
	// The browser follows the redirect: the new request joins the timeline and waits at the
	// Browser node while the student still sees the 301 arrive, with one packet there.
	const rows = player(page).locator('.timeline .request');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(1)).toContainText('/blog/3/');
	await expect(player(page)).toHaveAttribute('data-status', 'paused');
	await expect(narration(page)).toContainText(redirect!.hops[last].summary);
	expect(await shown()).toBe(`https://mysite.test/blog/3#${last}`);
	await expect(player(page).locator('[data-packet]')).toHaveCount(1);

	await stepForward.click();
	await expect.poll(shown).toBe('https://mysite.test/blog/3/#0');
});

test('every ready-made request gets the answer its hint describes', async ({ page }) => {
	await openPlayground(page);
	await page.evaluate(() => window.requestFlowPlayer.setSpeed('instant'));
	const expected: [string, string][] = [
		['Home page', 'GET / → 200 OK'],
		['Blog list', 'GET /blog/ → 200 OK'],
		['Blog post 3', 'GET /blog/3/ → 200 OK'],
		['A static CSS file', 'GET /static/css/site.css → 200 OK'],
		['A path no pattern matches', 'GET /no/such/page/ → 404 Not Found'],
		['/blog/3 without the slash', 'GET /blog/3 → redirected to /blog/3/ → 200 OK'],
		['API: create an order without a token', 'POST /api/orders/ → 401 Unauthorized'],
		['Log in (POST)', 'POST /accounts/login/ → redirected to /accounts/profile/ → 200 OK'],
		['API: my orders, with a token', 'GET /api/orders/ → 200 OK'],
		// Logged in now: the session cookie goes along, and DRF wants the CSRF token.
		['API: create an order without a token', 'POST /api/orders/ → 403 Forbidden'],
		['A slow report', 'GET /reports/slow/ → 502 Bad Gateway'],
		['A view that crashes', 'GET /boom/ → 500 Internal Server Error']
	];
	for (const [label, line] of expected) {
		await form(page).getByLabel('Ready-made request').selectOption({ label });
		await form(page).getByRole('button', { name: 'Send' }).click();
		await expect(form(page).getByTestId('response-line').first()).toHaveText(line);
	}
});

test('a fetch typed into the console plays too, and waits for the animation', async ({ page }) => {
	await openPlayground(page);
	await page.evaluate(() => window.requestFlowPlayer.setSpeed('fast'));
	// What a student would type into DevTools' console on this page.
	const status = page.evaluate(async () => (await fetch('https://mysite.test/blog/')).status);
	await expect(narration(page)).toContainText('GET /blog/');
	await expect(player(page)).toHaveAttribute('data-status', 'playing');
	expect(await status).toBe(200);
	await expect(player(page)).toHaveAttribute('data-status', 'done');
	expect((await lastSeen(page)).hop?.to).toBe('browser');
});

test('a response held for four minutes is handed over, with a notice', async ({ page }) => {
	await page.clock.install();
	await openPlayground(page);
	await sendBlogPostPaused(page);
	await expect(form(page).getByText('Waiting for the response to reach the browser')).toBeVisible();
	await page.clock.fastForward('04:01');
	await expect(player(page).getByRole('status')).toContainText(
		'The browser would give up waiting after 5 minutes, so the response was handed to the page now'
	);
	await expect(form(page).getByTestId('response-line').first()).toHaveText('GET /blog/3/ → 200 OK');
	// The animation stays where the student left it.
	await expect(player(page)).toHaveAttribute('data-status', 'paused');
	expect((await lastSeen(page)).hop?.index).toBe(0);
	await player(page).getByRole('button', { name: 'Dismiss' }).click();
	await expect(player(page).getByRole('status')).toHaveCount(0);
});

test('the playground has no accessibility violations (axe)', async ({ page }) => {
	await openPlayground(page);
	await sendBlogPostPaused(page);
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('a keyboard-only user sends a request and steps through it', async ({ page }) => {
	await openPlayground(page);
	await page.evaluate(() => window.requestFlowPlayer.setSpeed('slow'));
	const focusedName = () =>
		page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			return `${el?.tagName}:${el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''}`;
		});
	for (let i = 0; i < 30 && (await focusedName()) !== 'BUTTON:Send'; i++)
		await page.keyboard.press('Tab');
	expect(await focusedName()).toBe('BUTTON:Send');
	await page.keyboard.press('Enter');
	await expect(player(page)).toHaveAttribute('data-status', 'playing');
	for (let i = 0; i < 80 && (await focusedName()) !== 'SECTION:Request player'; i++)
		await page.keyboard.press('Tab');
	expect(await focusedName()).toBe('SECTION:Request player');
	await page.keyboard.press(' ');
	await expect(player(page)).toHaveAttribute('data-status', 'paused');
	// Paused mid-hop, the first step finishes the hop in flight (the packet reaches its node). On a
	// busy machine the pause can come after that hop was due but before its timer fired: the pause
	// then lands on its arrival and the step goes on to the next hop (player.machine.test.ts pins
	// both). Either way the step ends on an arrival, and each later step moves by exactly one hop.
	const travelling = (await lastSeen(page)).hop!.index;
	await page.keyboard.press('ArrowRight');
	const before = (await lastSeen(page)).hop!.index;
	expect([travelling, travelling + 1]).toContain(before);
	await expect(narration(page)).toContainText((await lastSeen(page)).hop!.summary);
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect.poll(async () => (await lastSeen(page)).hop?.index).toBe(before + 2);
	await page.keyboard.press('ArrowLeft');
	await expect.poll(async () => (await lastSeen(page)).hop?.index).toBe(before + 1);
	const { trace, hop } = await lastSeen(page);
	await expect(narration(page)).toContainText(hop!.summary);
	await page.keyboard.press('Home');
	await expect(player(page)).toHaveAttribute('data-status', 'playing');
	await page.keyboard.press(' ');
	await expect(player(page)).toHaveAttribute('data-status', 'paused');
	expect((await lastSeen(page)).trace!.id).toBe(trace!.id);
});

test('with reduced motion, packets do not travel but stepping works the same', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await openPlayground(page);
	const trace = await sendBlogPostPaused(page);
	await player(page).getByRole('button', { name: 'Step forward' }).click();
	await expect(narration(page)).toContainText(trace.hops[1].summary);
	await player(page).getByRole('button', { name: 'Play' }).click();
	await expect(player(page)).toHaveAttribute('data-status', 'playing');
	// Over 30 frames, the packet only ever changes place when a hop arrives (however long a busy
	// machine takes between frames): between arrivals it stands still.
	const samples = await page.evaluate(async () => {
		const out: { at: string | null; hop: string }[] = [];
		for (let i = 0; i < 30; i++) {
			await new Promise((r) => requestAnimationFrame(r));
			const last = window.seen.at(-1);
			out.push({
				at: document.querySelector('[data-packet]')?.getAttribute('transform') ?? null,
				hop: `${last?.trace?.id}#${last?.hop?.index}`
			});
		}
		return out;
	});
	let compared = 0;
	for (let i = 1; i < samples.length; i++) {
		if (samples[i].hop !== samples[i - 1].hop) continue;
		expect(samples[i].at).toBe(samples[i - 1].at);
		compared++;
	}
	expect(compared).toBeGreaterThan(0);
});

test.describe('without a service worker', () => {
	// Playwright blocks registration, as a sandboxed embed or a locked-down browser would.
	test.use({ serviceWorkers: 'block' });

	test('requests are answered inside the page, with a notice', async ({ page }) => {
		const network: string[] = [];
		page.on('request', (r) => {
			if (r.url().startsWith('https://mysite.test/')) network.push(r.url());
		});
		await openPlayground(page);
		await expect(page.locator('main')).toHaveAttribute('data-simulation', 'in-page');
		await expect(page.getByTestId('in-page-notice')).toHaveText(
			"Requests are answered inside this page, so your browser's DevTools will not list them."
		);
		await page.evaluate(() => window.requestFlowPlayer.setSpeed('fast'));
		await form(page).getByLabel('Ready-made request').selectOption({ label: 'Blog post 3' });
		await form(page).getByRole('button', { name: 'Send' }).click();
		await expect(player(page)).toHaveAttribute('data-status', 'playing');
		await expect(form(page).getByTestId('response-line').first()).toHaveText(
			'GET /blog/3/ → 200 OK',
			{
				timeout: 30_000
			}
		);
		// Redirects are followed as fetch follows them.
		await page.evaluate(() => window.requestFlowPlayer.setSpeed('instant'));
		await page
			.getByLabel('Ready-made request')
			.selectOption({ label: '/blog/3 without the slash' });
		await form(page).getByRole('button', { name: 'Send' }).click();
		await expect(form(page).getByTestId('response-line').first()).toHaveText(
			'GET /blog/3 → redirected to /blog/3/ → 200 OK'
		);
		const answer = await page.evaluate(async () => {
			const r = await fetch('https://mysite.test/nowhere-at-all/', { credentials: 'include' });
			return r.status;
		});
		expect(answer).toBe(404);
		expect(network).toEqual([]);
	});
});

test('?simulation=in-page forces the in-page mode', async ({ page }) => {
	await openPlayground(page, '?simulation=in-page');
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'in-page');
	await expect(page.getByTestId('in-page-notice')).toBeVisible();
});

test('screenshots: phone and projector', async ({ page }, testInfo) => {
	for (const [name, viewport] of [
		['phone', { width: 390, height: 844 }],
		['projector', { width: 1920, height: 1080 }]
	] as const) {
		await page.setViewportSize(viewport);
		await openPlayground(page);
		await sendBlogPostPaused(page);
		for (let i = 0; i < 6; i++)
			await player(page).getByRole('button', { name: 'Step forward' }).click();
		await page.screenshot({ path: testInfo.outputPath(`player-${name}.png`), fullPage: true });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
		expect(overflow, `horizontal overflow at ${name}`).toBeLessThanOrEqual(0);
	}
});
