import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** A sub-path such as `/my-repo` for a GitHub Pages project site; empty for the root. */
const base = process.env.BASE_PATH ?? '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			fallback: undefined,
			strict: true
		}),
		paths: { base, relative: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
