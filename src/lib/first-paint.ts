/**
 * Resolves once the page has painted its first content: at once if it has, or if the page is
 * hidden and will not paint; otherwise after the next frame has been painted, or after a second at
 * most. What waits for it (hydration, the simulated site's downloads) never delays the first paint,
 * however slow the machine.
 */
export function afterFirstPaint(): Promise<void> {
	if (
		typeof document === 'undefined' ||
		document.visibilityState === 'hidden' ||
		performance.getEntriesByName('first-contentful-paint').length > 0
	)
		return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, 1000);
		// The frame after the next one: the next one has then been painted.
		requestAnimationFrame(() =>
			requestAnimationFrame(() => {
				clearTimeout(timer);
				resolve();
			})
		);
	});
}

/**
 * Resolves once the page has painted and then has a moment with nothing to do (its hydration and
 * the work queued behind it are done), or after `timeout` ms at most.
 */
export function afterPageSettles(timeout = 1500): Promise<void> {
	return afterFirstPaint().then(
		() =>
			new Promise<void>((resolve) => {
				if (typeof requestIdleCallback !== 'function') return resolve();
				requestIdleCallback(() => resolve(), { timeout });
			})
	);
}
