/**
 * Two things the playground keeps, in Chromium: the Speed picked last (after a reload, as lesson
 * pages do), and the hop a permalink names, which it lands on at any level of detail (a link made
 * at the overview opens on the same hop in a player showing everything).
 */
import { expect, test, type Page } from '@playwright/test';
import type { PlayerController } from '../../src/lib/player/player.svelte';
import type { Hop } from '../../src/lib/sim/types';

declare global {
	interface Window {
		requestFlowPlayer: PlayerController;
		shownHop: () => Hop | null;
	}
}

const player = (page: Page) => page.getByRole('region', { name: /^Request player/ });
const speed = (page: Page) => page.getByRole('combobox', { name: 'Speed' });

async function openPlayground(page: Page, search = '') {
	await page.goto(`./playground/${search}`);
	await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true', {
		timeout: 60_000
	});
	await page.waitForFunction(() => 'requestFlowPlayer' in window);
	await page.evaluate(() => {
		let hop: Hop | null = null;
		window.requestFlowPlayer.onHop((change) => (hop = change.hop));
		window.shownHop = () => hop;
	});
}

test('the playground remembers the speed picked last', async ({ page }) => {
	await openPlayground(page);
	await expect(speed(page)).toHaveValue('normal');
	await speed(page).selectOption('slow');
	await page.reload();
	await expect(speed(page)).toHaveValue('slow');
});

test('a permalink made at the overview lands on the same hop at everything', async ({
	page,
	browser
}) => {
	await openPlayground(page);
	await speed(page).selectOption('instant');
	await player(page).getByRole('radio', { name: 'Overview' }).check();
	await expect(player(page)).toHaveAttribute('data-detail', 'overview');
	await page.evaluate(() => fetch('https://mysite.test/blog/').then((r) => r.text()));
	await expect(player(page)).toHaveAttribute('data-status', 'done');
	// At the overview, gunicorn's answer back to nginx is the fifth of seven hops.
	const made = await page.evaluate(() => {
		const change = { hop: null as Hop | null, id: '' };
		window.requestFlowPlayer.onHop((c) => {
			change.hop = c.hop;
			change.id = c.trace?.id ?? '';
		})();
		window.requestFlowPlayer.goto(change.id, 5);
		return window.shownHop();
	});
	expect(made).toMatchObject({ from: 'app-server', to: 'web-server', index: 5 });
	await page.getByRole('button', { name: 'Share or embed' }).click();
	const link = await page
		.getByRole('textbox', { name: 'Link to this request and step' })
		.inputValue();
	const hop = Number(new URL(link).searchParams.get('hop'));
	expect(hop).toBeGreaterThan(5);

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await openPlayground(other, new URL(link).search);
	await expect(player(other)).toHaveAttribute('data-detail', 'everything');
	await other.waitForFunction((index) => window.shownHop()?.index === index, hop, {
		timeout: 60_000
	});
	const landed = await other.evaluate(() => window.shownHop());
	expect(landed).toMatchObject({ from: 'app-server', to: 'web-server', summary: made!.summary });
	await fresh.close();
});
