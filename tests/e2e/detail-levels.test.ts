import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Page } from '@playwright/test';

// The machine may be busy: wait for states generously (never for a fixed time).
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });
import type { PlayerController } from '../../src/lib/player/player.svelte';
import type { Hop, Trace } from '../../src/lib/sim/types';

declare global {
	interface Window {
		requestFlowPlayer: PlayerController;
		seen: { trace: Trace | null; hop: Hop | null; status: string }[];
	}
}

async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('main')).toHaveAttribute('data-simulation', /service-worker|in-page/);
	await page.waitForFunction(() => 'requestFlowPlayer' in window);
	await page.evaluate(() => {
		window.seen = [];
		window.requestFlowPlayer.onHop((change) => window.seen.push(change));
	});
}

const player = (page: Page) => page.getByRole('region', { name: /^Request player/ });
const levels = (page: Page) => player(page).getByRole('group', { name: 'Level of detail' });
const nodes = (page: Page) => player(page).locator('svg.rf-diagram [data-node]');
const lastSeen = (page: Page) => page.evaluate(() => window.seen.at(-1)!);

/** Sends GET / from the page and waits until it is paused at the web server (hop 1). */
async function sendHomePaused(page: Page) {
	await page.evaluate(() => {
		window.requestFlowPlayer.setSpeed('slow');
		window.requestFlowPlayer.setBreakpoints(['web-server']);
		void fetch('https://mysite.test/');
	});
	await expect(player(page)).toHaveAttribute('data-status', 'paused');
	await page.evaluate(() => window.requestFlowPlayer.setBreakpoints([]));
}

test('the student switches the level of detail: the diagram and the steps follow', async ({
	page
}) => {
	await open(page, 'playground/');
	await levels(page).getByRole('radio', { name: 'Overview' }).check();
	await expect(player(page)).toHaveAttribute('data-detail', 'overview');
	await expect(nodes(page)).toHaveCount(4);
	await expect(player(page).locator('[data-node="middleware"] .rf-label')).toHaveText('Django');

	await sendHomePaused(page);
	const first = await lastSeen(page);
	expect(first.trace?.hops).toHaveLength(7);
	// Step through GET / at the overview: seven hops, Django in one of them.
	const summaries = [first.hop!.summary];
	const forward = player(page).getByRole('button', { name: 'Step forward' });
	while (await forward.isEnabled()) {
		const before = summaries.length;
		await forward.click();
		await expect.poll(async () => (await lastSeen(page)).hop?.index).toBe(before);
		summaries.push((await lastSeen(page)).hop!.summary);
	}
	expect(summaries).toHaveLength(7);
	expect(summaries[3]).toMatch(/^Inside Django: .*the URL resolver chose the view/);
	await expect(player(page)).toHaveAttribute('data-status', 'done');

	// Everything again: every node, every hop, at the same moment (the end).
	await levels(page).getByRole('radio', { name: 'Everything' }).check();
	await expect(nodes(page)).toHaveCount(9);
	await expect.poll(async () => (await lastSeen(page)).trace?.hops.length).toBe(26);
	expect((await lastSeen(page)).hop?.index).toBe(25);

	// The keyboard reaches the radio group, and arrow keys move within it (not the playback).
	await levels(page).getByRole('radio', { name: 'Everything' }).focus();
	await page.keyboard.press('ArrowLeft');
	await expect(levels(page).getByRole('radio', { name: 'Inside Django' })).toBeChecked();
	await expect.poll(async () => (await lastSeen(page)).trace?.hops.length).toBe(14);

	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('a pause point stops once per request, however often the packet comes back', async ({
	page
}) => {
	await open(page, 'playground/');
	await page.evaluate(() => {
		window.requestFlowPlayer.setSpeed('fast');
		// The middleware sees GET / fifteen times on its way in and out.
		window.requestFlowPlayer.setBreakpoints(['middleware']);
		void fetch('https://mysite.test/');
	});
	await expect(player(page)).toHaveAttribute('data-status', 'paused');
	expect((await lastSeen(page)).hop).toMatchObject({ from: 'app-server', to: 'middleware' });
	await player(page).getByRole('button', { name: 'Play' }).click();
	await expect(player(page)).toHaveAttribute('data-status', 'done');
	const paused = await page.evaluate(() => window.seen.filter((s) => s.status === 'paused').length);
	expect(paused).toBe(1);
});

test('at 1366 px every text of the diagram renders at 12 px or more, in a lesson and the playground', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	for (const path of ['lessons/client-and-server/', 'playground/']) {
		await open(page, path);
		await sendHomePaused(page);
		for (const level of ['Everything', 'Overview', 'Inside Django']) {
			await levels(page).getByRole('radio', { name: level }).check();
			const sizes = await player(page)
				.locator('svg.rf-diagram')
				.evaluate((svg: SVGSVGElement) => {
					const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
					return [...svg.querySelectorAll('text')].map((t) => ({
						text: t.textContent,
						px: parseFloat(getComputedStyle(t).fontSize) * scale,
						box: t.getBoundingClientRect().height
					}));
				});
			const small = sizes.filter((s) => s.px < 12 || s.box < 12);
			expect(small, `${path} at ${level}`).toEqual([]);
			expect(sizes.length).toBeGreaterThan(4);
		}
	}
});

test('packet labels never cover a node name', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await open(page, 'lessons/client-and-server/');
	await page.evaluate(() => {
		window.requestFlowPlayer.setSpeed('slow');
		window.requestFlowPlayer.setBreakpoints(['web-server']);
		void fetch('https://mysite.test/blog/3/?ref=a-long-query');
	});
	await expect(player(page)).toHaveAttribute('data-status', 'paused');
	const overlaps = await player(page)
		.locator('svg.rf-diagram')
		.evaluate((svg) => {
			const rect = (e: Element) => e.getBoundingClientRect();
			const names = [...svg.querySelectorAll('.rf-node .rf-label')].map(rect);
			const packets = [...svg.querySelectorAll('.rf-packet .rf-shape')].map(rect);
			return packets.filter((p) =>
				names.some(
					(n) => p.left < n.right && n.left < p.right && p.top < n.bottom && n.top < p.bottom
				)
			).length;
		});
	expect(overlaps).toBe(0);
});

test('on a phone, the request comes to the student and focus goes back', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await open(page, 'lessons/client-and-server/');
	await page.evaluate(() => window.requestFlowPlayer.setSpeed('slow'));
	const send = page.getByRole('button', { name: 'Send GET /' });
	await send.click();
	const dock = page.getByRole('group', { name: 'The request now' });
	await expect(dock).toBeVisible();
	await expect(dock).toContainText('GET /');
	await dock.getByRole('button', { name: 'Pause' }).click();
	await expect(player(page)).toHaveAttribute('data-status', 'paused');
	await send.focus();
	await dock.getByRole('button', { name: 'Show the diagram' }).click();
	await expect(player(page)).toBeFocused();
	await expect(player(page).locator('svg.rf-diagram')).toBeInViewport();
	await page.getByRole('button', { name: 'Back to where you were' }).click();
	await expect(send).toBeFocused();
	await expect(send).toBeInViewport();
});
