/**
 * `ModelAdmin.add_view` and `change_view` (`_changeform_view`): the form for one object, with
 * Django's permission checks (403 without add permission; a read-only page with view permission
 * only; 403 for a POST without change permission), validation errors ("Please correct the error
 * below."), a LogEntry for each save, and the success message and redirect that the button
 * pressed asks for (`_save`, `_continue`, `_addanother`).
 */
import { capfirst } from '../../../db/meta';
import type { Model, ModelClass } from '../../../db/model';
import { PermissionDenied } from '../../../exceptions';
import type { Form } from '../../../forms/forms';
import {
	HttpResponseRedirect,
	type HttpRequest,
	type HttpResponse,
	type ViewKwargs
} from '../../../http';
import { render } from '../../../shortcuts';
import { escapeHtml, markSafe } from '../../../template/safe';
import { reverseOf, step } from '../../../views/runtime';
import { success } from '../../messages/api';
import { AdminForm } from '../helpers';
import { InlineAdminFormSet } from '../inline-helpers';
import { saveInlines, inlineFormsets, type InlineFormset } from '../inlines';
import { ContentType } from '../models';
import { constructChangeMessage, log_addition, log_change } from '../log-entries';
import type { ModelAdmin } from '../options';
import type { AdminSite } from '../sites';
import {
	doesNotExistRedirect,
	getObject,
	modelContext,
	postSaveUrl,
	withPreservedFilters
} from './common';

/**
 * `get_fields()`: the form's fields, then the read-only ones (`ModelAdmin.get_fields()`), each
 * with its model field.
 */
function adminFieldNames(admin: ModelAdmin, form: Form) {
	const names = [...Object.keys(form.fields), ...admin.readonly_fields];
	return [...new Set(names)].map((name) => ({ name, modelField: admin.opts.getField(name) }));
}

function renderChangeForm(
	site: AdminSite,
	admin: ModelAdmin,
	request: HttpRequest,
	form: Form,
	obj: Model | null,
	inlines: InlineFormset[],
	add: boolean
): HttpResponse {
	const canChange = add
		? admin.has_add_permission(request)
		: admin.has_change_permission(request, obj);
	const name = admin.opts.verboseName;
	const title = add ? `Add ${name}` : canChange ? `Change ${name}` : `View ${name}`;
	const reverse = reverseOf(request);
	const fields = adminFieldNames(admin, form);
	// A user who may only view gets every field read-only (`flatten_fieldsets(fieldsets)`).
	const readonlyFields = canChange ? admin.readonly_fields : fields.map((f) => f.name);
	const prepopulated = canChange
		? Object.entries(admin.prepopulated_fields).map(([field, deps]) => ({
				field: form.field(field),
				dependencies: deps.map((d) => form.field(d)),
				max_length: admin.opts.getField(field).maxLength ?? 50
			}))
		: [];
	const adminform = new AdminForm(
		form,
		fields,
		readonlyFields,
		obj,
		prepopulated,
		(urlName, args) => reverse(urlName, { args: args as never })
	);
	const inlineAdminFormsets = inlines.map((inline) => new InlineAdminFormSet(inline, obj?.pk));
	// `helpers.AdminErrorList(form, formsets)`: every field's errors, then the inlines'.
	const errors = [
		...Object.values(form.is_bound ? form.errors : {}).flatMap((list) => [...list]),
		...inlines.flatMap((inline) => [
			...inline.non_form_errors,
			...inline.rows.flatMap((row) => row.cells.flatMap((cell) => cell.errors))
		])
	];
	const hasAbsoluteUrl =
		obj !== null && typeof (obj as { get_absolute_url?: unknown }).get_absolute_url === 'function';
	return render(request, 'admin/change_form.html', {
		...site.each_context(request),
		...modelContext(request, admin, obj),
		title,
		subtitle: obj ? String(obj) : null,
		adminform,
		object_id: obj ? String(obj.pk) : null,
		original: obj,
		is_popup: false,
		to_field: null,
		inline_admin_formsets: inlineAdminFormsets,
		errors,
		add,
		change: !add,
		has_editable_inline_admin_formsets: inlineAdminFormsets.some((f) => f.editable),
		has_file_field: false,
		has_absolute_url: hasAbsoluteUrl,
		absolute_url: hasAbsoluteUrl
			? reverse('admin:view_on_site', {
					args: [ContentType.get_for_model(admin.model as ModelClass).pk, obj?.pk]
				})
			: null,
		form_url: '',
		content_type_id: ContentType.get_for_model(admin.model as ModelClass).pk,
		save_as: false,
		save_on_top: false,
		to_field_var: '_to_field',
		is_popup_var: '_popup'
	});
}

/** `format_html('<a href="{}">{}</a>', url, obj)`. */
function link(url: string, obj: Model) {
	return `<a href="${escapeHtml(url)}">${escapeHtml(String(obj))}</a>`;
}

function changeform(site: AdminSite, admin: ModelAdmin, add: boolean) {
	return async (request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> => {
		const reverse = reverseOf(request);
		const objectId = add ? null : String(kwargs.object_id);
		let obj: Model | null = null;
		if (add) {
			if (!admin.has_add_permission(request)) {
				step(request, `No add permission for ${admin.opts.verboseNamePlural}: 403.`);
				throw new PermissionDenied();
			}
		} else {
			obj = getObject(admin, objectId as string);
			if (request.method === 'POST') {
				if (!admin.has_change_permission(request, obj)) {
					step(request, `A POST without ${admin.perm('change')}: 403.`);
					throw new PermissionDenied();
				}
			} else if (!admin.has_view_or_change_permission(request, obj)) {
				step(request, `Neither ${admin.perm('view')} nor ${admin.perm('change')}: 403.`);
				throw new PermissionDenied();
			}
			if (!obj) return doesNotExistRedirect(request, admin, objectId as string);
		}
		const Form = admin.get_form();
		const name = admin.opts.verboseName;
		if (request.method === 'POST') {
			const form = new Form({ data: request.POST, instance: (obj ?? undefined) as never });
			const inlines = inlineFormsets(admin, request, obj, true);
			const valid = form.is_valid();
			const inlinesValid = inlines.every((inline) => inline.valid);
			if (valid && inlinesValid) {
				const saved = form.save();
				const inlineChanges = saveInlines(inlines, saved);
				const message = constructChangeMessage(form, add, inlineChanges);
				if (add) log_addition(request, saved, message);
				else log_change(request, saved, message);
				const changeUrl = reverse(admin.url_name('change'), { args: [saved.pk] });
				// response_add links the new object only for a user who may change it.
				const objLink = add
					? admin.has_change_permission(request, saved)
						? link(changeUrl, saved)
						: escapeHtml(String(saved))
					: link(request.path, saved);
				const verb = add ? 'added' : 'changed';
				let text = `The ${escapeHtml(name)} “${objLink}” was ${verb} successfully.`;
				let to: string;
				if (request.POST.has('_continue')) {
					if (!add || admin.has_change_permission(request, saved)) {
						text += ' You may edit it again below.';
					}
					to = withPreservedFilters(request, admin, add ? changeUrl : request.path);
				} else if (request.POST.has('_addanother')) {
					text += ` You may add another ${escapeHtml(name)} below.`;
					to = withPreservedFilters(
						request,
						admin,
						add ? request.path : reverse(admin.url_name('add'))
					);
				} else {
					to = postSaveUrl(request, admin);
				}
				success(request, markSafe(text));
				step(
					request,
					`The form is valid: saved, logged in django_admin_log (${add ? 'ADDITION' : 'CHANGE'}), a success message, and a redirect to ${to}.`
				);
				return new HttpResponseRedirect(to);
			}
			step(request, 'The form has errors: the page is shown again with them (status 200).');
			return renderChangeForm(site, admin, request, form, obj, inlines, add);
		}
		const form = new Form({ instance: (obj ?? undefined) as never });
		const canChange = add || admin.has_change_permission(request, obj);
		step(
			request,
			canChange
				? `${capfirst(add ? 'an empty' : 'the')} ${name} form.`
				: `${request.user.username} may view but not change ${admin.opts.verboseNamePlural}: every field is read-only.`
		);
		return renderChangeForm(
			site,
			admin,
			request,
			form,
			obj,
			inlineFormsets(admin, request, obj, false),
			add
		);
	};
}

export const addView = (site: AdminSite, admin: ModelAdmin) => changeform(site, admin, true);
export const changeView = (site: AdminSite, admin: ModelAdmin) => changeform(site, admin, false);
