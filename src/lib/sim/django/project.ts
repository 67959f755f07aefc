/**
 * What a Django project (the demo `mysite`, or a tiny one in a test) hands to the simulated stack:
 * its settings overrides, its root URLconf, how to build a fresh database, the static files nginx
 * serves, and its Python source text (for the DEBUG error pages and the inspector).
 *
 * `src/lib/sim/mysite/index.ts` exports one of these; `createSite({ sqlJs, project })` runs it.
 */
import type { Database } from './db/database';
import type { ModelClass } from './db/model';
import type { View } from './http';
import type { Settings } from './settings';
import type { UrlResolver } from './urls';
import type { OutsideServer } from '../outside/internet';

/** A file nginx serves itself from its `location /static/` (Django never sees the request). */
export interface StaticFile {
	/** URL path, e.g. `/static/css/site.css`. */
	path: string;
	body: string;
	/** Defaults from the extension (nginx's mime.types). */
	contentType?: string;
	/** Last modification (ms since epoch): nginx's `Last-Modified` and `ETag`. */
	mtime?: number;
}

export interface DjangoProject {
	/** The project package, e.g. `mysite` (ROOT_URLCONF is `<name>.urls`). */
	name: string;
	/** `DJANGO_SETTINGS_MODULE`, when not `<name>.settings` (e.g. `mysite.settings_full`). */
	settingsModule?: string;
	/** `settings.py`: only what differs from Django's defaults. */
	settings: Partial<Settings>;
	/** The root URLconf. */
	urlconf: UrlResolver<View>;
	/** `migrate` and seed data on a fresh, empty database. May be async (password hashing). */
	setUp(db: Database): void | Promise<void>;
	/**
	 * Every model `setUp` migrates, in its order. With it, a site can open a file of the database
	 * `setUp` made before (a snapshot, `createSite({ snapshot })`) and only register the models.
	 */
	models?: readonly ModelClass[];
	staticFiles?: readonly StaticFile[];
	/** Template source by name (`blog/post_list.html` → text), for the template engine. */
	templates?: Readonly<Record<string, string>>;
	/**
	 * The installed apps' own templates (`APP_DIRS = True`): found only when the project's
	 * `templates/` has no file of that name (`admin/base.html` from django.contrib.admin).
	 */
	appTemplates?: Readonly<Record<string, string>>;
	/** gunicorn's `--workers` for this project (default 3). */
	workers?: number;
	/** Python source by project-relative path (`blog/views.py` → text). */
	sources?: Readonly<Record<string, string>>;
	/** The other servers this project talks to (made fresh for each site). */
	outside?: () => readonly OutsideServer[];
}
