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
import { createResolver } from '../../django/urls';
import type { View } from '../../django/http';
import { mysite } from '../index';
import { settings } from '../settings';
import { urlpatterns } from '../urls';
// Log in with Example ID (OpenID Connect)
import { path } from '../../django/urls';
import { createIdentityProvider } from '../../outside/identity-provider';
import { OIDC_SETTINGS, oidc_callback, oidc_login } from '../accounts/oidc';

/** mysite/settings_full.py: settings.py, with what it changes. */
export const settingsFull: Partial<Settings> = {
	...settings,
	INSTALLED_APPS: ['django.contrib.admin', ...(settings.INSTALLED_APPS ?? [])],
	ROOT_URLCONF: 'mysite.urls_full',
	// Log in with Example ID (OpenID Connect)
	...OIDC_SETTINGS
};

/** mysite/urls_full.py: urls.py's patterns, then the full project's own. */
export const urlpatternsFull = [
	...urlpatterns,
	// Log in with Example ID (OpenID Connect)
	path('accounts/oidc/login/', oidc_login, { name: 'oidc_login' }),
	path('accounts/oidc/callback/', oidc_callback, { name: 'oidc_callback' })
];

export const urlconfFull = createResolver<View>(urlpatternsFull);

export const mysiteFull: DjangoProject = {
	...mysite,
	settingsModule: 'mysite.settings_full',
	settings: settingsFull,
	urlconf: urlconfFull,
	async setUp(db) {
		await mysite.setUp(db);
	},
	outside: () => [
		// Log in with Example ID (OpenID Connect)
		createIdentityProvider()
	]
};
