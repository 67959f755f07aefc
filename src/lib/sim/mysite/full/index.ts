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
// Log in with Example ID (OpenID Connect)
import { createIdentityProvider } from '../../outside/identity-provider';
import { OIDC_SETTINGS, oidc_callback, oidc_login } from '../accounts/oidc';
// Mail server and payment API (issue 13, parts 2 and 3).
import {
	PasswordResetCompleteView,
	PasswordResetConfirmView,
	PasswordResetDoneView,
	PasswordResetView
} from '../../django/views/password-reset';
import { MailServer } from '../../outside/mail-server';
import { PAYMENTS_SECRET_KEY, PAYMENTS_URL, PaymentApi } from '../../outside/payments';
import { checkout } from '../shop/checkout';
import { fileLine } from '../sources';
// Django's admin (issue 14): each app's admin.py registers its models on admin.site.
import { ADMIN_MODELS, site as adminSite } from '../../django/contrib/admin';
import { adminStaticFiles } from '../../django/contrib/admin/static-files';
import { adminTemplates } from '../../django/contrib/admin/templates';
import '../blog/admin';
import '../shop/admin';
import { seedAdmin } from './admin-seed';

/** mysite/settings_full.py: settings.py, with what it changes. */
export const settingsFull: Partial<Settings> = {
	...settings,
	INSTALLED_APPS: ['django.contrib.admin', ...(settings.INSTALLED_APPS ?? [])],
	ROOT_URLCONF: 'mysite.urls_full',
	// Log in with Example ID (OpenID Connect)
	...OIDC_SETTINGS,
	// Mail server: Django's SMTP backend sends password reset links and order emails.
	EMAIL_BACKEND: 'django.core.mail.backends.smtp.EmailBackend',
	EMAIL_HOST: 'mail.mysite.test',
	EMAIL_PORT: 25,
	DEFAULT_FROM_EMAIL: 'mysite <noreply@mysite.test>',
	PASSWORD_RESET_TIMEOUT: 259200,
	// Payment API: the shop charges cards with Example Pay; the key stays on the server.
	PAYMENTS_API_URL: PAYMENTS_URL,
	PAYMENTS_SECRET_KEY,
	PAYMENTS_TIMEOUT: 5
};

const URLS_FULL = 'mysite/urls_full.py';

/** Mail server: password reset by email (the names django.contrib.auth.urls gives them). */
const passwordResetPatterns = [
	path(
		'accounts/password_reset/',
		PasswordResetView.as_view({
			viewName: 'django.contrib.auth.views.PasswordResetView',
			source: fileLine(
				URLS_FULL,
				'path("accounts/password_reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),'
			)
		}),
		{ name: 'password_reset' }
	),
	path(
		'accounts/password_reset/done/',
		PasswordResetDoneView.as_view({
			viewName: 'django.contrib.auth.views.PasswordResetDoneView',
			source: fileLine(
				URLS_FULL,
				'path("accounts/password_reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),'
			)
		}),
		{ name: 'password_reset_done' }
	),
	path(
		'accounts/reset/<uidb64>/<token>/',
		PasswordResetConfirmView.as_view({
			viewName: 'django.contrib.auth.views.PasswordResetConfirmView',
			source: fileLine(
				URLS_FULL,
				'path("accounts/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),'
			)
		}),
		{ name: 'password_reset_confirm' }
	),
	path(
		'accounts/reset/done/',
		PasswordResetCompleteView.as_view({
			viewName: 'django.contrib.auth.views.PasswordResetCompleteView',
			source: fileLine(
				URLS_FULL,
				'path("accounts/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),'
			)
		}),
		{ name: 'password_reset_complete' }
	)
];

/** Payment API: paying for an order with a card. */
const checkoutPatterns = [path('shop/checkout/', checkout, { name: 'checkout' })];

/** mysite/urls_full.py: urls.py's patterns, then the full project's own. */
export const urlpatternsFull = [
	// Django's admin (issue 14): first, as `path("admin/", admin.site.urls)` in urls_full.py.
	path('admin/', adminSite.urls),
	...urlpatterns,
	// Log in with Example ID (OpenID Connect)
	path('accounts/oidc/login/', oidc_login, { name: 'oidc_login' }),
	path('accounts/oidc/callback/', oidc_callback, { name: 'oidc_callback' }),
	...passwordResetPatterns,
	...checkoutPatterns
];

export const urlconfFull = createResolver<View>(urlpatternsFull);

export const mysiteFull: DjangoProject = {
	...mysite,
	settingsModule: 'mysite.settings_full',
	settings: settingsFull,
	urlconf: urlconfFull,
	// Django's admin (issue 14): its CSS, served by nginx as collectstatic would gather it.
	staticFiles: [...(mysite.staticFiles ?? []), ...adminStaticFiles],
	// Django's admin (issue 14): its templates, from django/contrib/admin/templates/ (APP_DIRS).
	appTemplates: adminTemplates,
	async setUp(db) {
		await mysite.setUp(db);
		// Django's admin (issue 14): its tables, a superuser, bob as staff with some permissions.
		seedAdmin(db);
	},
	models: [...(mysite.models ?? []), ...ADMIN_MODELS],
	outside: () => [
		// Log in with Example ID (OpenID Connect)
		createIdentityProvider(),
		// Mail server and payment API (issue 13, parts 2 and 3).
		new MailServer(),
		new PaymentApi()
	]
};
