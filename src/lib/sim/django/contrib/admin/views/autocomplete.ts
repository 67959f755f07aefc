/**
 * `AutocompleteJsonView` (django/contrib/admin/views/autocomplete.py, Django 5.2): what the admin's
 * select2 widget asks for as someone types into a field listed in `autocomplete_fields`:
 * `GET /admin/autocomplete/?app_label=shop&model_name=order&field_name=product&term=mug`.
 *
 * The parameters name the form's model and field; the field must be a relation to a model
 * registered in this admin site, and the user must be allowed to view that model, else
 * PermissionDenied (403) whatever went wrong, so the view tells nothing about the project. The
 * related ModelAdmin must have `search_fields` (else 404). The answer is JSON: the matching rows'
 * ids and `str()`, a page of `list_per_page` at a time.
 */
import { ForeignKeyField } from '../../../db/field-constructors';
import type { Database } from '../../../db';
import { targetModel } from '../../../db/relations';
import { Http404, JsonResponse, PermissionDenied, type HttpRequest } from '../../../http';
import { step } from '../../../views/runtime';
import type { AdminSite } from '../sites';

function dbOf(request: HttpRequest): Database {
	return (request.sim as unknown as { db: Database }).db;
}

/** `process_request()`: the term, the related ModelAdmin, or PermissionDenied. */
function processRequest(site: AdminSite, request: HttpRequest) {
	const refuse = (why: string): never => {
		step(request, `AutocompleteJsonView.process_request(): ${why}, so PermissionDenied (403).`);
		throw new PermissionDenied();
	};
	const term = request.GET.get('term', '') ?? '';
	const appLabel = request.GET.get('app_label');
	const modelName = request.GET.get('model_name');
	const fieldName = request.GET.get('field_name');
	if (appLabel == null || modelName == null || fieldName == null) {
		return refuse('app_label, model_name or field_name is missing');
	}
	const db = dbOf(request);
	// apps.get_model(app_label, model_name): the model name is case-insensitive.
	const source = [...db.models.values()].find(
		(model) =>
			model._meta.appLabel === appLabel && model._meta.modelName === modelName.toLowerCase()
	);
	if (!source) return refuse(`no model ${appLabel}.${modelName} is installed`);
	const field = source._meta.findField(fieldName);
	if (!field || field.name !== fieldName) {
		return refuse(`${source._meta.objectName} has no field named '${fieldName}'`);
	}
	if (!(field instanceof ForeignKeyField)) {
		return refuse(`${source._meta.objectName}.${fieldName} is not a relation`);
	}
	const remote = targetModel(db, field, source._meta);
	const admin = [...site.registry.entries()].find(
		([model]) => model._meta.label === remote._meta.label
	)?.[1];
	if (!admin) return refuse(`the model ${remote._meta.objectName} is not registered in the admin`);
	if (!admin.search_fields.length) {
		throw new Http404(
			`${admin.python_name.split('.').pop()} must have search_fields for the autocomplete_view.`
		);
	}
	return { term, admin, source, field };
}

export function autocompleteView(site: AdminSite) {
	return (request: HttpRequest) => {
		const { term, admin, source, field } = processRequest(site, request);
		// has_perm(): view permission on the related model (change permission includes it).
		if (!admin.has_view_permission(request)) {
			step(
				request,
				`${request.user.username} may not view ${admin.opts.verboseNamePlural}: PermissionDenied (403).`
			);
			throw new PermissionDenied();
		}
		// get_queryset(): the related ModelAdmin's rows, searched by its get_search_results().
		const [searched, mayHaveDuplicates] = admin.get_search_results(
			request,
			admin.get_queryset(),
			term
		);
		const qs = mayHaveDuplicates ? searched.distinct() : searched;
		const perPage = admin.list_per_page;
		const pageParam = request.GET.get('page', '1') ?? '1';
		const page = /^\d+$/.test(pageParam) ? Number(pageParam) : NaN;
		const total = qs.count();
		const pages = Math.max(1, Math.ceil(total / perPage));
		if (!(page >= 1 && page <= pages)) throw new Http404('Invalid page.');
		// Paginator(qs, list_per_page): a COUNT, then the page with LIMIT and OFFSET.
		const rows = qs.slice((page - 1) * perPage, page * perPage).list();
		step(
			request,
			`${source._meta.objectName}.${field.name} points to ${admin.opts.objectName}; ${admin.opts.objectName}Admin.search_fields (${admin.search_fields.join(', ')}) matched ${total} for “${term}”.`
		);
		return new JsonResponse({
			results: rows.map((obj) => ({ id: String(obj.pk), text: String(obj) })),
			pagination: { more: page < pages }
		});
	};
}
