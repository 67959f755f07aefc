/**
 * A browser's redirect rules (Fetch standard, "HTTP-redirect fetch"), used to recognise which
 * traces belong to one navigation. Chromium follows a redirect that the service worker returns by
 * itself and sends the next request through the worker again, so each step is its own trace; the
 * page only sees the final response (`redirected`, `url`).
 */
import type { Trace } from '$lib/sim/types';

export const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;

export function isRedirect(status: number): boolean {
	return (REDIRECT_STATUSES as readonly number[]).includes(status);
}

/**
 * The method of the request that follows a redirect: 303 turns anything but HEAD into GET; 301
 * and 302 turn a POST into GET (what browsers have always done); 307 and 308 keep the method
 * and the body.
 */
export function methodAfterRedirect(method: string, status: number): string {
	const m = method.toUpperCase();
	if (status === 303 && m !== 'GET' && m !== 'HEAD') return 'GET';
	if ((status === 301 || status === 302) && m === 'POST') return 'GET';
	return m;
}

/** The request a redirect response leads to, or `null` when it is not a redirect a browser follows. */
export function nextRequest(
	method: string,
	url: string,
	status: number,
	location: string | undefined
): { method: string; url: string } | null {
	if (!isRedirect(status) || location === undefined) return null;
	try {
		const next = new URL(location, url);
		// The fragment of the original URL carries over when the Location has none.
		if (next.hash === '' && new URL(url).hash !== '') next.hash = new URL(url).hash;
		return { method: methodAfterRedirect(method, status), url: next.href };
	} catch {
		return null;
	}
}

export function traceLocation(trace: Trace): string | undefined {
	return trace.response.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
}

export interface SeenResponse {
	method: string;
	url: string;
	status: number;
	location?: string;
}

/** What a request that has already had `seen` answers is waiting for next, if it is still going. */
export function expectedNext(
	first: { method: string; url: string },
	seen: readonly SeenResponse[]
): { method: string; url: string } | null {
	if (seen.length === 0) return { method: first.method.toUpperCase(), url: withoutHash(first.url) };
	const last = seen[seen.length - 1];
	const next = nextRequest(last.method, last.url, last.status, last.location);
	return next && { method: next.method, url: withoutHash(next.url) };
}

export function withoutHash(url: string): string {
	try {
		const u = new URL(url);
		u.hash = '';
		return u.href;
	} catch {
		return url;
	}
}

/** True when the web server answered by itself: the request never reached the app server. */
export function servedByWebServerOnly(trace: Trace): boolean {
	return trace.hops.length > 0 && !trace.hops.some((h) => h.to === 'app-server');
}
