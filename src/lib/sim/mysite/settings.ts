/**
 * mysite/settings.py as the simulated Django reads it: only what differs from Django's defaults
 * (django/settings.ts). Keep it in step with project/mysite/settings.py; the source test compares
 * the two.
 */
import type { Settings } from '../django/settings';

export { DEMO_SECRET_KEY as SECRET_KEY } from '../django/auth';
import { DEMO_SECRET_KEY } from '../django/auth';

export const settings: Partial<Settings> = {
	SECRET_KEY: DEMO_SECRET_KEY,
	DEBUG: true,
	ALLOWED_HOSTS: ['mysite.test'],
	ROOT_URLCONF: 'mysite.urls',
	INSTALLED_APPS: [
		'django.contrib.auth',
		'django.contrib.contenttypes',
		'django.contrib.sessions',
		'django.contrib.messages',
		'django.contrib.staticfiles',
		'rest_framework',
		'rest_framework.authtoken',
		'blog',
		'shop',
		'accounts',
		'api'
	],
	MIDDLEWARE: [
		'django.middleware.security.SecurityMiddleware',
		'django.contrib.sessions.middleware.SessionMiddleware',
		'django.middleware.common.CommonMiddleware',
		'django.middleware.csrf.CsrfViewMiddleware',
		'django.contrib.auth.middleware.AuthenticationMiddleware',
		'django.contrib.messages.middleware.MessageMiddleware',
		'django.middleware.clickjacking.XFrameOptionsMiddleware'
	],
	LOGIN_URL: 'login',
	LOGIN_REDIRECT_URL: 'profile',
	LOGOUT_REDIRECT_URL: 'home',
	SESSION_COOKIE_AGE: 1209600,
	TIME_ZONE: 'UTC',
	USE_TZ: true
};
