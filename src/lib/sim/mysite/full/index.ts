/**
 * The full mysite (`DJANGO_SETTINGS_MODULE=mysite.settings_full`): the same project and demo data,
 * and on top of it what `mysite/settings_full.py` and `mysite/urls_full.py` add (Django's admin
 * site, logging in with an outside identity provider, a mail server, a payment provider).
 *
 * The default project (`mysite.settings`) is the one the recordings in `tests/fixtures/django-5.2/`
 * came from, and it keeps answering exactly as recorded; lessons and the playground switch to this
 * one when they need the outside servers or the admin (`mocks/simulation.ts`, `useProject`).
 * It loads only then, in its own chunk.
 */
import type { DjangoProject } from '../../django/project';
import type { Settings } from '../../django/settings';
import { createResolver, path } from '../../django/urls';
import type { View } from '../../django/http';
import { mysite } from '../index';
import { settings } from '../settings';
import { urlpatterns } from '../urls';
// Django's admin (issue 14): each app's admin.py registers its models on admin.site.
import { site as adminSite } from '../../django/contrib/admin';
import { adminStaticFiles } from '../../django/contrib/admin/static-files';
import '../blog/admin';
import '../shop/admin';
import { seedAdmin } from './admin-seed';

/** mysite/settings_full.py: settings.py, with what it changes. */
export const settingsFull: Partial<Settings> = {
	...settings,
	INSTALLED_APPS: ['django.contrib.admin', ...(settings.INSTALLED_APPS ?? [])],
	ROOT_URLCONF: 'mysite.urls_full'
};

/** mysite/urls_full.py: urls.py's patterns, then the full project's own. */
export const urlpatternsFull = [
	// Django's admin (issue 14): first, as `path("admin/", admin.site.urls)` in urls_full.py.
	path('admin/', adminSite.urls),
	...urlpatterns
];

export const urlconfFull = createResolver<View>(urlpatternsFull);

export const mysiteFull: DjangoProject = {
	...mysite,
	settingsModule: 'mysite.settings_full',
	settings: settingsFull,
	urlconf: urlconfFull,
	// Django's admin (issue 14): its CSS, served by nginx as collectstatic would gather it.
	staticFiles: [...(mysite.staticFiles ?? []), ...adminStaticFiles],
	async setUp(db) {
		await mysite.setUp(db);
		// Django's admin (issue 14): its tables, a superuser, bob as staff with some permissions.
		seedAdmin(db);
	}
};
