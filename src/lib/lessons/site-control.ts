/**
 * Puts the page's simulated site into the configuration a lesson asks for (gunicorn stopped, a
 * shorter nginx timeout…), and back to how it started when a lesson asks for nothing, so one
 * lesson's settings never leak into the next. The site (sql.js and the whole stack) is only
 * loaded for this when a lesson really changes something.
 */
import type { SiteConfig } from '$lib/sim/site';
import type { SiteSettings } from './schema';

type Configurable = {
	readonly config: Readonly<SiteConfig>;
	configure(patch: Partial<SiteConfig>): SiteConfig;
};

let defaults: SiteConfig | undefined;
let changed = false;

async function pageSite(): Promise<Configurable> {
	const { getSite } = await import('$lib/mocks/simulation');
	return getSite();
}

/**
 * Applies `settings` on top of the site's starting configuration. Resolves with the configuration
 * in force, or null when nothing needed to change (no site loaded, nothing asked).
 */
export async function applySiteSettings(
	settings: SiteSettings,
	site: () => Promise<Configurable> = pageSite
): Promise<SiteConfig | null> {
	const asked = Object.keys(settings).length > 0;
	if (!asked && !changed) return null;
	const target = await site();
	defaults ??= { ...target.config };
	changed = asked;
	return target.configure({ ...defaults, ...settings });
}
