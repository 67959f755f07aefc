/**
 * The page's cookie jar, loaded on demand: tough-cookie and its public-suffix list weigh about
 * 120 KiB gzipped, which no page should load before its first paint. Before the first request
 * there are no cookies to show anyway.
 */
import type { CookieJar } from './cookie-jar';

let loading: Promise<CookieJar> | undefined;

export function loadBrowserJar(): Promise<CookieJar> {
	loading ??= import('./cookie-jar').then((m) => m.browserJar);
	return loading;
}
