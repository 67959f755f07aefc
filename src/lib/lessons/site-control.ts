/**
 * Gives each lesson the demo site it was written for: the seeded data (a lesson that deletes a
 * post must not break the next one, which reads it) and the configuration it asks for (gunicorn
 * stopped, a shorter nginx timeout…), put back when a lesson asks for nothing. The self-test runs
 * every lesson on a fresh site too, so what a lesson says holds on the page. The site (sql.js and
 * the whole stack) is only loaded for this when something really needs to change.
 */
import { onTrace } from '$lib/flow/trace-bus';
import { currentProject, type ProjectName } from '$lib/mocks/simulation';
import type { SiteConfig } from '$lib/sim/site';
import type { SiteSettings } from './schema';

/** The part of the simulated site a lesson changes (it answers from its Web Worker). */
export interface LessonSite {
	config(): Promise<SiteConfig>;
	configure(patch: Partial<SiteConfig>): Promise<SiteConfig>;
	reset(): Promise<void>;
}

export interface SiteAccess {
	site: () => Promise<LessonSite>;
	/** Forgets the simulated browser's cookies, which belong to the data that was reset. */
	clearCookies: () => Promise<void>;
}

const pageAccess: SiteAccess = {
	site: () => import('$lib/mocks/simulation').then((m) => m.getSite()),
	clearCookies: () => import('$lib/client/cookie-jar').then((m) => m.browserJar.clear())
};

let defaults: SiteConfig | undefined;
let changed = false;
/**
 * The projects whose site a request reached since its last reset, so they may hold changed data.
 * Each project (`mysite`, `mysite-full`) has its own site and database.
 */
const used = new Set<ProjectName>();
/** The project of the lesson now open. */
let lessonProject: ProjectName = 'mysite';
let answeringProject: () => ProjectName = currentProject;
let resetDue = false;
let watching = false;

/**
 * A lesson begins on `project`: if requests changed that project's site since its last reset,
 * the next apply resets it. `answering` says which project a request reached (the page's choice).
 */
export function beginLesson(
	project: ProjectName = 'mysite',
	answering: () => ProjectName = currentProject
): void {
	answeringProject = answering;
	if (!watching) {
		watching = true;
		onTrace(() => void used.add(answeringProject()));
	}
	lessonProject = project;
	resetDue = used.has(project);
}

/**
 * Applies `settings` on top of the site's starting configuration (after a reset, when a lesson
 * began on a used site). Resolves with the configuration in force, or null when nothing needed
 * to change (no site loaded, nothing asked).
 */
export async function applySiteSettings(
	settings: SiteSettings,
	access: SiteAccess = pageAccess
): Promise<SiteConfig | null> {
	const asked = Object.keys(settings).length > 0;
	if (resetDue) {
		resetDue = false;
		used.delete(lessonProject);
		const target = await access.site();
		defaults ??= await target.config();
		await target.reset();
		await access.clearCookies();
		changed = false;
	}
	if (!asked && !changed) return null;
	const target = await access.site();
	defaults ??= await target.config();
	changed = asked;
	return target.configure({ ...defaults, ...settings });
}

/**
 * The student's "Reset the demo site": the seeded data back (posts, comments, orders, sessions:
 * so nobody is logged in), the simulated browser's cookies forgotten, and `settings` (the ones in
 * force at the lesson's current step) applied again. Resolves with the configuration in force.
 */
export async function resetDemoSite(
	settings: SiteSettings,
	access: SiteAccess = pageAccess
): Promise<SiteConfig> {
	const target = await access.site();
	defaults ??= await target.config();
	await target.reset();
	await access.clearCookies();
	used.delete(lessonProject);
	resetDue = false;
	changed = Object.keys(settings).length > 0;
	return target.configure({ ...defaults, ...settings });
}

/** Applies `settings` on top of the site's starting configuration, whatever was in force. */
export async function forceSiteSettings(
	settings: SiteSettings,
	access: SiteAccess = pageAccess
): Promise<SiteConfig> {
	const target = await access.site();
	defaults ??= await target.config();
	changed = Object.keys(settings).length > 0;
	return target.configure({ ...defaults, ...settings });
}

/** Requests changed the site without passing the trace bus (a quiet rebuild): reset it later. */
export function markSiteUsed(): void {
	used.add(lessonProject);
}
