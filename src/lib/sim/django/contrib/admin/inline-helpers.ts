/**
 * `InlineAdminFormSet` and `InlineAdminForm` (django/contrib/admin/helpers.py) over the rows
 * `inlines.ts` reads and validates: what `edit_inline/tabular.html` walks. Each row yields one
 * fieldset of one line with a field per column, editable (its widget and errors) or read-only
 * (its value), with the hidden primary key, the hidden foreign key and the DELETE checkbox.
 */
import { capfirst } from '../../db/meta';
import { ErrorList } from '../../forms/errors';
import { escapeHtml, markSafe, SafeString } from '../../template/safe';
import type { InlineFormset, InlineRow } from './inlines';
import { jsonDumps } from './templatetags/admin-modify';

/** The widget's HTML, with what a BoundField also offers the template (`name`, `errors`). */
class InlineBoundField extends SafeString {
	readonly is_hidden = false;
	constructor(
		html: string,
		readonly name: string,
		readonly errors: ErrorList
	) {
		super(html);
	}
}

function hidden(name: string, value: unknown): SafeString {
	const valueAttr =
		value === null || value === undefined ? '' : ` value="${escapeHtml(String(value))}"`;
	return markSafe(`<input type="hidden" name="${name}"${valueAttr} id="id_${name}">`);
}

interface InlineField {
	readonly is_readonly: boolean;
	readonly field: InlineBoundField;
	readonly contents: string;
}

export class InlineAdminForm {
	readonly needs_explicit_pk_field = true;
	readonly show_url = false;
	readonly model_admin = { show_change_link: false };
	readonly form = { non_field_errors: new ErrorList([], { errorClass: 'errorlist nonfield' }) };
	readonly pk_field: { field: SafeString };
	readonly fk_field: { field: SafeString };
	readonly deletion_field: { field: SafeString };
	private readonly fields: InlineField[];

	constructor(
		row: InlineRow,
		prefix: string,
		fkName: string,
		parentPk: unknown,
		readonly: boolean,
		readonly formset: { can_delete: boolean }
	) {
		this.original = row.original;
		this.pk_field = { field: hidden(`${prefix}-id`, row.pk) };
		this.fk_field = { field: hidden(`${prefix}-${fkName}`, parentPk) };
		this.deletion_field = {
			field: markSafe(`<input type="checkbox" name="${prefix}-DELETE" id="id_${prefix}-DELETE">`)
		};
		this.fields = row.cells.map((cell) => ({
			is_readonly: readonly,
			field: new InlineBoundField(
				cell.html,
				cell.name,
				new ErrorList(cell.errors, { fieldId: `id_${prefix}-${cell.name}` })
			),
			contents: String(cell.value)
		}));
	}

	readonly original: string | null;

	/** One fieldset, of one line, of every field. */
	*[Symbol.iterator]() {
		yield [this.fields];
	}
}

export class InlineAdminFormSet {
	readonly is_collapsible = false;
	readonly classes = '';
	readonly opts: { template: string; verbose_name: string; verbose_name_plural: string };
	readonly formset: {
		prefix: string;
		management_form: SafeString;
		non_form_errors: ErrorList;
		can_delete: boolean;
		max_num: number;
	};
	readonly fields: Array<{
		name: string;
		label: string;
		required: boolean;
		help_text: string;
		widget: { is_hidden: boolean };
	}>;
	readonly has_add_permission: boolean;
	readonly has_change_permission: boolean;
	readonly has_delete_permission: boolean;
	readonly has_view_permission = true;
	private readonly forms: InlineAdminForm[];

	constructor(
		readonly inline: InlineFormset,
		parentPk: unknown
	) {
		const canEdit = !inline.readonly;
		this.has_add_permission = canEdit;
		this.has_change_permission = canEdit;
		this.has_delete_permission = canEdit;
		this.opts = {
			template: 'admin/edit_inline/tabular.html',
			verbose_name: inline.verbose_name,
			verbose_name_plural: inline.verbose_name_plural
		};
		this.formset = {
			prefix: inline.prefix,
			management_form: markSafe(
				canEdit
					? inline.management
							.map(([key, value]) => hidden(`${inline.prefix}-${key}`, value).value)
							.join('')
					: ''
			),
			non_form_errors: new ErrorList(inline.non_form_errors, { errorClass: 'errorlist nonform' }),
			can_delete: inline.can_delete,
			max_num: 1000
		};
		const meta = inline.inline.model._meta;
		this.fields = inline.inline.fields.map((name) => {
			const field = meta.getField(name);
			return {
				name,
				label: field.verboseName,
				required: !field.options.blank,
				help_text: '',
				widget: { is_hidden: false }
			};
		});
		this.forms = inline.rows.map(
			(row, i) =>
				new InlineAdminForm(
					row,
					`${inline.prefix}-${i}`,
					inline.inline.fk_name,
					parentPk,
					!canEdit,
					this.formset
				)
		);
	}

	/** How the inspector shows an inline formset: its prefix and its rows. */
	__repr__(): string {
		return `<InlineAdminFormSet: ${this.formset.prefix}, ${this.forms.length} forms>`;
	}

	/** The data `inlines.js` reads (`data-inline-formset`). */
	get inline_formset_data(): string {
		return jsonDumps({
			name: `#${this.formset.prefix}`,
			options: {
				prefix: this.formset.prefix,
				addText: `Add another ${capfirst(this.opts.verbose_name)}`,
				deleteText: 'Remove'
			}
		});
	}

	/** Whether any row may be edited (`has_editable_inline_admin_formsets` reads it). */
	get editable(): boolean {
		return this.has_add_permission || this.has_change_permission || this.has_delete_permission;
	}

	[Symbol.iterator]() {
		return this.forms[Symbol.iterator]();
	}
}
