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
