/**
 * After a reload in the middle of a lesson (`?step=5`), the page keeps the step, but the demo
 * site in this tab starts fresh: no comment posted, nobody logged in, no CSRF cookie. The steps
 * ahead were written (and self-tested) for the site as the earlier steps left it. So the page
 * rebuilds that state quietly: a fresh site of the lesson's project, then the earlier steps walked
 * as the self-test walks them (`walk.ts`; a challenge's solution only when the student had passed
 * it), straight through the stack without animation, with the page's own cookie jar and form
 * memory. Last, the browser opens again, for real, the page it was showing, so that the next form
 * sent from it carries that page as its `Referer`, as a browser's would.
 */
import { loadBrowserJar } from '$lib/client/browser-jar';
import { simulatedProject } from './lesson-project';
import type { FormMemory } from './request-spec';
import type { Lesson, SiteSettings } from './schema';
import { forceSiteSettings, markSiteUsed, resetDemoSite } from './site-control';
import { playStep, stepsBefore } from './walk';

export interface Rebuilt {
	/** Requests sent again, each redirect the browser followed included. */
	requests: number;
	/** What did not happen as the lesson says; empty when the site is as the step expects. */
	problems: string[];
	/** The path of the page the browser showed at this step, opened again. */
	page: string | null;
}

/** Whether anything before part `step` changed the site (a request, a challenge, a setting). */
export function needsRebuild(lesson: Lesson, step: number): boolean {
	return stepsBefore(lesson, step).some(
		(s) =>
			s.type === 'challenge' ||
			s.type === 'settings' ||
			((s.type === 'request' || s.type === 'predict') && s.send !== undefined)
	);
}

export async function rebuildSite(
	lesson: Lesson,
	step: number,
	memory: FormMemory,
	/** The settings in force at `step`, applied when the walk is done. */
	settings: SiteSettings,
	/** Opens a page for real (a `fetch` the player shows), as the browser showed it. */
	reopen: (path: string) => Promise<unknown>,
	/** Whether the student passed this challenge: only then is its solution sent again. */
	passed: (challengeId: string) => boolean
): Promise<Rebuilt> {
	// Loaded when needed: the scripted browser brings the cookie jar (tough-cookie, ~120 KiB).
	const [{ useProject }, jar, { ScriptedBrowser }] = await Promise.all([
		import('$lib/mocks/simulation'),
		loadBrowserJar(),
		import('./scripted-browser')
	]);
	// The lesson's own project (the page chose it already; this makes sure of it).
	const site = await useProject(simulatedProject(lesson));
	await resetDemoSite(lesson.settings ?? {});
	memory.forget();
	const browser = new ScriptedBrowser((request) => site.handle(request), jar, memory);
	const problems: string[] = [];
	let page: string | null = null;
	try {
		for (const s of stepsBefore(lesson, step)) {
			// A challenge still open is the student's to do: its solution is not sent for them.
			if (s.type === 'challenge' && !passed(s.id)) continue;
			problems.push(...(await playStep(lesson, s, site, browser)));
		}
		const url = new URL(browser.page);
		page = browser.traces.length ? url.pathname + url.search : null;
		// Before this step's own settings (gunicorn stopped…), as the page was when it was shown.
		if (page) await reopen(page);
	} catch (error) {
		problems.push(error instanceof Error ? error.message : String(error));
	} finally {
		markSiteUsed();
		await forceSiteSettings(settings);
	}
	return { requests: browser.traces.length, problems, page };
}
