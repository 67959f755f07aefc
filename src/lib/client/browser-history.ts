/**
 * The mini browser's session history, kept as a browser keeps it: a list of pages and a
 * position. Visiting a page drops the pages ahead of the position (Forward forgets them); Back
 * and Forward move the position. Immutable values, so every state can be tested and shown.
 */
export interface SessionHistory {
	readonly urls: readonly string[];
	readonly index: number;
}

export const EMPTY_HISTORY: SessionHistory = { urls: [], index: -1 };

export function visit(history: SessionHistory, url: string): SessionHistory {
	const urls = [...history.urls.slice(0, history.index + 1), url];
	return { urls, index: urls.length - 1 };
}

/** Replaces the current entry (a reload that landed somewhere else, e.g. after a redirect). */
export function replace(history: SessionHistory, url: string): SessionHistory {
	if (history.index < 0) return visit(history, url);
	const urls = [...history.urls];
	urls[history.index] = url;
	return { urls, index: history.index };
}

export function go(history: SessionHistory, delta: number): SessionHistory {
	const index = history.index + delta;
	if (index < 0 || index >= history.urls.length) return history;
	return { urls: history.urls, index };
}

export function canGoBack(history: SessionHistory): boolean {
	return history.index > 0;
}

export function canGoForward(history: SessionHistory): boolean {
	return history.index < history.urls.length - 1;
}

export function currentUrl(history: SessionHistory): string | undefined {
	return history.urls[history.index];
}
