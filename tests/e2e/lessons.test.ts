/**
 * A student's journeys through the course: a lesson with a prediction and a challenge, a reload in
 * the middle, progress kept, broken or missing storage, export and import, keyboard only, axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const KEY = 'request-flow:progress:v1';
const LESSON = 'lessons/client-and-server/';

async function ready(page: Page) {
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'service-worker');
}

/** On a lesson page: the player plays at once (no animation), so requests are answered at once. */
async function instant(page: Page) {
	await page.waitForFunction(() => 'requestFlowPlayer' in window);
	await page.evaluate(() =>
		(
			window as unknown as { requestFlowPlayer: { setSpeed(s: string): void } }
		).requestFlowPlayer.setSpeed('instant')
	);
}

test('a student walks through a lesson, reloads in the middle and lands on the same step', async ({
	page
}) => {
	await page.goto(LESSON);
	await ready(page);
	await instant(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Client and server');

	await page.getByRole('button', { name: 'Send GET /' }).click();
	await expect(page.locator('#step-1 .result')).toContainText('200');
	await page.getByRole('button', { name: 'Next step' }).click();

	// The prediction locks the way on until it is answered, and hides the answer until then.
	const predict = page.locator('#step-2');
	await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
	await expect(predict).not.toContainText('correct answer');
	await predict.getByLabel('The browser (the client) sent a request.').check();
	await predict.getByRole('button', { name: 'Check my answer' }).click();
	await expect(predict).toContainText('Yes, well done.');
	await expect(predict.getByRole('radio').first()).toBeDisabled();
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(page).toHaveURL(/\?step=3$/);

	await page.reload();
	await ready(page);
	await instant(page);
	await expect(page.locator('#step-3')).toBeVisible();
	await expect(page.locator('#step-4')).toHaveCount(0);
	await expect(page.locator('#step-2')).toContainText('Yes, well done.');
	await expect(
		page.locator('#step-2').getByLabel('The browser (the client) sent a request.')
	).toBeChecked();

	await page.getByRole('button', { name: 'Next step' }).click();
	const backend = page.locator('#step-4');
	await backend.getByLabel('The front end').check();
	await backend.getByRole('button', { name: 'Check my answer' }).click();
	await expect(backend).toContainText('Not quite.');
	await expect(backend).toContainText('✓ correct answer');
	await page.getByRole('button', { name: 'Next step' }).click();

	// The challenge: the student sends the request from the stage's form.
	const challenge = page.locator('#step-5');
	await expect(challenge).toContainText('Not passed yet.');
	await page.getByLabel('Path on https://mysite.test').fill('/blog/');
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(challenge).toContainText('✓ Challenge passed.');

	await page.getByRole('button', { name: 'Next step' }).click();
	await page.getByRole('button', { name: 'Finish the lesson' }).click();
	await expect(page.getByText('Well done! This lesson is done.')).toBeVisible();

	await page.goto('./');
	const card = page.getByRole('listitem').filter({ hasText: 'Client and server' });
	await expect(card).toContainText('Done');
	const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), KEY);
	expect(saved.lessons['client-and-server']).toMatchObject({
		status: 'done',
		answers: { 'predict-1': [0], 'predict-2': [0] },
		challenges: { 'challenge-1': {} }
	});
});

test('unreadable stored progress is kept aside, and the page still works', async ({ page }) => {
	await page.goto('./');
	await page.evaluate((key) => localStorage.setItem(key, '{bad'), KEY);
	await page.goto(LESSON);
	await ready(page);
	await instant(page);
	await expect(
		page.getByRole('status').filter({
			hasText: 'Your saved progress could not be read, so it starts fresh.'
		})
	).toBeVisible();
	expect(await page.evaluate((key) => localStorage.getItem(`${key}:unreadable`), KEY)).toBe('{bad');
	await page.getByRole('button', { name: 'Send GET /' }).click();
	await expect(page.locator('#step-1 .result')).toContainText('200');
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(page).toHaveURL(/\?step=2$/);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download the unreadable data' }).click();
	expect((await download).suggestedFilename()).toBe('request-flow-unreadable-progress.txt');
});

test('storage that refuses to save shows a notice and nothing breaks', async ({ page }) => {
	await page.addInitScript(() => {
		Storage.prototype.setItem = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
	await page.goto(LESSON);
	await ready(page);
	await instant(page);
	await page.getByRole('button', { name: 'Send GET /' }).click();
	await page.getByRole('button', { name: 'Next step' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Your progress will not be kept.' })
	).toBeVisible();
	await expect(page.locator('#step-2')).toBeVisible();
});

test('progress can be exported, and a bad import file changes nothing', async ({ page }) => {
	await page.goto(`${LESSON}?step=2`);
	await ready(page);
	await instant(page);
	await page.goto('./');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^request-flow-progress-\d{4}-\d{2}-\d{2}\.json$/);

	await page.getByLabel('Import progress').setInputFiles({
		name: 'progress.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"version": 2}')
	});
	await expect(page.getByText(/This is not a Request Flow progress file/)).toBeVisible();

	const good = {
		version: 1,
		lessons: {
			http: {
				status: 'done',
				step: 7,
				answers: {},
				challenges: {},
				updatedAt: '2026-11-01T00:00:00.000Z'
			}
		}
	};
	await page.getByLabel('Import progress').setInputFiles({
		name: 'progress.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(good))
	});
	await expect(page.getByText('Imported progress for 1 lesson(s).')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'HTTP, the language' })).toContainText(
		'Done'
	);
	await expect(page.getByRole('listitem').filter({ hasText: 'Client and server' })).toContainText(
		'In progress'
	);
});

test('a lesson can be used with the keyboard alone', async ({ page }) => {
	await page.goto(LESSON);
	await ready(page);
	await instant(page);
	const send = page.getByRole('button', { name: 'Send GET /' });
	for (let i = 0; i < 40 && !(await send.evaluate((el) => el === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(send).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('#step-1 .result')).toContainText('200');

	const next = page.getByRole('button', { name: 'Next step' });
	for (let i = 0; i < 10 && !(await next.evaluate((el) => el === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.locator('#step-2')).toBeFocused();

	await page.keyboard.press('Tab');
	await expect(page.getByLabel('The browser (the client) sent a request.')).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Check my answer' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('#step-2')).toContainText('Yes, well done.');
});

test("a lesson's site settings apply to its steps, and do not leak into the next lesson", async ({
	page
}) => {
	// Step 2 of "Web server and application server" stops gunicorn.
	await page.goto('lessons/web-and-app-servers/?step=2');
	await ready(page);
	await instant(page);
	await expect(page.getByText('The application server is stopped')).toHaveCount(2);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.locator('#stage .result')).toContainText('502');

	await page.getByRole('link', { name: 'URL routing →' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('URL routing');
	await instant(page);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.locator('#stage .result')).toContainText('200');
});

test('each lesson starts on fresh demo data: a post deleted in one lesson is back in the next', async ({
	page
}) => {
	await page.goto('lessons/authorization/?step=99');
	await ready(page);
	await instant(page);
	const challenge = page.locator('.challenge');
	await challenge.getByRole('button', { name: 'Show the solution' }).click();
	await challenge.getByRole('button', { name: 'Send the solution' }).click();
	await expect(challenge).toContainText('✓ Challenge passed.');
	// bob's post 3 is deleted now; the next lesson reads it again.
	await page.getByRole('link', { name: 'Putting it together →' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Putting it together');
	await instant(page);
	await page.getByLabel('Path on https://mysite.test').fill('/blog/3/');
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.locator('#stage .result')).toContainText('200');
});

test('the course map and a lesson page have no axe violations', async ({ page }) => {
	await page.goto('./');
	await ready(page);
	await expect(page.getByRole('heading', { name: 'The course' })).toBeVisible();
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

	await page.goto(`${LESSON}?step=2`);
	await ready(page);
	await instant(page);
	await page.getByRole('button', { name: 'Send GET /' }).click();
	await expect(page.locator('#step-1 .result')).toContainText('200');
	expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

for (const [width, height] of [
	[390, 844],
	[1366, 768],
	[1920, 1080]
]) {
	test(`screenshots at ${width}×${height}`, async ({ page }) => {
		await page.setViewportSize({ width, height });
		await page.goto('./');
		await ready(page);
		await page.screenshot({ path: `test-results/lessons-home-${width}.png`, fullPage: true });
		await page.goto(`${LESSON}?step=2`);
		await ready(page);
		await instant(page);
		await page.getByRole('button', { name: 'Send GET /' }).click();
		await expect(page.locator('#step-1 .result')).toContainText('200');
		await page.screenshot({ path: `test-results/lessons-lesson-${width}.png`, fullPage: true });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
}

// Every challenge's solution, sent from the page as a student would, passes in the browser too.
const SLUGS = [
	'client-and-server',
	'http',
	'static-and-dynamic',
	'web-and-app-servers',
	'url-routing',
	'views',
	'models-and-orm',
	'templates',
	'forms',
	'web-apis',
	'authentication',
	'authorization',
	'putting-it-together'
];
for (const slug of SLUGS) {
	test(`the challenge of "${slug}" passes with its solution in the browser`, async ({ page }) => {
		// A step beyond the last shows the whole lesson.
		await page.goto(`lessons/${slug}/?step=99`);
		await ready(page);
		await instant(page);
		const challenges = page.locator('.challenge');
		await expect(challenges.first()).toBeVisible();
		for (const challenge of await challenges.all()) {
			await challenge.getByRole('button', { name: 'Show the solution' }).click();
			await challenge.getByRole('button', { name: 'Send the solution' }).click();
			await expect(challenge).toContainText('✓ Challenge passed.', { timeout: 20_000 });
		}
	});
}

test('a lesson keeps its step in the URL under a sub-path @subpath', async ({ page }) => {
	await page.goto(LESSON);
	await ready(page);
	await instant(page);
	await page.getByRole('button', { name: 'Send GET /' }).click();
	await expect(page.locator('#step-1 .result')).toContainText('200');
	await page.getByRole('button', { name: 'Next step' }).click();
	const base = process.env.BASE_PATH ?? '';
	expect(base, 'run with BASE_PATH, as `npm run test:e2e:subpath` does').not.toBe('');
	await expect(page).toHaveURL(new RegExp(`${base}/lessons/client-and-server/\\?step=2$`));
	await page.reload();
	await ready(page);
	await expect(page.locator('#step-2')).toBeVisible();
	await page.getByRole('link', { name: 'Lessons', exact: true }).first().click();
	await expect(page.getByRole('heading', { name: 'The course' })).toBeVisible();
});
