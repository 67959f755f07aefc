import { expect, test } from '@playwright/test';

test('the worker intercepts a real fetch to the simulated origin', async ({ page }) => {
	const served: { url: string; fromServiceWorker: boolean }[] = [];
	page.on('response', (response) => {
		if (response.url().startsWith('https://mysite.test/'))
			served.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
	});
	await page.goto('./');
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'service-worker');
	const answer = await page.evaluate(async () => {
		const response = await fetch('https://mysite.test/');
		return { status: response.status, body: await response.text() };
	});
	expect(answer.status).toBe(200);
	expect(answer.body).toContain('<h1>Welcome to mysite</h1>');
	expect(served).toEqual([{ url: 'https://mysite.test/', fromServiceWorker: true }]);
});

test('at 320 px wide no page scrolls sideways (WCAG reflow)', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	for (const path of ['./', 'lessons/http/', 'playground/', 'instructors/']) {
		await page.goto(path);
		// Everything the page builds once it has started: the simulation says so.
		await expect(page.locator('main')).toHaveAttribute('data-simulation', /service-worker|in-page/);
		if (path !== './' && path !== 'instructors/')
			await expect(page.locator('main')).toHaveAttribute('data-simulation-ready', 'true');
		const wide = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(wide, path).toBeLessThanOrEqual(320);
	}
});
