/**
 * What the admin's model pages share: finding the object from the URL (`get_object`), the
 * redirect with a warning when it is gone (`_get_obj_does_not_exist_redirect`), and the context
 * every model page adds (`opts`, `has_*_permission`…).
 */
import { capfirst } from '../../../db/meta';
import type { Model } from '../../../db/model';
import { HttpResponseRedirect, type HttpRequest } from '../../../http';
import { reverseOf, step } from '../../../views/runtime';
import { warning } from '../../messages/api';
import type { ModelAdmin } from '../options';
import { addPreservedFilters } from '../templatetags/admin-urls';

/** `get_object(request, object_id)`: the row, or null for an unknown or malformed id. */
export function getObject<I extends Model>(admin: ModelAdmin<I>, objectId: string): I | null {
	if (!/^\d+$/.test(objectId)) return null;
	const found = admin
		.get_queryset()
		.filter({ pk: Number(objectId) })
		.withOrm(`self.get_queryset(request).get(pk=${objectId})`)
		.list();
	return found[0] ?? null;
}

/** A warning ("post with ID “9” doesn’t exist. Perhaps it was deleted?") and the admin index. */
export function doesNotExistRedirect(
	request: HttpRequest,
	admin: ModelAdmin,
	objectId: string
): HttpResponseRedirect {
	const message = `${admin.opts.verboseName} with ID “${objectId}” doesn’t exist. Perhaps it was deleted?`;
	warning(request, message);
	step(request, `No ${admin.opts.verboseName} ${objectId}: a warning message and the admin index.`);
	return new HttpResponseRedirect(reverseOf(request)('admin:index'));
}

/** `opts` as templates read it (`model._meta`: `opts.app_label`, `opts.verbose_name`…). */
export function templateOpts(opts: ModelAdmin['opts']) {
	return {
		app_label: opts.appLabel,
		model_name: opts.modelName,
		object_name: opts.objectName,
		verbose_name: opts.verboseName,
		verbose_name_plural: opts.verboseNamePlural,
		app_config: { verbose_name: capfirst(opts.appLabel) }
	};
}

/** The context of every model page (`opts`, permissions, the app's name for the breadcrumbs). */
export function modelContext(request: HttpRequest, admin: ModelAdmin, obj?: Model | null) {
	const opts = admin.opts;
	return {
		opts: templateOpts(opts),
		app_label: opts.appLabel,
		add_url: reverseOf(request)(admin.url_name('add')),
		changelist_url: reverseOf(request)(admin.url_name('changelist')),
		has_add_permission: admin.has_add_permission(request),
		has_change_permission: admin.has_change_permission(request, obj),
		has_delete_permission: admin.has_delete_permission(request, obj),
		has_view_permission: admin.has_view_permission(request, obj),
		preserved_filters: preservedFilters(request)
	};
}

/**
 * `get_preserved_filters(request)`: on the changelist its own query string, on the other pages
 * the `_changelist_filters` they were given, as `_changelist_filters=…` (or '').
 */
export function preservedFilters(request: HttpRequest, onChangelist = false): string {
	const filters = onChangelist
		? request.GET.urlencode()
		: (request.GET.get('_changelist_filters') ?? '');
	return filters ? new URLSearchParams({ _changelist_filters: filters }).toString() : '';
}

/** `add_preserved_filters({"preserved_filters": …, "opts": …}, url)` in a view. */
export function withPreservedFilters(request: HttpRequest, admin: ModelAdmin, url: string) {
	const changelist = reverseOf(request)(admin.url_name('changelist'));
	return addPreservedFilters(url, preservedFilters(request), changelist);
}

/**
 * Where to go after saving or deleting: the changelist (with the filters it had) if the user
 * may see it, else the index.
 */
export function postSaveUrl(request: HttpRequest, admin: ModelAdmin): string {
	const reverse = reverseOf(request);
	return admin.has_view_or_change_permission(request)
		? withPreservedFilters(request, admin, reverse(admin.url_name('changelist')))
		: reverse('admin:index');
}
