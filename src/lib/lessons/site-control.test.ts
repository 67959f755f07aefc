import { describe, expect, it, vi } from 'vitest';
import type { SiteConfig } from '$lib/sim/site';
import { applySiteSettings } from './site-control';

function fakeSite() {
	let config: SiteConfig = {
		debug: true,
		appServerUp: true,
		workers: 3,
		gunicornTimeoutS: 30,
		nginxProxyReadTimeoutS: 60,
		clientMaxBodySize: 1048576
	};
	const site = {
		get config() {
			return config;
		},
		configure: vi.fn((patch: Partial<SiteConfig>) => (config = { ...config, ...patch }))
	};
	return { site, load: vi.fn(async () => site) };
}

describe('site settings for a lesson', () => {
	it('loads nothing while no lesson asks for anything', async () => {
		const { load } = fakeSite();
		expect(await applySiteSettings({}, load)).toBeNull();
		expect(load).not.toHaveBeenCalled();
	});

	it("applies a lesson's settings, then restores the start for the next lesson", async () => {
		const { site, load } = fakeSite();
		expect(await applySiteSettings({ appServerUp: false }, load)).toMatchObject({
			appServerUp: false,
			gunicornTimeoutS: 30
		});
		await applySiteSettings({ gunicornTimeoutS: 90, nginxProxyReadTimeoutS: 20 }, load);
		// Each lesson's settings start from the site's own configuration, not the last lesson's.
		expect(site.config).toMatchObject({ appServerUp: true, gunicornTimeoutS: 90 });
		expect(await applySiteSettings({}, load)).toEqual({
			debug: true,
			appServerUp: true,
			workers: 3,
			gunicornTimeoutS: 30,
			nginxProxyReadTimeoutS: 60,
			clientMaxBodySize: 1048576
		});
		expect(await applySiteSettings({}, load)).toBeNull();
	});
});
