import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.js';

const port = Number(process.env.PORT ?? 4173);
const base = process.env.BASE_PATH ?? '';
const buildDir = process.env.BUILD_DIR ?? 'build';

export default defineConfig({
	testDir: 'tests/e2e',
	// A build under a sub-path (BASE_PATH) runs only the tests tagged @subpath, and they run only there.
	grep: base ? /@subpath/ : undefined,
	grepInvert: base ? undefined : /@subpath/,
	fullyParallel: false,
	workers: process.env.CI ? 1 : 2,
	retries: process.env.CI ? 1 : 0,
	// Generous waits, so the suite holds on a busy machine: every wait is for a state (a text, an
	// attribute), and on a loaded 2-core machine a state can take far longer than 5 s to come.
	timeout: 300_000,
	expect: { timeout: 30_000 },
	reporter: process.env.CI
		? [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'reports/e2e.json' }]]
		: 'list',
	use: {
		baseURL: `http://localhost:${port}${base}/`,
		trace: 'retain-on-failure',
		launchOptions: {
			// Debian's Chromium when there is one; otherwise Playwright's own (if installed).
			executablePath: findChromium() ?? undefined,
			args: [
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// Serves the production build as any static host would (see scripts/serve.js).
		command: `node scripts/serve.js ${buildDir} ${port} ${base}`,
		url: `http://localhost:${port}${base}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
