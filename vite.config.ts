import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { runnerImport, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const SNAPSHOT = 'virtual:site-snapshot/';

/**
 * `virtual:site-snapshot/<project>`: the project's seeded database file (base64), made at build
 * time by running its real migrations and seed (scripts/site-snapshots.ts), so a page restores it
 * instead of building the database on its main thread. A lazy chunk of its own, hashed like the
 * rest. In dev and in tests it is empty and the site is built from scratch, always from the
 * sources as they are now.
 */
function siteSnapshots(): Plugin {
	let build = false;
	let files: Promise<Record<string, Uint8Array>> | undefined;
	return {
		name: 'request-flow:site-snapshots',
		configResolved(config) {
			build = config.command === 'build' && !process.env.VITEST;
		},
		resolveId(id) {
			if (id.startsWith(SNAPSHOT)) return `\0${id}`;
		},
		async load(id, options) {
			if (!id.startsWith(`\0${SNAPSHOT}`)) return;
			// The server build (prerendering) never builds a site: only the browser's needs the file.
			if (!build || options?.ssr) return 'export default undefined;';
			files ??= runnerImport<typeof import('./scripts/site-snapshots')>(
				'./scripts/site-snapshots.ts',
				{ configFile: false, logLevel: 'warn' }
			).then(({ module }) => module.seededDatabaseFiles());
			const file = (await files)[id.slice(`\0${SNAPSHOT}`.length)];
			if (!file) this.error(`No seeded database for ${id}`);
			return `export default ${JSON.stringify(Buffer.from(file).toString('base64'))};`;
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), siteSnapshots()],
	// The simulated site's Web Worker (src/lib/mocks/site-worker.ts) is an ES module, so it loads
	// the stack, sql.js and the database file as chunks of their own; `plugins` above do not apply
	// to a worker's bundle in a build.
	worker: { format: 'es', plugins: () => [siteSnapshots()] },
	test: {
		reporters: process.env.CI ? ['default', 'json'] : ['default'],
		outputFile: { json: 'reports/unit.json' },
		// Vitest empties CSS imports, even `?raw`; the demo site's stylesheet is served as data.
		css: { include: [/src\/lib\/sim\/mysite\/static\//] },
		// Two projects: the Testing Library plugin applies the `browser` condition to every test
		// it sees, which would make sql.js load its browser build in Node (see ARCHITECTURE.md).
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					environment: 'node',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: ['src/**/*.dom.test.ts']
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'dom',
					environment: 'jsdom',
					include: ['src/**/*.dom.test.ts']
				}
			}
		]
	}
});
