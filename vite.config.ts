import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
