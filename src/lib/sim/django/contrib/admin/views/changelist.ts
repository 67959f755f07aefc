/**
 * `ModelAdmin.changelist_view`: 403 without view or change permission; the action "Delete
 * selected" (POST with `action`, `index` and the `_selected_action` checkboxes), its
 * confirmation page and its message; the `list_editable` columns saved with `_save`; and the
 * list itself (`admin/change_list.html`).
 */
import { PermissionDenied } from '../../../exceptions';
import { HttpResponseRedirect, type HttpRequest, type HttpResponse } from '../../../http';
import { render } from '../../../shortcuts';
import { reverseOf, step } from '../../../views/runtime';
import { success, warning } from '../../messages/api';
import { ChangeList } from '../changelist';
import { log_change } from '../log-entries';
import type { ModelAdmin } from '../options';
import type { AdminSite } from '../sites';
import { modelContext } from './common';
import { deleteSelected } from './delete-view';

const NO_SELECTION =
	'Items must be selected in order to perform actions on them. No items have been changed.';

/** `model_ngettext(opts, n)`: "post" or "posts". */
export function modelNgettext(admin: ModelAdmin, n: number): string {
	return n === 1 ? admin.opts.verboseName : admin.opts.verboseNamePlural;
}

export function changelistView(site: AdminSite, admin: ModelAdmin) {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		if (!admin.has_view_or_change_permission(request)) {
			step(request, `No view or change permission for ${admin.opts.verboseNamePlural}: 403.`);
			throw new PermissionDenied();
		}
		const reverse = reverseOf(request);
		const hasActions = admin.has_delete_permission(request);
		const makeList = () =>
			new ChangeList(request, admin, hasActions, (obj) =>
				reverse(admin.url_name('change'), { args: [obj.pk] })
			);

		if (request.method === 'POST' && hasActions && !request.POST.has('_save')) {
			const selected = request.POST.getlist('_selected_action');
			const withIndex = request.POST.has('index');
			if (withIndex || selected.length) {
				if (!selected.length) {
					warning(request, NO_SELECTION);
					step(request, 'An action with no rows ticked: a warning, and the same page again.');
					return new HttpResponseRedirect(request.get_full_path());
				}
				const action = request.POST.get('action') ?? '';
				if (action !== 'delete_selected') {
					warning(request, 'No action selected.');
					return new HttpResponseRedirect(request.get_full_path());
				}
				const queryset = admin
					.get_queryset()
					.filter({ pk__in: selected.map(Number).filter(Number.isFinite) });
				const response = await deleteSelected(site, admin, request, queryset);
				return response ?? new HttpResponseRedirect(request.get_full_path());
			}
		}

		if (request.method === 'POST' && request.POST.has('_save') && admin.list_editable.length) {
			if (!admin.has_change_permission(request)) throw new PermissionDenied();
			return saveListEditable(request, admin, makeList());
		}

		const cl = makeList();
		step(
			request,
			`ChangeList: ${cl.result_count} of ${cl.full_result_count} ${admin.opts.verboseNamePlural}${cl.query ? ` match “${cl.query}”` : ''}, ordered by ${cl.ordering.join(', ')}.`
		);
		const title = admin.has_change_permission(request)
			? `Select ${admin.opts.verboseName} to change`
			: `Select ${admin.opts.verboseName} to view`;
		return render(request, 'admin/change_list.html', {
			...site.each_context(request),
			...modelContext(request, admin),
			module_name: admin.opts.verboseNamePlural,
			title,
			subtitle: null,
			cl,
			headers: cl.headers(),
			rows: cl.rows(),
			result_count_text: `${cl.result_count} ${modelNgettext(admin, cl.result_count)}`,
			search_result_text: `${cl.result_count} result${cl.result_count === 1 ? '' : 's'}`,
			show_result_count: Boolean(cl.query) || Object.keys(cl.params).some((k) => k.includes('__')),
			action_label: `Delete selected ${admin.opts.verboseNamePlural}`,
			has_filters: cl.filters.length > 0,
			has_editable: admin.list_editable.length > 0 && admin.has_change_permission(request),
			prepopulated: JSON.stringify(admin.prepopulated_fields)
		});
	};
}

/**
 * The `list_editable` formset: each row's editable fields arrive as `form-<i>-<field>` with
 * `form-<i>-id`; the changed rows are saved, logged and counted in one message.
 */
function saveListEditable(request: HttpRequest, admin: ModelAdmin, cl: ChangeList): HttpResponse {
	const total = Number(request.POST.get('form-TOTAL_FORMS') ?? 'NaN');
	if (!Number.isInteger(total)) {
		throw new PermissionDenied('ManagementForm data is missing or has been tampered with');
	}
	let changed = 0;
	const errors: string[] = [];
	for (let i = 0; i < total; i++) {
		const pk = Number(request.POST.get(`form-${i}-id`));
		const obj = cl.result_list.find((row) => row.pk === pk);
		if (!obj) continue;
		const Form = admin.get_form();
		const data: Record<string, string> = {};
		for (const field of admin.editable_fields()) {
			const record = obj as unknown as Record<string, unknown>;
			const value = record[field.attname];
			data[field.name] = value === null || value === undefined ? '' : String(value);
		}
		for (const name of admin.list_editable) {
			data[name] = request.POST.get(`form-${i}-${name}`) ?? '';
		}
		// The form copies its cleaned data onto the instance: remember the values first.
		const before = Object.fromEntries(
			admin.list_editable.map((name) => [
				name,
				String((obj as unknown as Record<string, unknown>)[name] ?? '')
			])
		);
		const form = new Form({ data, instance: obj });
		if (!form.is_valid()) {
			errors.push(...Object.values(form.errors).flatMap((list) => [...list].map(String)));
			continue;
		}
		const fields = admin.list_editable.filter(
			(name) => before[name] !== String(form.cleaned_data[name] ?? '')
		);
		if (!fields.length) continue;
		form.save();
		log_change(request, obj, [
			{ changed: { fields: fields.map((n) => form.fields[n].label ?? n) } }
		]);
		changed++;
	}
	if (errors.length) {
		step(request, `list_editable: ${errors.length} error(s); nothing more is saved.`);
	}
	if (changed) {
		const name = modelNgettext(admin, changed);
		success(
			request,
			changed === 1
				? `${changed} ${name} was changed successfully.`
				: `${changed} ${name} were changed successfully.`
		);
	}
	step(request, `list_editable: ${changed} row(s) changed and logged; back to the list.`);
	return new HttpResponseRedirect(request.get_full_path());
}
