import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';

// The SCORM 1.2 package (npm run package:scorm) in a stub LMS: the package is served from the
// LMS's own folder on another origin, and a minimal SCORM API in the LMS page records the calls.
const port = Number(process.env.PORT ?? 4173);
const lmsPort = port + 1002;
const zipPath = 'build-scorm/request-flow-scorm.zip';
test.describe.configure({ timeout: 300_000 });

let lms: Server;
let files: Record<string, Uint8Array>;
const types: Record<string, string> = {
	html: 'text/html; charset=utf-8',
	js: 'text/javascript',
	css: 'text/css',
	json: 'application/json',
	svg: 'image/svg+xml',
	wasm: 'application/wasm',
	xml: 'application/xml'
};
const stub = `<!doctype html><html lang="en"><head><title>Stub LMS</title></head><body>
<script>
  window.calls = [];
  window.API = {
    LMSInitialize: (a) => (calls.push(['LMSInitialize', a]), 'true'),
    LMSGetValue: (n) => (calls.push(['LMSGetValue', n]), n === 'cmi.core.lesson_status' ? 'not attempted' : ''),
    LMSSetValue: (n, v) => (calls.push(['LMSSetValue', n, v]), 'true'),
    LMSCommit: (a) => (calls.push(['LMSCommit', a]), 'true'),
    LMSFinish: (a) => (calls.push(['LMSFinish', a]), 'true'),
    LMSGetLastError: () => '0', LMSGetErrorString: () => '', LMSGetDiagnostic: () => ''
  };
</script>
<iframe id="sco" title="Course" style="width:1200px;height:900px" src="content/pkg/scorm-launch.html"></iframe>
</body></html>`;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	if (!existsSync(zipPath))
		execFileSync('node', ['scripts/package-scorm.js', 'client-and-server'], { stdio: 'inherit' });
	files = unzipSync(readFileSync(zipPath));
	lms = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://lms').pathname;
		if (path === '/lms/player.html') {
			response.writeHead(200, { 'content-type': 'text/html' });
			return void response.end(stub);
		}
		const inside = path.replace(/^\/lms\/content\/pkg\//, '');
		const name = inside.endsWith('/') || inside === '' ? `${inside}index.html` : inside;
		const file = path.startsWith('/lms/content/pkg/') ? files[name] : undefined;
		if (!file) return void response.writeHead(404).end('Not found');
		response.writeHead(200, {
			'content-type': types[name.split('.').pop()!] ?? 'application/octet-stream'
		});
		response.end(file);
	});
	await new Promise<void>((resolve) => lms.listen(lmsPort, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => lms?.close(() => resolve())));

test('the SCORM package has a manifest naming its launch page', () => {
	const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
	expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
	expect(manifest).toContain('adlcp:scormtype="sco" href="scorm-launch.html"');
	expect(files['scorm-launch.html']).toBeDefined();
	// Relative paths only: nothing in the pages points at the site's root.
	const embed = new TextDecoder().decode(files['embed/index.html']);
	expect(embed).not.toMatch(/(src|href)="\/_app/);
});

test('in a stub LMS the package initialises, reports completion and a score, commits and finishes', async ({
	page
}) => {
	await page.goto(`http://127.0.0.1:${lmsPort}/lms/player.html`);
	const calls = () => page.evaluate(() => (window as unknown as { calls: unknown[][] }).calls);
	await expect.poll(calls, { timeout: 30_000 }).toContainEqual(['LMSInitialize', '']);
	await expect.poll(calls).toContainEqual(['LMSSetValue', 'cmi.core.lesson_status', 'incomplete']);

	const lesson = page.frameLocator('#sco').frameLocator('#lesson');
	await expect(lesson.getByRole('heading', { name: 'Step 1 of 6' })).toBeVisible({
		timeout: 60_000
	});
	await expect(lesson.getByTestId('in-page-notice')).toBeVisible();
	const next = lesson.getByRole('button', { name: 'Next step' });
	await next.click();
	await lesson.getByRole('radio', { name: 'The browser (the client) sent a request.' }).check();
	await lesson.getByRole('button', { name: 'Check my answer' }).click();
	await next.click();
	await next.click();
	await lesson.getByRole('radio', { name: 'The back end' }).check();
	await lesson.getByRole('button', { name: 'Check my answer' }).click();
	await next.click();
	await lesson.getByRole('button', { name: 'Show the solution' }).click();
	await lesson.getByRole('button', { name: 'Send the solution' }).click();
	await expect(lesson.getByText('Challenge passed.')).toBeVisible({ timeout: 60_000 });
	await expect.poll(calls).toContainEqual(['LMSSetValue', 'cmi.core.score.raw', '100']);
	await next.click();
	await lesson.getByRole('button', { name: 'Finish' }).click();
	await expect.poll(calls).toContainEqual(['LMSSetValue', 'cmi.core.lesson_status', 'completed']);
	const afterComplete = (await calls()).findLastIndex(
		(c) => c[0] === 'LMSSetValue' && c[2] === 'completed'
	);
	expect((await calls()).slice(afterComplete).some((c) => c[0] === 'LMSCommit')).toBe(true);

	// Leaving the course (the LMS closes it) finishes the session.
	await page.evaluate(() => {
		(document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank';
	});
	await expect.poll(calls).toContainEqual(['LMSFinish', '']);
});
