import { expect, test } from '@playwright/test';

// The example deck (static/examples/slides.html): arrow keys move the slides while an embed plays,
// the deck drives its embeds with reveal.js-style messages, and keys pressed inside an embed that
// it does not use come back to the deck.
test.describe.configure({ timeout: 180_000 });

test('the example deck moves between slides with embedded steps and drives them', async ({
	page
}) => {
	await page.goto('examples/slides.html');
	const where = page.getByRole('status');
	await expect(where).toHaveText('Slide 1 of 4');
	await page.keyboard.press('ArrowRight');
	await expect(where).toHaveText('Slide 2 of 4');

	// The diagram on slide 2 has loaded its request; P plays it (reveal.js's togglePause).
	const diagram = page.frameLocator('iframe[title="Request Flow: GET /blog/3/"]');
	const player = diagram.locator('section.player');
	await expect(player.getByRole('button', { name: 'Step forward' })).toBeEnabled({
		timeout: 60_000
	});
	await expect(diagram.getByRole('button', { name: 'Inspector' })).toBeHidden(); // minimal
	await page.keyboard.press('p');
	await expect(player).toHaveAttribute('data-status', 'playing');
	await page.screenshot({ path: 'test-results/embed-slides.png' });

	// While it plays, the arrows still move the deck.
	await page.keyboard.press('ArrowRight');
	await expect(where).toHaveText('Slide 3 of 4');

	// Slide 3 embeds a lesson step; with focus inside the embed, the arrows still move the deck.
	const lesson = page.frameLocator('iframe[title^="Request Flow lesson"]');
	await expect(lesson.getByRole('heading', { name: 'Step 4 of 6' })).toBeVisible({
		timeout: 60_000
	});
	await lesson.getByRole('button', { name: 'Finish' }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(where).toHaveText('Slide 4 of 4');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowLeft');
	await expect(where).toHaveText('Slide 2 of 4');

	// The deck sends reveal.js's "slide" (go to hop 2), then N steps it (reveal.js's "next").
	await page.keyboard.press('p');
	await expect(player).not.toHaveAttribute('data-status', 'playing');
	const current = player.locator('p.narration');
	// Where the pause fell depends on the machine's speed, so go to two known hops in turn.
	const slide = (hop: number) =>
		page.evaluate((hop) => {
			document
				.querySelector<HTMLIFrameElement>('iframe[title="Request Flow: GET /blog/3/"]')!
				.contentWindow!.postMessage(`{"method":"slide","args":[${hop}]}`, location.origin);
		}, hop);
	await slide(0);
	await expect(current).toHaveText(/The browser sends GET \/blog\/3\//);
	await slide(2);
	await expect(current).toHaveText(/calls Django with the WSGI environ/);
	const before = await current.innerText();
	await page.keyboard.press('n');
	await expect(current).not.toHaveText(before);
});
