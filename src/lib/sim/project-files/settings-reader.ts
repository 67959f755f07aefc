/**
 * Reads an edited `mysite/settings.py` as Django does when a worker starts (`django.setup()`
 * imports it): the file is parsed (python-parse.ts) and run over plain values, and the settings
 * the simulation follows become overrides of Django's defaults. What Django would refuse at start
 * is refused with its own words (an unknown middleware is an ImportError); what the simulation does
 * not follow (INSTALLED_APPS, DATABASES…) is kept as it was and said so, never silently.
 */
import { DEFAULT_SETTINGS, type SameSite, type Settings } from '../django/settings';
import { MIDDLEWARE_CLASSES } from '../django/middleware';
import { PythonError, SimulationReadsOnly, type PyLocation } from './python-errors';
import { runModule, pyRepr, str, typeName, type PyObject, type PyValue } from './python-eval';
import { parseModule } from './python-parse';

export const SETTINGS_FILE = 'mysite/settings.py';

export interface SettingsRead {
	/**
	 * The settings the simulation follows whose value differs from mysite's own settings.py (the
	 * demo's TypeScript mirror stays the base), or Django's default for one no longer set.
	 */
	overrides: Partial<Settings>;
	/** `TEMPLATES[0]["OPTIONS"]["string_if_invalid"]` ('' by default). */
	stringIfInvalid: string;
	/** Things the student should know: settings kept as they were, names Django does not know. */
	notes: string[];
}

type Reader = (value: PyValue, name: string) => unknown;

const truthy = (value: PyValue): boolean => {
	if (value.t === 'const') return Boolean(value.v);
	if (value.t === 'list' || value.t === 'tuple') return value.items.length > 0;
	if (value.t === 'dict') return value.entries.length > 0;
	return true;
};

function wrongType(name: string, wanted: string, value: PyValue): SimulationReadsOnly {
	return new SimulationReadsOnly(
		`This simulation reads ${name} only as ${wanted}; it got ${typeName(value)} ${pyRepr(value)}.`
	);
}

const asStr: Reader = (v, name) => {
	if (v.t === 'const' && v.py === 'str') return v.v;
	throw wrongType(name, 'a string', v);
};
const asStrOrNone: Reader = (v, name) =>
	v.t === 'const' && v.py === 'NoneType' ? null : asStr(v, name);
const asInt: Reader = (v, name) => {
	if (v.t === 'const' && (v.py === 'int' || v.py === 'float')) return Math.trunc(Number(v.v));
	throw wrongType(name, 'a number', v);
};
const asBool: Reader = (v) => truthy(v);
const asStrList: Reader = (v, name) => {
	if (
		(v.t === 'list' || v.t === 'tuple') &&
		v.items.every((i) => i.t === 'const' && i.py === 'str')
	)
		return v.items.map((i) => (i as { v: string }).v);
	throw wrongType(name, 'a list of strings', v);
};
const asSameSite: Reader = (v, name) => {
	if (v.t === 'const' && v.py === 'bool' && v.v === false) return false;
	if (v.t === 'const' && v.py === 'NoneType') return false;
	const text = asStr(v, name) as string;
	if (['Lax', 'Strict', 'None'].includes(text)) return text as SameSite;
	throw new SimulationReadsOnly(
		`${name} must be 'Lax', 'Strict', 'None' or False; it is ${pyRepr(v)}.`
	);
};

/** The settings this simulation follows, and how each is read. */
const FOLLOWED: Partial<Record<keyof Settings, Reader>> = {
	DEBUG: asBool,
	SECRET_KEY: asStr,
	ALLOWED_HOSTS: asStrList,
	APPEND_SLASH: asBool,
	MIDDLEWARE: asStrList,
	LOGIN_URL: asStr,
	LOGIN_REDIRECT_URL: asStr,
	LOGOUT_REDIRECT_URL: asStrOrNone,
	SESSION_COOKIE_NAME: asStr,
	SESSION_COOKIE_AGE: asInt,
	SESSION_COOKIE_SECURE: asBool,
	SESSION_COOKIE_HTTPONLY: asBool,
	SESSION_COOKIE_SAMESITE: asSameSite,
	SESSION_COOKIE_PATH: asStr,
	SESSION_SAVE_EVERY_REQUEST: asBool,
	SESSION_EXPIRE_AT_BROWSER_CLOSE: asBool,
	CSRF_COOKIE_NAME: asStr,
	CSRF_COOKIE_AGE: asInt,
	CSRF_COOKIE_SECURE: asBool,
	CSRF_COOKIE_HTTPONLY: asBool,
	CSRF_COOKIE_SAMESITE: asSameSite,
	CSRF_COOKIE_PATH: asStr,
	CSRF_TRUSTED_ORIGINS: asStrList,
	CSRF_FAILURE_VIEW: asStr,
	SECURE_CONTENT_TYPE_NOSNIFF: asBool,
	SECURE_REFERRER_POLICY: asStrOrNone,
	SECURE_CROSS_ORIGIN_OPENER_POLICY: asStrOrNone,
	SECURE_SSL_REDIRECT: asBool,
	X_FRAME_OPTIONS: asStr
};

/** Settings Django has that this simulation keeps as mysite sets them (changing them is not simulated). */
const KEPT = new Set([
	'BASE_DIR',
	'INSTALLED_APPS',
	'ROOT_URLCONF',
	'WSGI_APPLICATION',
	'DATABASES',
	'PASSWORD_HASHERS',
	'LANGUAGE_CODE',
	'TIME_ZONE',
	'USE_I18N',
	'USE_TZ',
	'STATIC_URL',
	'STATIC_ROOT',
	'DEFAULT_AUTO_FIELD',
	'REST_FRAMEWORK',
	'TEMPLATES',
	'CSRF_HEADER_NAME',
	'SECURE_HSTS_SECONDS',
	'SECURE_PROXY_SSL_HEADER',
	'USE_X_FORWARDED_HOST',
	'SESSION_COOKIE_DOMAIN',
	'CSRF_COOKIE_DOMAIN',
	'CSRF_USE_SESSIONS',
	'SESSION_ENGINE',
	'AUTH_USER_MODEL',
	'AUTH_PASSWORD_VALIDATORS',
	'LOGGING',
	'MEDIA_URL',
	'MEDIA_ROOT',
	'STATICFILES_DIRS',
	'ADMINS',
	'EMAIL_BACKEND',
	'CACHES',
	'DATE_FORMAT',
	'DATETIME_FORMAT',
	'USE_THOUSAND_SEPARATOR',
	'DEFAULT_CHARSET',
	'FORCE_SCRIPT_NAME',
	'INTERNAL_IPS',
	'LANGUAGES',
	'MESSAGE_STORAGE',
	'SECURE_HSTS_INCLUDE_SUBDOMAINS',
	'SECURE_HSTS_PRELOAD',
	'SECURE_SSL_HOST',
	'SECURE_REDIRECT_EXEMPT',
	'SIGNING_BACKEND',
	'FILE_UPLOAD_MAX_MEMORY_SIZE',
	'DATA_UPLOAD_MAX_MEMORY_SIZE',
	'DATA_UPLOAD_MAX_NUMBER_FIELDS'
]);

/** Middleware modules Django 5.2 has, and the classes in each. */
const DJANGO_MIDDLEWARE: Record<string, string[]> = {
	'django.middleware.security': ['SecurityMiddleware'],
	'django.middleware.common': ['CommonMiddleware', 'BrokenLinkEmailsMiddleware'],
	'django.middleware.csrf': ['CsrfViewMiddleware'],
	'django.middleware.clickjacking': ['XFrameOptionsMiddleware'],
	'django.middleware.gzip': ['GZipMiddleware'],
	'django.middleware.locale': ['LocaleMiddleware'],
	'django.middleware.cache': [
		'UpdateCacheMiddleware',
		'FetchFromCacheMiddleware',
		'CacheMiddleware'
	],
	'django.middleware.http': ['ConditionalGetMiddleware'],
	'django.contrib.sessions.middleware': ['SessionMiddleware'],
	'django.contrib.auth.middleware': [
		'AuthenticationMiddleware',
		'LoginRequiredMiddleware',
		'RemoteUserMiddleware',
		'PersistentRemoteUserMiddleware'
	],
	'django.contrib.messages.middleware': ['MessageMiddleware'],
	'django.contrib.sites.middleware': ['CurrentSiteMiddleware'],
	'django.contrib.flatpages.middleware': ['FlatpageFallbackMiddleware'],
	'django.contrib.redirects.middleware': ['RedirectFallbackMiddleware'],
	'django.contrib.admindocs.middleware': ['XViewMiddleware']
};
const PACKAGES = new Set(
	Object.keys(DJANGO_MIDDLEWARE).flatMap((m) =>
		m.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))
	)
);

/**
 * `import_string()` of each MIDDLEWARE entry, as `BaseHandler.load_middleware` does when a worker
 * starts: Django's ImportError texts for a path that names nothing, our own for one that names
 * real Django middleware this simulation does not play.
 */
function checkMiddleware(paths: string[], where: PyLocation | undefined): void {
	for (const dotted of paths) {
		if (MIDDLEWARE_CLASSES.includes(dotted)) continue;
		const cut = dotted.lastIndexOf('.');
		if (cut < 0)
			throw new PythonError('ImportError', `${dotted} doesn't look like a module path`, where);
		const module = dotted.slice(0, cut);
		const cls = dotted.slice(cut + 1);
		const classes = DJANGO_MIDDLEWARE[module];
		if (!classes) {
			const parts = module.split('.');
			let missing = parts[0];
			for (let i = 1; i <= parts.length; i++) {
				missing = parts.slice(0, i).join('.');
				if (!PACKAGES.has(missing)) break;
			}
			throw new PythonError('ModuleNotFoundError', `No module named '${missing}'`, where);
		}
		if (!classes.includes(cls))
			throw new PythonError(
				'ImportError',
				`Module "${module}" does not define a "${cls}" attribute/class`,
				where
			);
		throw new SimulationReadsOnly(
			`${dotted} is real Django middleware, but this simulation plays only: ${MIDDLEWARE_CLASSES.join(', ')}.`,
			where
		);
	}
}

/** `pathlib.Path`, enough for `BASE_DIR = Path(__file__).resolve().parent.parent`. */
function pathObject(path: string): PyObject {
	const self: PyObject = {
		t: 'object',
		typeName: 'PosixPath',
		label: `PosixPath('${path}')`,
		attr(name) {
			if (name === 'parent') return pathObject(path.replace(/\/[^/]*$/, '') || '/');
			if (name === 'resolve' || name === 'absolute')
				return { t: 'object', typeName: 'method', label: name, call: () => self };
			return undefined;
		},
		divide(other) {
			if (other.t === 'const' && other.py === 'str') return pathObject(`${path}/${other.v}`);
			if (other.t === 'object' && other.typeName === 'PosixPath') return other;
			throw new PythonError(
				'TypeError',
				`unsupported operand type(s) for /: 'PosixPath' and '${typeName(other)}'`
			);
		}
	};
	return self;
}

const PATHLIB: PyObject = {
	t: 'object',
	typeName: 'module',
	label: "'pathlib'",
	attr: (name) =>
		name === 'Path'
			? {
					t: 'object',
					typeName: 'type',
					label: "<class 'pathlib.Path'>",
					call: (args) => pathObject(args[0]?.t === 'const' ? String(args[0].v) : '/srv/mysite')
				}
			: undefined
};

function runSettings(source: string) {
	const statements = parseModule(source, SETTINGS_FILE);
	return runModule(statements, {
		file: SETTINGS_FILE,
		source,
		builtins: { __file__: str(`/srv/mysite/${SETTINGS_FILE}`) },
		importModule(module, level, line) {
			if (module === 'pathlib' && level === 0) return PATHLIB;
			throw new SimulationReadsOnly(
				`This simulation's settings.py can import only pathlib (it cannot run ${level ? '.'.repeat(level) : ''}${module}).`,
				{ file: SETTINGS_FILE, line, text: source.split('\n')[line - 1] }
			);
		}
	});
}

let original: { source: string; names: Map<string, string> } | undefined;

/**
 * Reads settings.py. `originalSource` is the project's own file: a setting that the simulation
 * does not follow is compared with it, so the student hears when a change of theirs does nothing.
 * Throws PythonError (as the worker's import would) or SimulationReadsOnly.
 */
export function readSettings(source: string, originalSource: string): SettingsRead {
	if (original?.source !== originalSource) {
		const run = runSettings(originalSource);
		original = {
			source: originalSource,
			names: new Map([...run.names].map(([k, v]) => [k, pyRepr(v)]))
		};
	}
	const { names, lines } = runSettings(source);
	const lineOf = (name: string): PyLocation | undefined => {
		const line = lines.get(name);
		return line ? { file: SETTINGS_FILE, line, text: source.split('\n')[line - 1] } : undefined;
	};
	const overrides: Partial<Settings> = {};
	const values: Record<string, unknown> = {};
	const notes: string[] = [];
	for (const [name, value] of names) {
		if (name !== name.toUpperCase()) continue; // Django reads only upper-case names.
		const reader = FOLLOWED[name as keyof Settings];
		const was = original.names.get(name);
		const changed = was === undefined || was !== pyRepr(value);
		if (reader) {
			try {
				const read = reader(value, name);
				values[name] = read;
				if (changed) (overrides as Record<string, unknown>)[name] = read;
			} catch (error) {
				if (error instanceof SimulationReadsOnly && !error.location)
					Object.assign(error, { location: lineOf(name) });
				throw error;
			}
			continue;
		}
		if (!changed) continue;
		if (KEPT.has(name) && name !== 'TEMPLATES')
			notes.push(
				`${name}: this simulation keeps mysite's own value; changing it is not simulated.`
			);
		else if (!KEPT.has(name) && was === undefined)
			notes.push(
				`${name}: Django has no setting by that name (or this simulation does not know it), so it changes nothing. Django does not warn about unknown settings either.`
			);
	}
	for (const name of original.names.keys()) {
		if (name in FOLLOWED && !names.has(name)) {
			const fallback = DEFAULT_SETTINGS[name as keyof Settings];
			(overrides as Record<string, unknown>)[name] = structuredClone(fallback);
			values[name] = fallback;
			notes.push(`${name} is no longer set: Django uses its default, ${JSON.stringify(fallback)}.`);
		}
	}
	if (overrides.MIDDLEWARE) checkMiddleware(overrides.MIDDLEWARE, lineOf('MIDDLEWARE'));
	const stringIfInvalid = readTemplates(names.get('TEMPLATES'), lineOf('TEMPLATES'));
	if (values.DEBUG === false && ((values.ALLOWED_HOSTS as string[] | undefined) ?? []).length === 0)
		notes.push(
			'DEBUG is False and ALLOWED_HOSTS is empty. `manage.py runserver` would refuse to start ("CommandError: You must set settings.ALLOWED_HOSTS if DEBUG is False."); gunicorn, which this site runs, starts, and Django refuses every request with 400 Bad Request (DisallowedHost).'
		);
	return { overrides, stringIfInvalid, notes };
}

/** `TEMPLATES`: one DjangoTemplates engine; only `OPTIONS["string_if_invalid"]` is followed. */
function readTemplates(value: PyValue | undefined, where: PyLocation | undefined): string {
	if (!value) return '';
	const refuse = (why: string) =>
		new SimulationReadsOnly(
			`This simulation reads TEMPLATES only as a list with one DjangoTemplates engine; ${why}`,
			where
		);
	if (value.t !== 'list' && value.t !== 'tuple') throw refuse(`it got ${typeName(value)}.`);
	if (value.items.length !== 1) throw refuse(`it got ${value.items.length} engines.`);
	const engine = value.items[0];
	if (engine.t !== 'dict') throw refuse(`the engine is ${typeName(engine)}, not a dict.`);
	const get = (d: PyValue, key: string) =>
		d.t === 'dict' ? d.entries.find(([k]) => k.t === 'const' && k.v === key)?.[1] : undefined;
	const backend = get(engine, 'BACKEND');
	if (
		!backend ||
		backend.t !== 'const' ||
		backend.v !== 'django.template.backends.django.DjangoTemplates'
	)
		throw refuse(`its BACKEND is ${backend ? pyRepr(backend) : 'missing'}.`);
	const options = get(engine, 'OPTIONS');
	const invalid = options ? get(options, 'string_if_invalid') : undefined;
	if (!invalid) return '';
	if (invalid.t !== 'const' || invalid.py !== 'str')
		throw refuse(`string_if_invalid must be a string, not ${typeName(invalid)}.`);
	return String(invalid.v);
}
