/** The simulated site's origin. A `.test` name can never be a real site (RFC 2606). */
export const SITE_ORIGIN = 'https://mysite.test';
export const SITE_HOST = 'mysite.test';

/**
 * Other simulated servers the browser itself visits (the full project's identity provider).
 * The worker answers them too, when the running project has them; otherwise they fail as DNS.
 */
export const OUTSIDE_ORIGINS: readonly string[] = ['https://id.example.test'];

/** A site the simulated world answers: mysite, or an outside server the browser may visit. */
export function isSimulatedOrigin(origin: string): boolean {
	return origin === SITE_ORIGIN || OUTSIDE_ORIGINS.includes(origin);
}
