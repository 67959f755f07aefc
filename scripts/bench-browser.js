// What the browser benchmarks share (bench-player, bench-load, bench-cold, lighthouse): serve the
// production build with scripts/serve.js (compressed and revalidatable, as a good host serves
// it) and, for most, launch Debian's Chromium. Nothing here measures anything.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.js';

/** The folder `npm run build` wrote (or `BUILD_DIR`). */
export const buildDir = process.env.BUILD_DIR ?? 'build';

/** Chromium's options that work on these machines (see /work/shared/STACK.md). */
const CHROMIUM_ARGS = [
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking'
];

/** Exits with a clear line when there is no build to serve. */
export function requireBuild() {
	if (!existsSync(`${buildDir}/index.html`)) {
		console.error(`No build in ${buildDir}/: run \`npm run build\` first (or set BUILD_DIR).`);
		process.exit(1);
	}
}

/** A TCP port nothing listens on now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

/**
 * Serves the build on `port` (0: any free port) with scripts/serve.js; resolves once it answers.
 * @returns {Promise<{ origin: string, close: () => void }>}
 */
export async function serveBuild(port = 0) {
	requireBuild();
	const chosen = port || (await freePort());
	const server = spawn(process.execPath, ['scripts/serve.js', buildDir, String(chosen)], {
		stdio: 'ignore'
	});
	const origin = `http://localhost:${chosen}`;
	try {
		await waitForServer(`${origin}/`);
	} catch (error) {
		server.kill();
		throw error;
	}
	return { origin, close: () => server.kill() };
}

/**
 * Serves the build and launches Chromium, runs `run({ browser, origin })`, and closes both
 * whatever happens. `args`: Chromium options beside the usual ones.
 */
export async function withServedBuild({ port = 0, args = [] }, run) {
	const { origin, close } = await serveBuild(port);
	let browser;
	try {
		browser = await chromium.launch({
			executablePath: findChromium() ?? undefined,
			args: [...CHROMIUM_ARGS, ...args]
		});
		return await run({ browser, origin });
	} finally {
		await browser?.close();
		close();
	}
}

async function waitForServer(url) {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`The static server did not start at ${url}`);
}
