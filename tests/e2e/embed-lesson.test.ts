import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { courseHost } from './helpers';

// A course page on another origin embeds lesson steps, loads request-flow-embed.js from the
// embed's site, and records every statement it hears with RequestFlowEmbed.on.
const host = courseHost(1001);

// A whole lesson journey in a busy machine's browser: allow it time (it waits on states anyway).
test.describe.configure({ timeout: 180_000 });

interface Statement {
	verb: string;
	object: { lesson: string; step?: number; id?: string };
	result?: {
		success?: boolean;
		response?: number[];
		attempts?: number;
		hintsUsed?: number;
		reason?: string;
		score?: { raw: number; max: number };
	};
}

async function openHost(page: Page, search: string, sandbox = '') {
	await host.open(
		page,
		`<iframe id="rf" title="Request Flow lesson" style="width:1100px;height:400px;border:0"
  ${sandbox ? `sandbox="${sandbox}"` : ''}
  src="${host.embedUrl(search)}"></iframe>
<script src="${host.scriptUrl}"></script>
<script>
  window.statements = [];
  window.hops = 0;
  RequestFlowEmbed.on('*', (s, frame) => { if (frame.id === 'rf') window.statements.push(s); });
  document.getElementById('rf').addEventListener('request-flow:hop', () => window.hops++);
  window.send = (m) => document.getElementById('rf').contentWindow.postMessage(m, '*');
</script>`
	);
}

const statements = (page: Page) =>
	page.evaluate(() => (window as unknown as { statements: Statement[] }).statements);
const verbs = async (page: Page) => (await statements(page)).map((s) => s.verb);

/** Answers step 4's prediction, fails then passes the challenge of step 5, and finishes. */
async function doTheLesson(page: Page, frame: FrameLocator) {
	await expect(frame.getByRole('heading', { name: 'Step 4 of 6' })).toBeVisible({
		timeout: 20_000
	});
	await expect.poll(() => verbs(page)).toEqual(['experienced']);
	await frame.getByRole('radio', { name: 'The back end' }).check();
	await frame.getByRole('button', { name: 'Check my answer' }).click();
	await expect(frame.getByText('Yes, well done.')).toBeVisible();
	await expect.poll(() => verbs(page)).toEqual(['experienced', 'answered']);
	const answered = (await statements(page))[1];
	expect(answered).toMatchObject({
		object: { lesson: 'client-and-server', step: 4 },
		result: { response: [1], success: true }
	});

	await frame.getByRole('button', { name: 'Next step' }).click();
	await expect(frame.getByRole('heading', { name: 'Step 5 of 6' })).toBeVisible();
	await expect.poll(async () => (await verbs(page)).at(-1)).toBe('experienced');

	// A wrong attempt: the host hears `failed` with the reason.
	await frame.getByRole('button', { name: /Show a hint/ }).click();
	await frame.getByLabel('Path on https://mysite.test').fill('/blog/999/');
	await frame.getByRole('button', { name: 'Send', exact: true }).click();
	await expect.poll(() => verbs(page), { timeout: 20_000 }).toContain('failed');
	const failed = (await statements(page)).find((s) => s.verb === 'failed')!;
	expect(failed.result).toMatchObject({ success: false, attempts: 1, hintsUsed: 1 });
	expect(failed.result?.reason).toContain('GET /blog/999/');

	await frame.getByLabel('Path on https://mysite.test').fill('/blog/');
	await frame.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(frame.getByText('Challenge passed.')).toBeVisible({ timeout: 20_000 });
	await expect.poll(() => verbs(page)).toContain('passed');
	const passed = (await statements(page)).find((s) => s.verb === 'passed')!;
	expect(passed.result).toMatchObject({ success: true, hintsUsed: 1 });
	expect(passed.result?.attempts).toBeGreaterThanOrEqual(2);

	await frame.getByRole('button', { name: 'Finish' }).click();
	await expect.poll(async () => (await verbs(page)).at(-1)).toBe('completed');
	expect((await statements(page)).at(-1)).toMatchObject({
		object: { lesson: 'client-and-server', step: 4, to: 5 },
		result: { completion: true, score: { raw: 1, max: 1 } }
	});
}

test('a lesson embed in a cross-origin page: prediction, challenge and completion reach the host', async ({
	page
}) => {
	await openHost(page, '?lesson=client-and-server&step=4&to=5');
	const frame = page.frameLocator('#rf');
	await doTheLesson(page, frame);
	// No site chrome inside the embed. Below the steps, the storage note; or, where the browser
	// blocks storage in a frame from another site (as this one does), the notice that replaces it,
	// placed below the step's controls so that its late arrival moves none of them.
	await expect(frame.getByRole('banner')).toHaveCount(0);
	// (Where the browser refuses it, the page has put an in-memory stand-in in its place.)
	const storageWorks = await page
		.frame({ url: /\/embed\// })!
		.evaluate(() => !(Symbol.for('request-flow:in-memory-storage') in localStorage));
	if (storageWorks)
		await expect(frame.getByText(/kept in this browser for this course page only/)).toBeVisible();
	else {
		const notice = frame
			.getByRole('status')
			.filter({ hasText: 'Your answers here will not be kept.' });
		await expect(notice).toBeVisible();
		const nav = await frame.getByRole('navigation', { name: 'Steps' }).boundingBox();
		expect((await notice.boundingBox())!.y).toBeGreaterThan(nav!.y + nav!.height);
	}
	// The host drives the stage's player in reveal.js's shape, and hears the hops.
	const before = await page.evaluate(() => (window as unknown as { hops: number }).hops);
	await page.evaluate(() =>
		(window as unknown as { send: (m: unknown) => void }).send('{"method":"prev"}')
	);
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { hops: number }).hops))
		.toBeGreaterThan(before);
	await page.screenshot({ path: 'test-results/embed-lesson.png', fullPage: true });
});

test('a lesson embed in a Canvas-style sandboxed iframe plays, steps and reports', async ({
	page
}) => {
	await openHost(
		page,
		'?lesson=client-and-server&step=4&to=5',
		'allow-scripts allow-same-origin allow-forms allow-popups'
	);
	await doTheLesson(page, page.frameLocator('#rf'));
});

test('a lesson embed where the service worker is refused answers in the page and reports', async ({
	browser
}) => {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await openHost(page, '?lesson=client-and-server&step=4&to=5');
	const frame = page.frameLocator('#rf');
	await doTheLesson(page, frame);
	await expect(frame.getByTestId('in-page-notice')).toBeVisible();
	await context.close();
});

test('the lesson embed alone: one step, no axe violations, progress kept apart', async ({
	page
}) => {
	await page.goto('embed/?lesson=client-and-server&step=4');
	await expect(page.getByRole('heading', { name: 'Step 4 of 6' })).toBeVisible({
		timeout: 20_000
	});
	await expect(page.getByRole('button', { name: 'Next step' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Finish' })).toBeVisible();
	await page.getByRole('radio', { name: 'The back end' }).check();
	await page.getByRole('button', { name: 'Check my answer' }).click();
	await expect(page.getByText('Yes, well done.')).toBeVisible();
	const keys = await page.evaluate(() => Object.keys(localStorage));
	expect(keys).toContain('embed:request-flow:progress:v1');
	expect(keys).not.toContain('request-flow:progress:v1');
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	await page.screenshot({ path: 'test-results/embed-lesson-alone.png', fullPage: true });
});

test('an unknown lesson says so', async ({ page }) => {
	await page.goto('embed/?lesson=no-such-lesson');
	await expect(page.getByRole('alert')).toContainText('no lesson named "no-such-lesson"');
});
