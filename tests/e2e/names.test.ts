import { expect, test } from '@playwright/test';
import type { PlayerController } from '../../src/lib/player/player.svelte';
import type { Trace } from '../../src/lib/sim/types';

declare global {
	interface Window {
		requestFlowPlayer: PlayerController;
		traces: Map<string, Trace>;
	}
}

// A production build minifies class names: what a student reads (narration, inspector details,
// API bodies) must come from the Python names the simulation declares, never constructor.name.
test('narration, inspector details and API bodies name Python classes, not minified ones', async ({
	page
}) => {
	await page.goto('playground/');
	await expect(page.locator('main')).toHaveAttribute('data-simulation', /service-worker|in-page/);
	await page.waitForFunction(() => 'requestFlowPlayer' in window);
	await page.evaluate(() => {
		window.traces = new Map();
		window.requestFlowPlayer.setSpeed('instant');
		window.requestFlowPlayer.onHop(({ trace }) => {
			if (trace) window.traces.set(trace.id, trace);
		});
	});
	const bodies = await page.evaluate(async () => {
		const site = 'https://mysite.test';
		const out: string[] = [];
		for (const [method, path] of [
			['GET', '/blog/'],
			['GET', '/blog/3/'],
			['GET', '/accounts/login/'],
			['GET', '/shop/products/teapot/'],
			['OPTIONS', '/api/posts/'],
			['OPTIONS', '/api/orders/']
		]) {
			const response = await fetch(site + path, { method, credentials: 'include' });
			out.push(await response.text());
		}
		return out;
	});
	await expect.poll(() => page.evaluate(() => window.traces.size)).toBeGreaterThanOrEqual(6);
	const traces = await page.evaluate(() => JSON.stringify([...window.traces.values()]));
	const read = `${traces}\n${bodies.join('\n')}`;

	// The real names are there…
	expect(read).toContain('PostListView');
	expect(read).toContain('blog.views.post_detail');
	expect(bodies[4]).toContain('"name":"Post List"');
	// …and no one- to three-letter class name stands where a Python class name belongs.
	expect(read).not.toMatch(/\b[A-Za-z_$][\w$]{0,2} \(an? [A-Z]\w*\)/);
	expect(read).not.toMatch(/<[A-Za-z_$][\w$]{0,2} bound=/);
	expect(read).not.toMatch(/"name":"[A-Za-z_$][\w$]{0,2}"/);
	expect(read).not.toMatch(/class extends|function\s*\(/);
});
