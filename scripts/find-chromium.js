// Finds a Chromium for the end-to-end tests without downloading one.
// Order: CHROMIUM_PATH, Debian's /usr/bin/chromium, then Playwright's own browser if a developer installed it.
import { existsSync } from 'node:fs';

export function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const path of candidates) if (path && existsSync(path)) return path;
	return null;
}

/** Playwright's own download, if any (`npx playwright install chromium`). */
export async function playwrightChromium() {
	try {
		const { chromium } = await import('playwright-core');
		const path = chromium.executablePath();
		return path && existsSync(path) ? path : null;
	} catch {
		return null;
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const found = findChromium() ?? (await playwrightChromium());
	if (!found) {
		console.error(
			'No Chromium found for the end-to-end tests: run `apt-get install chromium` (Debian/Ubuntu), or `npx playwright install chromium`, or set CHROMIUM_PATH.'
		);
		process.exit(1);
	}
}
