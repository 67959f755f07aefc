/**
 * `{% load admin_modify %}` (django/contrib/admin/templatetags/admin_modify.py): the change
 * form's `{% submit_row %}` (which buttons this user gets: submit_line.html),
 * `{% prepopulated_fields_js %}` (the slug filled from the name, for admin/js/prepopulate.js),
 * `{% change_form_object_tools %}` (History, View on site) and the `cell_count` filter of
 * tabular inlines.
 */
import type { Context } from '../../../template/context';
import type { Library } from '../../../template/parser';
import { pyBool } from '../../../template/py';
import { inclusionAdminTag } from '../../../template/tags/custom-tags';
import type { FilterSpec } from '../../../template/variable';

/** Python's `json.dumps(value)`: `", "` between items and `": "` after keys. */
export function jsonDumps(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(jsonDumps).join(', ')}]`;
	if (value !== null && typeof value === 'object') {
		const items = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${jsonDumps(v)}`);
		return `{${items.join(', ')}}`;
	}
	return JSON.stringify(value);
}

/** `submit_row(context)`: which of Save, Save and add another, Save and continue, Delete. */
export function submit_row(context: Context): Record<string, unknown> {
	const get = (key: string, fallback: unknown = undefined) =>
		context.has(key) ? context.get(key) : fallback;
	const add = pyBool(get('add'));
	const change = pyBool(get('change'));
	const isPopup = pyBool(get('is_popup'));
	const saveAs = pyBool(get('save_as'));
	const showSave = pyBool(get('show_save', true));
	const showSaveAndAddAnother = pyBool(get('show_save_and_add_another', true));
	const showSaveAndContinue = pyBool(get('show_save_and_continue', true));
	const hasAdd = pyBool(get('has_add_permission'));
	const hasChange = pyBool(get('has_change_permission'));
	const hasView = pyBool(get('has_view_permission'));
	const editableInlines = pyBool(get('has_editable_inline_admin_formsets'));
	const canSave = (hasChange && change) || (hasAdd && add) || editableInlines;
	const canSaveAndAddAnother =
		hasAdd && !isPopup && (!saveAs || add) && canSave && showSaveAndAddAnother;
	const canSaveAndContinue = !isPopup && canSave && hasView && showSaveAndContinue;
	return {
		...context.flatten(),
		can_change: hasChange || editableInlines,
		show_delete_link:
			!isPopup &&
			pyBool(get('has_delete_permission')) &&
			change &&
			pyBool(get('show_delete', true)),
		show_save_as_new: !isPopup && hasAdd && change && saveAs,
		show_save_and_add_another: canSaveAndAddAnother,
		show_save_and_continue: canSaveAndContinue,
		show_save: showSave && canSave,
		show_close: !(showSave && canSave)
	};
}

interface PrepopulatedField {
	field: { auto_id: string; name: string };
	dependencies: Array<{ auto_id: string; name: string }>;
	max_length: number;
}

/** `prepopulated_fields_js(context)`: the JSON prepopulate_init.js reads. */
export function prepopulated_fields_js(context: Context): Record<string, unknown> {
	const adminform = context.get('adminform') as { prepopulated_fields?: PrepopulatedField[] };
	const fields = adminform?.prepopulated_fields ?? [];
	const json = fields.map((f) => ({
		id: `#${f.field.auto_id}`,
		name: f.field.name,
		dependency_ids: f.dependencies.map((d) => `#${d.auto_id}`),
		dependency_list: f.dependencies.map((d) => d.name),
		maxLength: f.max_length,
		allowUnicode: false
	}));
	const text = jsonDumps(json);
	return { ...context.flatten(), prepopulated_fields: fields, prepopulated_fields_json: text };
}

interface CellCountForm extends Iterable<Iterable<Iterable<{ field: { is_hidden?: boolean } }>>> {
	formset: { can_delete: boolean };
}

/** `cell_count`: the cells of a tabular inline's row (the hidden id's, each field's, Delete). */
export function cell_count(form: CellCountForm): number {
	let count = 1;
	for (const fieldset of form) {
		for (const line of fieldset) {
			for (const field of line) if (!field.field.is_hidden) count++;
		}
	}
	if (form.formset.can_delete) count++;
	return count;
}

export const ADMIN_MODIFY: Library = {
	tags: {
		submit_row: inclusionAdminTag('submit_line.html', (c) => submit_row(c as Context), {
			takesContext: true
		}),
		prepopulated_fields_js: inclusionAdminTag(
			'prepopulated_fields_js.html',
			(c) => prepopulated_fields_js(c as Context),
			{ takesContext: true }
		),
		change_form_object_tools: inclusionAdminTag('change_form_object_tools.html', (c) => c, {
			takesContext: true
		})
	},
	filters: {
		cell_count: { fn: (value: unknown) => cell_count(value as CellCountForm), arg: 'none' }
	} satisfies Record<string, FilterSpec>
};
