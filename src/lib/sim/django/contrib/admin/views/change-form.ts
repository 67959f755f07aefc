/**
 * `ModelAdmin.add_view` and `change_view` (`_changeform_view`): the form for one object, with
 * Django's permission checks (403 without add permission; a read-only page with view permission
 * only; 403 for a POST without change permission), validation errors ("Please correct the error
 * below."), a LogEntry for each save, and the success message and redirect that the button
 * pressed asks for (`_save`, `_continue`, `_addanother`).
 */
import { capfirst } from '../../../db/meta';
import type { Model } from '../../../db/model';
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
import { saveInlines, inlineFormsets, type InlineFormset } from '../inlines';
import { constructChangeMessage, log_addition, log_change } from '../log-entries';
import type { ModelAdmin } from '../options';
import type { AdminSite } from '../sites';
import { doesNotExistRedirect, getObject, modelContext, postSaveUrl } from './common';

interface AdminField {
	name: string;
	label: string;
	html: string;
	errors: string[];
	readonly: boolean;
	value: unknown;
	required: boolean;
	help_text: string;
}

/** `AdminForm` flattened: each field, editable (its widget) or read-only (its value). */
function adminFields(
	admin: ModelAdmin,
	form: Form,
	obj: Model | null,
	readOnly: boolean
): AdminField[] {
	const out: AdminField[] = [];
	for (const field of admin.opts.fields) {
		if (field === admin.opts.pk) continue;
		const editable = field.name in form.fields;
		const isReadonlyField = admin.readonly_fields.includes(field.name);
		if (!editable && !isReadonlyField) continue;
		const record = (obj ?? {}) as Record<string, unknown>;
		let value: unknown = obj ? record[field.name] : null;
		if (field.options.choices)
			value = field.options.choices.find(([k]) => k === value)?.[1] ?? value;
		if (
			value !== null &&
			value !== undefined &&
			typeof value === 'object' &&
			!(value instanceof Date)
		) {
			value = String(value);
		}
		if (value === null || value === undefined || value === '') value = '-';
		const bound = editable ? form.field(field.name) : null;
		out.push({
			name: field.name,
			label: capfirst(bound?.label ?? field.verboseName),
			html: bound && !readOnly ? bound.html : '',
			errors: bound ? [...bound.errors].map(String) : [],
			readonly: readOnly || !editable,
			value,
			required: Boolean(bound?.field.required) && !readOnly,
			help_text: bound?.help_text ?? ''
		});
	}
	return out;
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
	const readOnly = !canChange;
	const name = admin.opts.verboseName;
	const title = add ? `Add ${name}` : readOnly ? `View ${name}` : `Change ${name}`;
	const fields = adminFields(admin, form, obj, readOnly);
	const errorCount =
		fields.reduce((n, f) => n + (f.errors.length ? 1 : 0), 0) +
		[...form.non_field_errors].length +
		inlines.reduce((n, inline) => n + inline.errorCount, 0);
	const reverse = reverseOf(request);
	return render(request, 'admin/change_form.html', {
		...site.each_context(request),
		...modelContext(request, admin, obj),
		title,
		subtitle: obj ? String(obj) : null,
		adminform: { fields, non_field_errors: [...form.non_field_errors].map(String) },
		inline_admin_formsets: inlines,
		object_id: obj ? String(obj.pk) : null,
		original: obj,
		add,
		change: !add,
		is_popup: false,
		save_as: false,
		show_save: canChange,
		show_save_and_continue: canChange,
		show_save_and_add_another: canChange && admin.has_add_permission(request),
		show_delete_link: !add && admin.has_delete_permission(request, obj),
		show_close: readOnly,
		errors: errorCount,
		errornote:
			errorCount === 1 ? 'Please correct the error below.' : 'Please correct the errors below.',
		changelist_url: reverse(admin.url_name('changelist')),
		history_url: obj ? reverse(admin.url_name('history'), { args: [obj.pk] }) : null,
		delete_url: obj ? reverse(admin.url_name('delete'), { args: [obj.pk] }) : null,
		form_url: '',
		prepopulated_fields_json: JSON.stringify(
			Object.entries(admin.prepopulated_fields).map(([field, deps]) => ({
				id: `#id_${field}`,
				name: field,
				dependency_ids: deps.map((d) => `#id_${d}`),
				dependency_list: deps,
				maxLength: admin.opts.getField(field).maxLength ?? 50,
				allowUnicode: false
			}))
		)
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
				const objLink = add ? link(changeUrl, saved) : link(request.path, saved);
				const verb = add ? 'added' : 'changed';
				let text = `The ${escapeHtml(name)} “${objLink}” was ${verb} successfully.`;
				let to: string;
				if (request.POST.has('_continue')) {
					text += ' You may edit it again below.';
					to = add ? changeUrl : request.path;
				} else if (request.POST.has('_addanother')) {
					text += ` You may add another ${escapeHtml(name)} below.`;
					to = add ? request.path : reverse(admin.url_name('add'));
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
