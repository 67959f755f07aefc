import { describe, expect, it } from 'vitest';
import { projectSources } from '../mysite/sources';
import { loadProject, type ProjectEdits } from './load-project';
import { MYSITE_URL_MODULES, MYSITE_VIEW_MODULES } from './mysite-modules';

const load = (edits: ProjectEdits) =>
	loadProject({
		sources: projectSources,
		edits,
		views: MYSITE_VIEW_MODULES,
		urlModules: MYSITE_URL_MODULES
	});

describe('the project as it is', () => {
	it('reads settings.py and every urls.py without a problem or a note', () => {
		const loaded = load({});
		expect(loaded.problem).toBeUndefined();
		expect(loaded.notes).toEqual([]);
		expect(loaded.settings?.overrides).toEqual({});
		expect(loaded.urlconf?.resolver.reverse('blog:post_detail', { kwargs: { pk: 3 } })).toBe(
			'/blog/3/'
		);
		expect(loaded.urlconf?.resolver.resolve('/accounts/login/').match?.func.viewName).toBe(
			'django.contrib.auth.views.LoginView'
		);
	});
});
