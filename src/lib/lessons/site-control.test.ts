import { describe, expect, it, vi } from 'vitest';
import { publishTrace } from '$lib/flow/trace-bus';
import type { SiteConfig } from '$lib/sim/site';
import type { Trace } from '$lib/sim/types';
import { applySiteSettings, beginLesson, resetDemoSite } from './site-control';

const START: SiteConfig = {
	debug: true,
	appServerUp: true,
	workers: 3,
	gunicornTimeoutS: 30,
	nginxProxyReadTimeoutS: 60,
	clientMaxBodySize: 1048576
};

function fakeAccess() {
	let config = { ...START };
	const site = {
		config: async () => ({ ...config }),
		configure: vi.fn(async (patch: Partial<SiteConfig>) => (config = { ...config, ...patch })),
		reset: vi.fn(async () => {
			config = { ...START };
		})
	};
	const access = { site: vi.fn(async () => site), clearCookies: vi.fn(async () => {}) };
	return { site, access };
}

describe('the demo site for a lesson', () => {
	it('loads nothing while no lesson asks for anything', async () => {
		const { access } = fakeAccess();
		beginLesson();
		expect(await applySiteSettings({}, access)).toBeNull();
		expect(access.site).not.toHaveBeenCalled();
	});

	it("applies a lesson's settings, then restores the start for the next lesson", async () => {
		const { site, access } = fakeAccess();
		expect(await applySiteSettings({ appServerUp: false }, access)).toMatchObject({
			appServerUp: false,
			gunicornTimeoutS: 30
		});
		await applySiteSettings({ gunicornTimeoutS: 90, nginxProxyReadTimeoutS: 20 }, access);
		// Each step's settings start from the site's own configuration, not from the last ones.
		expect(await site.config()).toMatchObject({ appServerUp: true, gunicornTimeoutS: 90 });
		expect(await applySiteSettings({}, access)).toEqual(START);
		expect(await applySiteSettings({}, access)).toBeNull();
	});

	it('resets the data and the cookies when a lesson begins after requests changed the site', async () => {
		const { site, access } = fakeAccess();
		beginLesson();
		await applySiteSettings({}, access);
		expect(site.reset).not.toHaveBeenCalled();

		await publishTrace({ id: 't', hops: [] } as unknown as Trace);
		beginLesson();
		await applySiteSettings({}, access);
		expect(site.reset).toHaveBeenCalledTimes(1);
		expect(access.clearCookies).toHaveBeenCalledTimes(1);

		// Only once per lesson, and only when it was used.
		await applySiteSettings({ debug: false }, access);
		beginLesson();
		await applySiteSettings({}, access);
		expect(site.reset).toHaveBeenCalledTimes(1);
		expect(await site.config()).toEqual(START);
	});
});

describe('lessons on two projects (mysite, mysite-full)', () => {
	it("resets a project's site when a lesson begins on it after requests reached it", async () => {
		const { site, access } = fakeAccess();
		let answering: 'mysite' | 'mysite-full' = 'mysite-full';
		beginLesson('mysite-full', () => answering);
		await applySiteSettings({}, access);
		await publishTrace({ id: 'full', hops: [] } as unknown as Trace);
		// The next lesson runs on mysite, which nothing reached: no reset.
		answering = 'mysite';
		beginLesson('mysite');
		await applySiteSettings({}, access);
		expect(site.reset).not.toHaveBeenCalled();
		// Back to a lesson on the full project: its site was used, so it starts fresh.
		answering = 'mysite-full';
		beginLesson('mysite-full');
		await applySiteSettings({}, access);
		expect(site.reset).toHaveBeenCalledTimes(1);
	});
});

describe("the stage's Reset the demo site", () => {
	it('resets the data and the cookies at once, and keeps the settings of the step', async () => {
		const { site, access } = fakeAccess();
		await applySiteSettings({ appServerUp: false }, access);
		expect(await resetDemoSite({ appServerUp: false }, access)).toMatchObject({
			appServerUp: false,
			workers: 3
		});
		expect(site.reset).toHaveBeenCalledTimes(1);
		expect(access.clearCookies).toHaveBeenCalledTimes(1);
		// Leaving the lesson still restores the site's own configuration.
		expect(await applySiteSettings({}, access)).toEqual(START);
	});
});
