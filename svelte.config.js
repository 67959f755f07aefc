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
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Each page's stylesheets (a few KiB gzipped) inside its HTML: nothing blocks the first paint
		// (a stylesheet is one more round trip on a slow link before any text shows).
		inlineStyleThreshold: 32 * 1024
	}
};

export default config;
