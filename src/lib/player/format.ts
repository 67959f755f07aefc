/** Small formatting helpers shared by the player's views. */

/** Simulated time for people: `0.30 ms`, `12.5 ms`, `1.25 s`. */
export function formatMs(ms: number): string {
	if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
	return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

/**
 * The path (and query) of a URL on the simulated origin, as the address bar would show it; a URL
 * on another server (the identity provider) keeps its host, so the two sites are never confused.
 */
export function pathOf(url: string): string {
	try {
		const u = new URL(url);
		const host = u.hostname === 'mysite.test' ? '' : u.host;
		return host + u.pathname + u.search;
	} catch {
		return url;
	}
}
