/**
 * The admin's static files (`django/contrib/admin/static/admin/…`), which `collectstatic` copies
 * next to the project's own and nginx then serves under `/static/admin/`. Only the full project
 * has them: the default project does not install the admin.
 */
import type { StaticFile } from '../../project';
import baseCss from './static/admin/css/base.css?raw';
import searchSvg from './static/admin/img/search.svg?raw';
import prepopulateInitJs from './static/admin/js/prepopulate_init.js?raw';

/** The same fixed time as mysite's files, so ETag and Last-Modified never change between runs. */
const MTIME = Date.UTC(2026, 10, 2, 9, 30, 0);

export const adminStaticFiles: readonly StaticFile[] = [
	{ path: '/static/admin/css/base.css', body: baseCss, mtime: MTIME },
	// The changelist's search label (search_form.html: <img src="…/search.svg" alt="Search">).
	{ path: '/static/admin/img/search.svg', body: searchSvg, mtime: MTIME },
	// Every change form asks for it ({% prepopulated_fields_js %}), with fields to fill or not.
	{ path: '/static/admin/js/prepopulate_init.js', body: prepopulateInitJs, mtime: MTIME }
];
