/**
 * The admin's static files (`django/contrib/admin/static/admin/…`), which `collectstatic` copies
 * next to the project's own and nginx then serves under `/static/admin/`. Only the full project
 * has them: the default project does not install the admin.
 */
import type { StaticFile } from '../../project';
import baseCss from './static/admin/css/base.css?raw';
import searchSvg from './static/admin/img/search.svg?raw';

/**
 * `admin/js/prepopulate_init.js` as Django ships it. Kept as text here, not as a .js file, so the
 * type checker does not read Django's browser script (it needs `django.jQuery`) as ours.
 */
const prepopulateInitJs = `'use strict';
{
    const $ = django.jQuery;
    const fields = $('#django-admin-prepopulated-fields-constants').data('prepopulatedFields');
    $.each(fields, function(index, field) {
        $(
            '.empty-form .form-row .field-' + field.name +
            ', .empty-form.form-row .field-' + field.name +
            ', .empty-form .form-row.field-' + field.name
        ).addClass('prepopulated_field');
        $(field.id).data('dependency_list', field.dependency_list).prepopulate(
            field.dependency_ids, field.maxLength, field.allowUnicode
        );
    });
}
`;

/** The same fixed time as mysite's files, so ETag and Last-Modified never change between runs. */
const MTIME = Date.UTC(2026, 10, 2, 9, 30, 0);

export const adminStaticFiles: readonly StaticFile[] = [
	{ path: '/static/admin/css/base.css', body: baseCss, mtime: MTIME },
	// The changelist's search label (search_form.html: <img src="…/search.svg" alt="Search">).
	{ path: '/static/admin/img/search.svg', body: searchSvg, mtime: MTIME },
	// Every change form asks for it ({% prepopulated_fields_js %}), with fields to fill or not.
	{ path: '/static/admin/js/prepopulate_init.js', body: prepopulateInitJs, mtime: MTIME }
];
