/**
 * The project editor on the playground, in Chromium: edit a template, a URLconf and a setting and
 * see the next request change; make the classic mistakes and read Django's own words; reset; open
 * a share link in a fresh browser context and find the same edits; axe on the editor.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

const SITE = 'https://mysite.test';

function editor(page: Page) {
	const region = page.getByRole('region', { name: 'Change the project' });
	return {
		region,
		files: region.getByRole('navigation', { name: 'Project files' }),
		file: (name: string) =>
			region
				.getByRole('navigation', { name: 'Project files' })
				.getByRole('button', { name: new RegExp(`^${name.replace('.', '\\.')}`) }),
		text: region.getByRole('textbox').first(),
		button: (name: string) => region.getByRole('button', { name, exact: true }),
		status: region.getByRole('status').last()
	};
}

async function openPlayground(page: Page, hash = '') {
	await page.goto(`./playground/${hash}`);
	await expect(page.locator('main')).toHaveAttribute('data-simulation', /service-worker|in-page/, {
		timeout: 30_000
	});
	await page.getByRole('combobox', { name: 'Speed' }).selectOption('instant');
	const e = editor(page);
	// The editor's panel is built when its section comes near the screen, as a student scrolls.
	await e.region.scrollIntoViewIfNeeded();
	await expect(e.files).toBeVisible();
	return e;
}

/** Opens a file from the tree (its folder is open by default). */
async function open(page: Page, path: string) {
	const e = editor(page);
	const name = path.split('/').pop() ?? path;
	const parts = path.split('/').slice(0, -1);
	let scope = e.files;
	for (const folder of parts)
		scope = scope
			.locator('details', { has: page.locator(`summary:text-is("${folder}/")`) })
			.first();
	await scope
		.getByRole('button', { name: new RegExp(`^${name.replace(/\./g, '\\.')}`) })
		.first()
		.click();
	await expect(e.region.locator('.file-name code')).toHaveText(path);
}

/** Replaces text in the open file and saves it; resolves once the server has reloaded. */
async function change(page: Page, from: string, to: string) {
	const e = editor(page);
	const text = await e.text.inputValue();
	expect(text).toContain(from);
	await e.text.fill(text.replace(from, to));
	await e.button('Save').click();
	await expect(e.status).toContainText('The server reloaded', { timeout: 30_000 });
}

/** A fetch from the page (redirects followed, as a browser does): status, body, where it ended. */
async function get(
	page: Page,
	path: string
): Promise<{ status: number; body: string; url: string; redirected: boolean }> {
	return page.evaluate(async (url) => {
		const response = await fetch(url);
		return {
			status: response.status,
			body: await response.text(),
			url: response.url,
			redirected: response.redirected
		};
	}, `${SITE}${path}`);
}

test('a template, a URLconf and a setting change the next request; reset puts them back', async ({
	page
}) => {
	const e = await openPlayground(page);
	await open(page, 'templates/blog/post_list.html');
	await change(page, '<h1>Blog</h1>', '<h1>Our blog</h1>');
	expect((await get(page, '/blog/')).body).toContain('<h1>Our blog</h1>');

	await open(page, 'blog/urls.py');
	await change(page, 'path("latest/",', 'path("newest/",');
	expect((await get(page, '/blog/newest/')).redirected).toBe(true);
	expect((await get(page, '/blog/latest/')).status).toBe(404);

	await open(page, 'mysite/settings.py');
	await change(
		page,
		'\nALLOWED_HOSTS = ["mysite.test"]\n',
		'\nALLOWED_HOSTS = ["mysite.test"]\nAPPEND_SLASH = False\n'
	);
	expect((await get(page, '/blog')).status).toBe(404);

	await e.button('Reset file').click();
	await expect(e.status).toContainText('back to the project');
	expect((await get(page, '/blog')).url).toBe(`${SITE}/blog/`);

	await e.button('Reset project').click();
	await expect(e.status).toContainText('Every file is back');
	expect((await get(page, '/blog/')).body).toContain('<h1>Blog</h1>');
	expect((await get(page, '/blog/latest/')).redirected).toBe(true);
	await page.screenshot({ path: 'test-results/editor-playground.png', fullPage: true });
});

// These journeys are long on a busy machine: each save restarts the simulated server.
test.describe.configure({ timeout: 180_000 });

const problemOf = (page: Page) =>
	editor(page).region.getByRole('region', { name: /Every request fails|does not start/ });

test('template mistakes get Django’s own messages', async ({ page }) => {
	const e = await openPlayground(page);

	await open(page, 'templates/blog/post_list.html');
	await change(page, '  {% endfor %}\n', '  {% endfor %}\n  {% endfor %}\n');
	let page500 = await get(page, '/blog/');
	expect(page500.status).toBe(500);
	expect(page500.body).toContain(
		'Invalid block tag on line 19: &#x27;endfor&#x27;, expected &#x27;endblock&#x27;. Did you forget to register or load this tag?'
	);
	await e.button('Reset file').click();
	await expect(e.status).toContainText('back to the project');

	await change(page, '{% extends "base.html" %}', '{% extends "bse.html" %}');
	page500 = await get(page, '/blog/');
	expect(page500.body).toContain('TemplateDoesNotExist at /blog/');
	await e.button('Reset file').click();
	await expect(e.status).toContainText('back to the project');
});

test('urls.py mistakes get Django’s own messages', async ({ page }) => {
	const e = await openPlayground(page);
	const problem = problemOf(page);
	await open(page, 'blog/urls.py');
	await change(page, 'views.archive_year,', 'views.archive,');
	await expect(problem).toContainText(
		"AttributeError: module 'blog.views' has no attribute 'archive'"
	);
	expect((await get(page, '/blog/')).body).toContain('AttributeError at /blog/');
	await e.button('Reset file').click();
	await expect(e.status).toContainText('back to the project');

	await change(page, '"<int:pk>/edit/"', '"<integer:pk>/edit/"');
	await expect(problem).toContainText(
		"django.core.exceptions.ImproperlyConfigured: URL route '<integer:pk>/edit/' uses invalid converter 'integer'."
	);
	await e.button('Reset file').click();
	await expect(e.status).toContainText('back to the project');

	await change(page, 'name="latest"', 'name="post_list"');
	await expect(e.region.getByRole('region', { name: 'Good to know' })).toContainText(
		'Two patterns in blog/urls.py are named "post_list"'
	);
	await e.button('Reset file').click();
	await expect(e.status).toContainText('back to the project');

	await change(
		page,
		'path("", views.PostListView.as_view(), name="post_list"),',
		'path("", views.PostListView.as_view(), name="post_list"'
	);
	await expect(problem).toContainText('SyntaxError: invalid syntax. Perhaps you forgot a comma?');
	await e.button('Reset file').click();
	await expect(e.status).toContainText('back to the project');
});

test('settings.py mistakes get Django’s own messages', async ({ page }) => {
	const e = await openPlayground(page);
	const problem = problemOf(page);
	await open(page, 'mysite/settings.py');
	await change(page, '\nDEBUG = True\n', '\nDEBUG = True True\n');
	await expect(problem).toContainText('SyntaxError: invalid syntax');
	expect((await get(page, '/')).status).toBe(502);
	await e.button('Reset file').click();
	await expect(e.status).toContainText('back to the project');

	const session = '    "django.contrib.sessions.middleware.SessionMiddleware",\n';
	const auth = '    "django.contrib.auth.middleware.AuthenticationMiddleware",\n';
	const settings = await e.text.inputValue();
	await e.text.fill(settings.replace(session, '').replace(auth, auth + session));
	await e.button('Save').click();
	await expect(e.status).toContainText('The server reloaded', { timeout: 30_000 });
	expect((await get(page, '/')).body).toContain(
		'The Django authentication middleware requires session middleware to be installed.'
	);
	await e.button('Reset file').click();
	await expect(e.status).toContainText('back to the project');

	await change(
		page,
		'\nDEBUG = True\n\nALLOWED_HOSTS = ["mysite.test"]\n',
		'\nDEBUG = False\n\nALLOWED_HOSTS = []\n'
	);
	await expect(e.region.getByRole('region', { name: 'Good to know' })).toContainText(
		'CommandError: You must set settings.ALLOWED_HOSTS if DEBUG is False.'
	);
	expect((await get(page, '/')).status).toBe(400);
	await e.button('Reset file').click();
	await expect(e.status).toContainText('back to the project');

	await change(page, '\nDEBUG = True\n', '\nDEBUG = False\n');
	const notFound = await get(page, '/nowhere/');
	expect(notFound.status).toBe(404);
	expect(notFound.body).not.toContain('URLconf');
	await page.screenshot({ path: 'test-results/editor-mistakes.png', fullPage: true });
});

async function freshPage(browser: Browser, url: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(url);
	return page;
}

test('a share link replays the edits in a fresh browser', async ({ page, browser, baseURL }) => {
	const e = await openPlayground(page);
	await open(page, 'templates/blog/post_list.html');
	await change(page, '<h1>Blog</h1>', '<h1>Shared blog</h1>');
	await e.button('Share my project').click();
	const link = await e.region.getByRole('textbox', { name: /Link to your project/ }).inputValue();
	expect(link).toMatch(/#project=[A-Za-z0-9_-]+$/);

	const other = await freshPage(browser, link.replace(/^https?:\/\/[^/]+\//, baseURL ?? '/'));
	const e2 = editor(other);
	await expect(e2.region.getByRole('status').first()).toContainText(
		'Opened the project from the link: 1 edited file',
		{ timeout: 30_000 }
	);
	await expect(other.locator('main')).toHaveAttribute('data-simulation', /service-worker|in-page/, {
		timeout: 30_000
	});
	await other.getByRole('combobox', { name: 'Speed' }).selectOption('instant');
	await expect(e2.files.getByRole('button', { name: /post_list\.html.*edited/ })).toBeVisible();
	expect((await get(other, '/blog/')).body).toContain('<h1>Shared blog</h1>');
	await other.context().close();
});

test('broken saved edits give a notice, not a blank page', async ({ page }) => {
	await openPlayground(page);
	await page.evaluate(() => localStorage.setItem('request-flow:project-edits:v1', '{oops'));
	await page.reload();
	const e = editor(page);
	await expect(e.region).toContainText('Your saved edits could not be read');
	await expect(e.files).toBeVisible();
});

test('axe finds no violations in the editor', async ({ page }) => {
	const e = await openPlayground(page);
	await open(page, 'blog/views.py');
	await expect(e.region.getByRole('combobox', { name: 'The PostListView line' })).toBeVisible();
	const results = await new AxeBuilder({ page }).include('section.edit').analyze();
	expect(results.violations).toEqual([]);
});
