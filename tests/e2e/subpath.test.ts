import { expect, test } from '@playwright/test';

// Runs against a build made with BASE_PATH (see `npm run test:e2e:subpath`), as a GitHub Pages
// project site would serve it: every link, asset and the service worker live under the sub-path.
const base = process.env.BASE_PATH ?? '';

test('the site works under a sub-path: links, the worker and a request through the stack @subpath', async ({
	page
}) => {
	await page.goto('./');
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'service-worker');
	const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
	expect(new URL(scope).pathname).toBe(`${base}/`);

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Playground' })
		.click();
	await expect(page).toHaveURL(new RegExp(`${base}/playground/$`));
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'service-worker');
	const answer = await page.evaluate(async () => {
		const player = (window as unknown as { requestFlowPlayer?: { setSpeed(s: string): void } })
			.requestFlowPlayer;
		player?.setSpeed('instant');
		const response = await fetch('https://mysite.test/blog/', { credentials: 'include' });
		return { status: response.status, body: await response.text() };
	});
	expect(answer.status).toBe(200);
	expect(answer.body).toContain('/static/css/site.css');

	await page.goto('embed/?request=GET%20/blog/3/&hop=3');
	await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
	await expect(page.locator('svg.rf-diagram .rf-active')).toHaveCount(1, { timeout: 20_000 });
});
