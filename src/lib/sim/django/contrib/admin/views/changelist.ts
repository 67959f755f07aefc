/**
 * `ModelAdmin.changelist_view`: 403 without view or change permission; a query string the
 * ChangeList cannot run redirects to `?e=1`; the action "Delete selected" (POST with `action`,
 * `index` and the `_selected_action` checkboxes), its confirmation page and its message; the
 * `list_editable` formset saved with `_save` only when every row is valid (else the list again
 * with each row's errors); and the list itself (`admin/change_list.html`).
 */
import { PermissionDenied } from '../../../exceptions';
import { HttpResponseRedirect, type HttpRequest, type HttpResponse } from '../../../http';
import { render } from '../../../shortcuts';
import { reverseOf, step } from '../../../views/runtime';
import { success, warning } from '../../messages/api';
import { ChangeList, ERROR_FLAG, IncorrectLookupParameters } from '../changelist';
import { ChangeListFormSet } from '../changelist-formset';
import { ActionForm } from '../forms';
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
		let cl: ChangeList;
		try {
			cl = new ChangeList(request, admin, hasActions, (obj) =>
				reverse(admin.url_name('change'), { args: [obj.pk] })
			);
		} catch (e) {
			if (!(e instanceof IncorrectLookupParameters)) throw e;
			if (request.GET.has(ERROR_FLAG)) {
				step(request, `IncorrectLookupParameters again with ?${ERROR_FLAG}=1: "Database error".`);
				return render(request, 'admin/invalid_setup.html', {
					...site.each_context(request),
					title: 'Database error'
				});
			}
			step(
				request,
				`IncorrectLookupParameters (${e.message}): the changelist sends the browser to ?${ERROR_FLAG}=1 without the bad parameters.`
			);
			return new HttpResponseRedirect(`${request.path}?${ERROR_FLAG}=1`);
		}

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

		if (request.method === 'POST' && request.POST.has('_save') && cl.list_editable.length) {
			if (!admin.has_change_permission(request)) throw new PermissionDenied();
			const response = saveListEditable(request, admin, cl);
			if (response) return response;
		} else if (cl.list_editable.length && admin.has_change_permission(request)) {
			cl.formset = new ChangeListFormSet(admin, cl.result_list, null);
		}

		step(
			request,
			`ChangeList: ${cl.result_count} of ${cl.full_result_count} ${admin.opts.verboseNamePlural}${cl.query ? ` match “${cl.query}”` : ''}, ordered by ${cl.ordering.join(', ')}${cl.multi_page && !cl.show_all ? `, page ${cl.page_num} of ${cl.paginator.num_pages}` : ''}.`
		);
		const canChange = admin.has_change_permission(request);
		const plural = admin.opts.verboseNamePlural;
		return render(request, 'admin/change_list.html', {
			...site.each_context(request),
			...modelContext(request, admin),
			module_name: plural,
			selection_note: `0 of ${cl.result_list.length} selected`,
			selection_note_all: `All ${cl.result_count} selected`,
			title: `Select ${admin.opts.verboseName} to ${canChange ? 'change' : 'view'}`,
			subtitle: null,
			is_popup: cl.is_popup,
			to_field: cl.to_field,
			cl,
			action_form: hasActions
				? new ActionForm([['delete_selected', `Delete selected ${plural}`]])
				: null,
			actions_on_top: true,
			actions_on_bottom: false,
			actions_selection_counter: true,
			preserved_filters: cl.preserved_filters
		});
	};
}

/**
 * The `list_editable` formset bound to the POST, over the rows the form names (`form-<i>-id`):
 * when every row is valid the changed ones are saved, logged and counted in one message, and
 * the browser goes back to the list; otherwise nothing is saved and the view shows the list
 * with the bound formset (undefined is returned).
 */
function saveListEditable(
	request: HttpRequest,
	admin: ModelAdmin,
	cl: ChangeList
): HttpResponse | undefined {
	const total = Number(request.POST.get('form-TOTAL_FORMS') ?? 'NaN');
	if (!Number.isInteger(total)) {
		throw new PermissionDenied('ManagementForm data is missing or has been tampered with');
	}
	// `_get_list_editable_queryset()`: the objects whose ids the POST names, in that order.
	const objects = [];
	for (let i = 0; i < Math.min(total, 1000); i++) {
		const pk = Number(request.POST.get(`form-${i}-id`));
		const obj = admin.get_queryset().filter({ pk }).list()[0];
		if (obj) objects.push(obj);
	}
	const formset = new ChangeListFormSet(admin, objects, request.POST);
	cl.formset = formset;
	if (!formset.is_valid()) {
		step(
			request,
			`list_editable: ${formset.total_error_count()} error(s); nothing is saved and the list is shown again with them.`
		);
		return undefined;
	}
	let changed = 0;
	for (const form of formset.forms) {
		const fields = formset.changed_data(form);
		if (!fields.length) continue;
		const obj = form.save();
		log_change(request, obj, [
			{ changed: { fields: fields.map((n) => form.fields[n].label ?? n) } }
		]);
		changed++;
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
