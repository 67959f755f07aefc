import { afterFirstPaint } from '$lib/first-paint';

/**
 * SvelteKit awaits this before it hydrates the page. Every page is prerendered, so its content is
 * already there to paint: paint it first, then hydrate. Without this, on a busy machine the page's
 * scripts can arrive before the first frame and hold the finished page off the screen while they
 * run (the first paint came a second after the page had loaded).
 */
export async function init() {
	await afterFirstPaint();
}
