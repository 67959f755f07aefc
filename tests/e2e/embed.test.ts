import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { courseHost } from './helpers';

// The host page lives on another origin (its own server on another port), as an instructor's
// course page would: the embed must work in a cross-origin iframe.
const host = courseHost(1000);

async function openHost(page: Page, search: string) {
	await host.open(
		page,
		`<iframe id="rf" title="Request Flow" style="width:900px;height:300px;border:0"
  src="${host.embedUrl(search)}"></iframe>
<script>
  window.events = [];
  addEventListener('message', (e) => {
    if (e.origin !== '${host.embedOrigin}') return;
    window.events.push(e.data);
    if (e.data && e.data.type === 'request-flow:resize') document.getElementById('rf').style.height = e.data.height + 'px';
  });
  window.send = (m) => document.getElementById('rf').contentWindow.postMessage(m, '*');
</script>`
	);
}

const lastHop = (page: Page) =>
	page.evaluate(() => {
		const hops = (window as unknown as { events: { type: string; index: number }[] }).events.filter(
			(e) => e.type === 'request-flow:hop'
		);
		return hops.at(-1)?.index ?? null;
	});

test('an embed in a cross-origin page lands on its hop, resizes, and obeys step and goto', async ({
	page
}) => {
	await openHost(page, '?request=GET%20/blog/3/&hop=4');
	const frame = page.frameLocator('#rf');
	await expect.poll(() => lastHop(page), { timeout: 20_000 }).toBe(4);
	await expect(frame.getByRole('button', { name: 'Step forward' })).toBeVisible();

	// It told the host its height, and the host applied it.
	const before = await page.locator('#rf').evaluate((el) => el.getBoundingClientRect().height);
	expect(before).toBeGreaterThan(300);
	// Opening a panel makes it taller, and the host's iframe follows.
	await frame.getByRole('button', { name: 'Timeline' }).click();
	await expect
		.poll(() => page.locator('#rf').evaluate((el) => el.getBoundingClientRect().height))
		.toBeGreaterThan(before + 50);

	// The host drives it.
	await page.evaluate(() =>
		(window as unknown as { send: (m: object) => void }).send({ type: 'request-flow:step' })
	);
	await expect.poll(() => lastHop(page)).toBe(5);
	await page.evaluate(() =>
		(window as unknown as { send: (m: object) => void }).send({ type: 'request-flow:goto', hop: 2 })
	);
	await expect.poll(() => lastHop(page)).toBe(2);
	await page.evaluate(() =>
		(window as unknown as { send: (m: object) => void }).send({
			type: 'request-flow:step',
			direction: 'back'
		})
	);
	await expect.poll(() => lastHop(page)).toBe(1);
	// Anything else is ignored.
	await page.evaluate(() =>
		(window as unknown as { send: (m: object) => void }).send({
			type: 'request-flow:goto',
			hop: 'x'
		})
	);
	await page.waitForTimeout(300);
	expect(await lastHop(page)).toBe(1);
	expect(await frame.locator('[aria-current="step"]').count()).toBeGreaterThan(0);
});

test('the embed ignores bad parameters with a notice and has no axe violations', async ({
	page
}) => {
	await page.goto('embed/?request=GET%20/blog/&speed=warp&theme=dark');
	await expect(page.getByRole('list', { name: 'Embed settings that were ignored' })).toContainText(
		'speed=warp'
	);
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect(page.getByRole('banner')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('exports: the HAR parses as HAR 1.2 and the SVG is valid XML showing the current hop', async ({
	page
}) => {
	await page.goto('embed/?request=GET%20/blog/3/&hop=4');
	await expect(page.locator('svg.rf-diagram .rf-active')).toHaveCount(1, { timeout: 20_000 });
	const active = await page.locator('svg.rf-diagram .rf-active').getAttribute('data-node');

	const [harDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export HAR' }).click()
	]);
	const har = JSON.parse(await readFile((await harDownload.path())!, 'utf8'));
	expect(har.log.version).toBe('1.2');
	expect(har.log.creator.name).toBe('Request Flow');
	const entry = har.log.entries[0];
	expect(entry.request).toMatchObject({ method: 'GET', url: 'https://mysite.test/blog/3/' });
	expect(entry.response.status).toBe(200);
	expect(entry.request.headers.length).toBeGreaterThan(0);
	expect(entry.response.headers).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ name: expect.stringMatching(/^content-type$/i) })
		])
	);
	for (const key of ['startedDateTime', 'time', 'cache', 'timings'])
		expect(entry).toHaveProperty(key);

	const [svgDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export SVG' }).click()
	]);
	const svg = await readFile((await svgDownload.path())!, 'utf8');
	const check = await page.evaluate(async (text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		const error = doc.querySelector('parsererror');
		const activeNode = doc.querySelector('.rf-active')?.getAttribute('data-node') ?? null;
		const img = new Image();
		img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
		await img.decode();
		return { error: error?.textContent ?? null, activeNode, width: img.naturalWidth };
	}, svg);
	expect(check.error).toBeNull();
	expect(check.activeNode).toBe(active);
	expect(check.width).toBeGreaterThan(100);

	const [pngDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export PNG' }).click()
	]);
	const png = await readFile((await pngDownload.path())!);
	expect(png.subarray(1, 4).toString()).toBe('PNG');
});

test('a permalink from the share dialog opens the same request on the same hop in a new browser', async ({
	page,
	browser
}) => {
	const hopIndex = (p: Page) =>
		p.evaluate(
			() =>
				new Promise<number | null>((resolve) => {
					const player = (
						window as unknown as {
							requestFlowPlayer?: {
								onHop: (l: (c: { hop: { index: number } | null }) => void) => () => void;
							};
						}
					).requestFlowPlayer;
					if (!player) return resolve(null);
					const stop = player.onHop((change) => resolve(change.hop?.index ?? null));
					stop();
				})
		);
	await page.goto('playground/?request=GET%20/blog/3/&hop=6');
	await expect.poll(() => hopIndex(page), { timeout: 20_000 }).toBe(6);
	const player = page.getByRole('region', { name: 'Request player' });
	await player.getByRole('button', { name: 'Step forward' }).click();
	await player.getByRole('button', { name: 'Step forward' }).click();
	await expect.poll(() => hopIndex(page)).toBe(8);
	const summary = await page.locator('[aria-current="step"]').first().innerText();

	await page.getByRole('button', { name: 'Share or embed' }).click();
	const link = await page.getByLabel('Link to this request and step').inputValue();
	expect(link).toContain('request=GET+/blog/3/');
	expect(link).toContain('hop=8');
	await expect(page.getByLabel('Embed code for a course page or slides')).toHaveValue(
		/<iframe src="[^"]+\/embed\/\?request=GET/
	);

	const other = await browser.newContext();
	const fresh = await other.newPage();
	await fresh.goto(link);
	await expect.poll(() => hopIndex(fresh), { timeout: 20_000 }).toBe(8);
	await expect(fresh.locator('[aria-current="step"]').first()).toHaveText(summary);
	await other.close();
});
