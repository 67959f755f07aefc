import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** A sub-path such as `/my-repo` for a GitHub Pages project site; empty for the root. */
const base = process.env.BASE_PATH ?? '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Separate output folders let several builds run side by side (e.g. BUILD_DIR=build-x KIT_OUT_DIR=.svelte-kit-x).
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			fallback: undefined,
			strict: true
		}),
		// RELATIVE_PATHS=1: a build that runs from any folder (the SCORM package, scripts/package-scorm.js).
		paths: { base, relative: process.env.RELATIVE_PATHS === '1' },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
