/**
 * What the student types into the mini browser's address bar, turned into a URL.
 *
 * A browser accepts `/blog/`, `mysite.test/blog/` or a full URL. The mini browser visits only the
 * simulated site; a host that the simulated world does not know (a typo such as `mysite.tset`)
 * is still requested, so the student sees the browser fail as it would on a DNS error. Other
 * hosts are never requested: real sites are not part of the lesson, and this tool has no business
 * sending the student's requests there.
 */
import { SITE_HOST, SITE_ORIGIN, isSimulatedOrigin } from '$lib/mocks/origin';

export type AddressResult =
	| { ok: true; url: string }
	/** A host in a reserved test domain that the simulated world does not have: fetch it and fail. */
	| { ok: true; url: string; unknownHost: string }
	| { ok: false; reason: 'empty' | 'invalid' | 'outside'; message: string };

/** Top-level names that can never be real sites (RFC 2606 and RFC 6761). */
const RESERVED_TLDS = ['test', 'example', 'invalid', 'localhost'];

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two names. */
export function typoDistance(a: string, b: string): number {
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	for (let i = 1; i <= a.length; i++)
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
		}
	return d[a.length][b.length];
}

/**
 * A host the simulated world does not have but that is safe to request, so that the student sees
 * the real failure: a mistyped `mysite.test`, or any name under a reserved test domain.
 */
export function isUnknownTestHost(host: string): boolean {
	if (host === SITE_HOST) return false;
	const tld = host.split('.').pop() ?? '';
	return RESERVED_TLDS.includes(tld) || typoDistance(host, SITE_HOST) <= 2;
}

/** mysite, or an outside server the browser visits (the identity provider's pages). */
export function isSimulatedSite(url: URL | string): boolean {
	const u = typeof url === 'string' ? new URL(url) : url;
	return isSimulatedOrigin(u.origin);
}

/** Why the mini browser will not open a link to another site (or a `mailto:` link), in one line. */
export function outsideMessage(hostOrScheme: string): string {
	const what = hostOrScheme.endsWith(':') ? `${hostOrScheme} links` : hostOrScheme;
	return `The mini browser only visits the simulated site, ${SITE_HOST}; it does not open ${what}.`;
}

export function dnsFailureMessage(host: string): string {
	return `The browser could not find a server at ${host} (like a DNS error). Check the address.`;
}

/** Resolves typed text against the current page's URL (used for addresses like `/blog/`). */
export function parseAddress(input: string, currentUrl: string = `${SITE_ORIGIN}/`): AddressResult {
	const text = input.trim();
	if (text === '') return { ok: false, reason: 'empty', message: 'Type an address, e.g. /blog/.' };
	let url: URL;
	try {
		if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) url = new URL(text);
		else if (text.startsWith('/') || text.startsWith('?') || text.startsWith('#'))
			url = new URL(text, currentUrl);
		// `mysite.test/blog/`: a host without a scheme, as people type it; browsers assume https.
		else url = new URL(`https://${text}`);
	} catch {
		return {
			ok: false,
			reason: 'invalid',
			message: `"${text}" is not an address a browser can open.`
		};
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return {
			ok: false,
			reason: 'outside',
			message: `The mini browser opens only web addresses (https://…), not ${url.protocol} ones.`
		};
	if (url.hostname === SITE_HOST && url.protocol === 'http:')
		return {
			ok: false,
			reason: 'outside',
			message: `The simulated site answers only over HTTPS: try ${SITE_ORIGIN}${url.pathname}.`
		};
	if (isSimulatedSite(url)) return { ok: true, url: url.href };
	if (isUnknownTestHost(url.hostname))
		return { ok: true, url: url.href, unknownHost: url.hostname };
	return { ok: false, reason: 'outside', message: outsideMessage(url.hostname) };
}
