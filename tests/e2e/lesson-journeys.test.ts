/**
 * Journeys where a beginner used to get stuck: each test does what a student does (follow a
 * challenge's hints on the stage, reload in the middle, delete things in the "wrong" order, click
 * before the simulation has started, use the keyboard) and checks the page gets them through.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';

// The machine running these may be busy: wait longer for states (never for a fixed time).
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 120_000 });

async function ready(page: Page) {
	await expect(page.locator('main')).toHaveAttribute('data-simulation', 'service-worker');
}

/** The player plays at once (no animation), so requests are answered at once. */
async function instant(page: Page) {
	await page.waitForFunction(() => 'requestFlowPlayer' in window);
	await page.evaluate(() =>
		(
			window as unknown as { requestFlowPlayer: { setSpeed(s: string): void } }
		).requestFlowPlayer.setSpeed('instant')
	);
}

async function openLesson(page: Page, slug: string, step?: number) {
	await page.goto(`lessons/${slug}/${step ? `?step=${step}` : ''}`);
	await ready(page);
	await instant(page);
}

/** Sends a request from the stage's form, as a hint tells the student to. */
async function stageSend(
	page: Page,
	method: string,
	path: string,
	options: { fields?: string; headers?: string } = {}
) {
	const form = page.locator('#stage form.request-form');
	await form.getByLabel('Method').selectOption(method);
	await form.getByLabel('Path on https://mysite.test').fill(path);
	if (options.fields !== undefined) await form.getByLabel('Form fields').fill(options.fields);
	if (options.headers !== undefined) {
		const more = form.locator('details.more');
		if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open)))
			await more.getByText('Headers', { exact: true }).click();
		await form.getByLabel('Headers, one per line').fill(options.headers);
	}
	const before = await page.locator('#stage .result').textContent();
	await form.getByRole('button', { name: 'Send', exact: true }).click();
	// The stage's result line says what came back once the response reached the browser.
	await expect(page.locator('#stage .result')).toContainText('Answer:');
	await expect(page.locator('#stage .result')).not.toHaveText(before ?? '');
}

const challenge = (page: Page) => page.locator('.step.challenge');

test.describe('the challenges that need a form pass the way their hints say, from the stage', () => {
	test('lesson 8: a comment with <script> is escaped', async ({ page }) => {
		await openLesson(page, 'templates', 99);
		await stageSend(page, 'GET', '/blog/1/');
		await stageSend(page, 'POST', '/blog/1/comment/', {
			fields: 'name=Mallory&body=<script>alert("hi")</script>'
		});
		await expect(page.locator('#stage .result')).toContainText('302');
		await expect(challenge(page)).toContainText('✓ Challenge passed.');
	});

	test('lesson 9: a valid comment with the CSRF token, then the redirect', async ({ page }) => {
		await openLesson(page, 'forms', 99);
		await stageSend(page, 'GET', '/blog/2/');
		await stageSend(page, 'POST', '/blog/2/comment/', {
			fields: 'name=Grace&body=I learned something today.'
		});
		await expect(page.locator('#stage .result')).not.toContainText('403');
		await expect(challenge(page)).toContainText('✓ Challenge passed.');
	});

	test('lesson 11: log in as bob and open his profile', async ({ page }) => {
		await openLesson(page, 'authentication', 99);
		await stageSend(page, 'GET', '/accounts/login/');
		await stageSend(page, 'POST', '/accounts/login/', {
			fields: 'username=bob&password=builder'
		});
		// Lesson 11 has two challenges now (the outside login first): bob's is the last.
		await expect(challenge(page).last()).toContainText('✓ Challenge passed.');
	});

	test('lesson 13: buy two tea towels through the order form', async ({ page }) => {
		await openLesson(page, 'putting-it-together', 99);
		// The steps before the challenge logged alice in; the page rebuilt that after opening.
		await expect(page.getByText('You came back to step')).toBeVisible();
		await stageSend(page, 'GET', '/shop/order/');
		await stageSend(page, 'POST', '/shop/order/', { fields: 'product=3&quantity=2' });
		await expect(challenge(page)).toContainText('✓ Challenge passed.');
	});

	test('the hints name the stage form, and unticking the token shows the 403', async ({ page }) => {
		await openLesson(page, 'forms', 99);
		await challenge(page)
			.getByRole('button', { name: /Show a hint/ })
			.click();
		await challenge(page)
			.getByRole('button', { name: /Show a hint/ })
			.click();
		await expect(challenge(page)).toContainText('On the stage, choose POST as the Method');
		const form = page.locator('#stage form.request-form');
		await form.getByLabel('Method').selectOption('POST');
		await form.getByLabel(/Add the CSRF token/).uncheck();
		await stageSend(page, 'POST', '/blog/2/comment/', { fields: 'name=Eve&body=No token' });
		await expect(page.locator('#stage .result')).toContainText('403');
		await expect(challenge(page)).toContainText('Not passed yet.');
	});
});

test('reloading in the middle of lesson 11 rebuilds the login, so the next step works', async ({
	page
}) => {
	const profile = page.getByRole('button', { name: 'Send GET /accounts/profile/' });
	// Open the profile step (4) as a reload of a half-done lesson does: from its URL.
	await page.goto('lessons/authentication/?step=4');
	await ready(page);
	await instant(page);
	await expect(page.getByText('You came back to step 4')).toBeVisible();
	await profile.click();
	const result = page.locator('#step-4 .result');
	await expect(result).toContainText('Answer:');
	await expect(result).toContainText('GET /accounts/profile/ → 200');
});

test('reloading in the middle of lesson 9 keeps the next form POST working', async ({ page }) => {
	await page.goto('lessons/forms/?step=4');
	await ready(page);
	await instant(page);
	await expect(page.getByText('You came back to step 4')).toBeVisible();
	const step = page.locator('#step-4');
	await step.getByLabel(/302 Found/).check();
	await step.getByRole('button', { name: 'Check my answer' }).click();
	await step.getByRole('button', { name: /Send POST \/blog\/1\/comment\// }).click();
	await expect(step.locator('.result')).toContainText('POST /blog/1/comment/ → 302');
});

test('lesson 12 in the natural order: the page says the post is gone, and Reset brings it back', async ({
	page
}) => {
	// Six requests from the stage, each played by the player: give a busy machine time.
	test.setTimeout(240_000);
	const bob = 'Authorization: Token 2f1c9e1b0d7a4e3c8b6a5f4d3c2b1a0f9e8d7c6b';
	await openLesson(page, 'authorization', 99);
	await stageSend(page, 'DELETE', '/api/posts/3/', { headers: bob });
	await stageSend(page, 'DELETE', '/api/posts/1/', { headers: bob });
	await stageSend(page, 'DELETE', '/api/posts/3/', { headers: bob });
	await expect(page.locator('#stage .result')).toContainText('404');
	await expect(challenge(page)).toContainText('Not passed yet.');
	await expect(challenge(page)).toContainText('Reset the demo site');

	await page.getByRole('button', { name: 'Reset the demo site' }).click();
	await expect(page.locator('#stage')).toContainText('The demo site is as it was at the start');
	await stageSend(page, 'DELETE', '/api/posts/1/', { headers: bob });
	await stageSend(page, 'DELETE', '/api/posts/3/', { headers: bob });
	await expect(page.locator('#stage .result')).toContainText('204');
	await expect(challenge(page)).toContainText('✓ Challenge passed.');
});

test.describe('a click before the simulation has started is never lost', () => {
	/** Holds the service worker's script until `release()`, so the page stays "starting". */
	async function holdWorker(page: Page) {
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/mockServiceWorker.js', async (route) => {
			await gate;
			await route.continue();
		});
		return release;
	}

	test('on a lesson, Send waits with "Starting the simulated site…", then sends', async ({
		page
	}) => {
		const release = await holdWorker(page);
		await page.goto('lessons/client-and-server/');
		const send = page.getByRole('button', { name: 'Send GET /' });
		await expect(send).toBeDisabled();
		await expect(page.locator('#step-1')).toContainText('Starting the simulated site…');
		release();
		await ready(page);
		await instant(page);
		await send.click();
		await expect(page.locator('#step-1 .result')).toContainText('→ 200');
	});

	test('on the playground, Send waits, and never says "Failed to fetch"', async ({ page }) => {
		const release = await holdWorker(page);
		await page.goto('playground/');
		const send = page.getByRole('button', { name: 'Send', exact: true });
		await expect(send).toBeDisabled();
		await expect(page.getByText('Starting the simulated site…').first()).toBeVisible();
		release();
		await ready(page);
		await instant(page);
		await send.click();
		await expect(page.getByTestId('response-line').first()).toContainText('200');
		await expect(page.getByText(/Failed to fetch/)).toHaveCount(0);
	});

	test('the playground login sends the form with its CSRF token', async ({ page }) => {
		await page.goto('playground/');
		await ready(page);
		await instant(page);
		await page.getByLabel('Ready-made request').selectOption('login');
		await page.getByRole('button', { name: 'Send', exact: true }).click();
		await expect(page.getByTestId('response-line').first()).toContainText('POST /accounts/login/');
		await expect(page.getByTestId('response-line').first()).toContainText('200');
		await expect(page.getByTestId('response-line').first()).toContainText('redirected');
	});
});

test('after sending with the keyboard, Space pauses the player instead of sending again', async ({
	page
}) => {
	await page.goto('lessons/client-and-server/');
	await ready(page);
	const send = page.getByRole('button', { name: 'Send GET /' });
	await send.focus();
	await page.keyboard.press('Enter');
	const player = page.locator('section.player');
	await expect(player).toHaveAttribute('data-status', 'playing');
	await page.keyboard.press('Space');
	await expect(player).toHaveAttribute('data-status', 'paused');
	await expect(send).toBeFocused();
	await expect(page.locator('#step-1')).toContainText('On its way');
	await page.keyboard.press('Space');
	await expect(player).not.toHaveAttribute('data-status', 'paused');
});

test('after answering a prediction, focus is on the answer', async ({ page }) => {
	await openLesson(page, 'client-and-server', 2);
	const predict = page.locator('#step-2');
	await predict.getByLabel('The browser (the client) sent a request.').check();
	await predict.getByRole('button', { name: 'Check my answer' }).press('Enter');
	await expect(predict.locator('.verdict')).toBeFocused();
});

test('finishing links the next lesson; starting again asks first; opening is not starting; the speed is kept', async ({
	page
}) => {
	// Opening a lesson does not start it.
	await openLesson(page, 'http');
	await page.goto('./');
	await expect(page.getByRole('listitem').filter({ hasText: 'HTTP' }).first()).not.toContainText(
		'In progress'
	);

	// The speed picked on one page is the speed on the next.
	await page.goto('lessons/client-and-server/');
	await ready(page);
	await page.locator('#stage').getByLabel('Speed').selectOption('fast');
	await page.goto('lessons/http/');
	await ready(page);
	await expect(page.locator('#stage').getByLabel('Speed')).toHaveValue('fast');

	// Finish lesson 1: its challenge, then the link to lesson 2.
	await openLesson(page, 'client-and-server', 99);
	await stageSend(page, 'GET', '/blog/');
	await expect(challenge(page)).toContainText('✓ Challenge passed.');
	await page.getByRole('button', { name: 'Finish the lesson' }).click();
	const nextLink = page.getByRole('link', { name: /lesson 2, HTTP/ });
	await expect(nextLink).toHaveAttribute('href', /lessons\/http\/?$/);

	// Start again asks first; Escape (or No) keeps everything.
	await page.getByRole('button', { name: 'Start this lesson again' }).click();
	const dialog = page.getByRole('dialog', { name: 'Start this lesson again?' });
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(challenge(page)).toContainText('✓ Challenge passed.');
	await page.getByRole('button', { name: 'Start this lesson again' }).click();
	await dialog.getByRole('button', { name: 'Yes, start again' }).click();
	await expect(page).toHaveURL(/\?step=1$/);
});
