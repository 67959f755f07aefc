/**
 * Django settings: the names and defaults of `django/conf/global_settings.py` that the simulated
 * stack reads, plus what `startproject`'s `settings.py` sets. A project (`src/lib/sim/mysite`)
 * overrides some of them; `site.configure({ debug })` flips DEBUG for a lesson.
 */

export type SameSite = 'Lax' | 'Strict' | 'None' | false;

export interface Settings {
	DEBUG: boolean;
	SECRET_KEY: string;
	ALLOWED_HOSTS: string[];
	ROOT_URLCONF: string;
	/** Dotted paths, in order. Only the ones in `MIDDLEWARE_CLASSES` (middleware/index.ts) exist. */
	MIDDLEWARE: string[];
	INSTALLED_APPS: string[];
	APPEND_SLASH: boolean;
	LOGIN_URL: string;
	LOGIN_REDIRECT_URL: string;
	LOGOUT_REDIRECT_URL: string | null;
	DEFAULT_CHARSET: string;
	TIME_ZONE: string;
	USE_TZ: boolean;
	/**
	 * `DATABASES['default']['ATOMIC_REQUESTS']`: each view runs in a transaction, so a view that
	 * raises (or whose worker is killed) leaves the database as it was. On in the demo, because a
	 * failed request must lose nothing; Django's own default is off.
	 */
	ATOMIC_REQUESTS: boolean;

	SESSION_COOKIE_NAME: string;
	SESSION_COOKIE_AGE: number;
	SESSION_COOKIE_DOMAIN: string | null;
	SESSION_COOKIE_PATH: string;
	SESSION_COOKIE_SECURE: boolean;
	SESSION_COOKIE_HTTPONLY: boolean;
	SESSION_COOKIE_SAMESITE: SameSite;
	SESSION_SAVE_EVERY_REQUEST: boolean;
	SESSION_EXPIRE_AT_BROWSER_CLOSE: boolean;

	CSRF_COOKIE_NAME: string;
	CSRF_COOKIE_AGE: number;
	CSRF_COOKIE_DOMAIN: string | null;
	CSRF_COOKIE_PATH: string;
	CSRF_COOKIE_SECURE: boolean;
	CSRF_COOKIE_HTTPONLY: boolean;
	CSRF_COOKIE_SAMESITE: SameSite;
	/** The META key of the header (`X-CSRFToken` arrives as `HTTP_X_CSRFTOKEN`). */
	CSRF_HEADER_NAME: string;
	CSRF_TRUSTED_ORIGINS: string[];
	CSRF_FAILURE_VIEW: string;

	SECURE_CONTENT_TYPE_NOSNIFF: boolean;
	SECURE_REFERRER_POLICY: string | null;
	SECURE_CROSS_ORIGIN_OPENER_POLICY: string | null;
	SECURE_HSTS_SECONDS: number;
	SECURE_SSL_REDIRECT: boolean;
	/**
	 * nginx ends TLS and talks plain HTTP to gunicorn, so Django only knows the browser used
	 * HTTPS from the header nginx adds. Without this, `request.is_secure()` is false.
	 */
	SECURE_PROXY_SSL_HEADER: [string, string] | null;
	USE_X_FORWARDED_HOST: boolean;
	X_FRAME_OPTIONS: string;

	PASSWORD_HASHERS: string[];
	/**
	 * PBKDF2 iterations for new password hashes: Django 5.2's 1,000,000, as the auth module's
	 * `DEMO_ITERATIONS` (measured there: WebCrypto makes one hash cheap enough in a browser).
	 * Stored hashes keep their own count, as in Django.
	 */
	PASSWORD_HASHER_ITERATIONS: number;
}

/** Django's defaults (global_settings.py) and what `django-admin startproject` writes. */
const DEFAULTS: Settings = {
	DEBUG: false,
	SECRET_KEY: 'django-insecure-request-flow-teaching-key-not-secret',
	ALLOWED_HOSTS: ['mysite.test'],
	ROOT_URLCONF: 'mysite.urls',
	MIDDLEWARE: [
		'django.middleware.security.SecurityMiddleware',
		'django.contrib.sessions.middleware.SessionMiddleware',
		'django.middleware.common.CommonMiddleware',
		'django.middleware.csrf.CsrfViewMiddleware',
		'django.contrib.auth.middleware.AuthenticationMiddleware',
		'django.contrib.messages.middleware.MessageMiddleware',
		'django.middleware.clickjacking.XFrameOptionsMiddleware'
	],
	INSTALLED_APPS: [
		'django.contrib.auth',
		'django.contrib.contenttypes',
		'django.contrib.sessions',
		'django.contrib.messages',
		'django.contrib.staticfiles'
	],
	APPEND_SLASH: true,
	LOGIN_URL: '/accounts/login/',
	LOGIN_REDIRECT_URL: '/accounts/profile/',
	LOGOUT_REDIRECT_URL: null,
	DEFAULT_CHARSET: 'utf-8',
	TIME_ZONE: 'UTC',
	USE_TZ: true,
	ATOMIC_REQUESTS: true,

	SESSION_COOKIE_NAME: 'sessionid',
	SESSION_COOKIE_AGE: 60 * 60 * 24 * 7 * 2,
	SESSION_COOKIE_DOMAIN: null,
	SESSION_COOKIE_PATH: '/',
	SESSION_COOKIE_SECURE: false,
	SESSION_COOKIE_HTTPONLY: true,
	SESSION_COOKIE_SAMESITE: 'Lax',
	SESSION_SAVE_EVERY_REQUEST: false,
	SESSION_EXPIRE_AT_BROWSER_CLOSE: false,

	CSRF_COOKIE_NAME: 'csrftoken',
	CSRF_COOKIE_AGE: 60 * 60 * 24 * 7 * 52,
	CSRF_COOKIE_DOMAIN: null,
	CSRF_COOKIE_PATH: '/',
	CSRF_COOKIE_SECURE: false,
	CSRF_COOKIE_HTTPONLY: false,
	CSRF_COOKIE_SAMESITE: 'Lax',
	CSRF_HEADER_NAME: 'HTTP_X_CSRFTOKEN',
	CSRF_TRUSTED_ORIGINS: [],
	CSRF_FAILURE_VIEW: 'django.views.csrf.csrf_failure',

	SECURE_CONTENT_TYPE_NOSNIFF: true,
	SECURE_REFERRER_POLICY: 'same-origin',
	SECURE_CROSS_ORIGIN_OPENER_POLICY: 'same-origin',
	SECURE_HSTS_SECONDS: 0,
	SECURE_SSL_REDIRECT: false,
	SECURE_PROXY_SSL_HEADER: ['HTTP_X_FORWARDED_PROTO', 'https'],
	USE_X_FORWARDED_HOST: false,
	X_FRAME_OPTIONS: 'DENY',

	PASSWORD_HASHERS: ['django.contrib.auth.hashers.PBKDF2PasswordHasher'],
	PASSWORD_HASHER_ITERATIONS: 1_000_000
};
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(DEFAULTS);

/** Django's defaults with a project's `settings.py` on top. */
export function makeSettings(overrides: Partial<Settings> = {}): Settings {
	return structuredClone({ ...DEFAULT_SETTINGS, ...overrides }) as Settings;
}
