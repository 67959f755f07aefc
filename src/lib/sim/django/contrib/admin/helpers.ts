/**
 * The objects the change form's templates walk (django/contrib/admin/helpers.py): `AdminForm`
 * iterates `Fieldset`s, a fieldset `Fieldline`s, a line its fields: an `AdminField` (the
 * form's BoundField, drawn by its widget) or an `AdminReadonlyField` (the value, as the
 * changelist shows it). `InlineAdminFormSet` and `InlineAdminForm` do the same for the rows of
 * a `TabularInline`.
 */
import type { Field } from '../../db/fields';
import { ForeignKeyField } from '../../db/field-constructors';
import { capfirst } from '../../db/meta';
import type { Model, ModelClass } from '../../db/model';
import { ErrorList } from '../../forms/errors';
import { formClassName, type BoundField, type Form } from '../../forms/forms';
import { escapeHtml, markSafe, SafeString } from '../../template/safe';
import { displayForField, EMPTY_VALUE_DISPLAY } from './templatetags/display';

/** `reverse()` for a related object's change page; throws NoReverseMatch when unregistered. */
export type AdminReverse = (name: string, args: unknown[]) => string;

/** `linebreaksbr`: escapes text that is not safe, then turns newlines into `<br>`. */
function linebreaksbr(value: string | SafeString): SafeString {
	const text = value instanceof SafeString ? value.value : escapeHtml(value);
	return markSafe(text.replace(/\r\n|\r/g, '\n').replace(/\n/g, '<br>'));
}

export class AdminField {
	readonly is_readonly = false;
	readonly is_checkbox = false;
	constructor(
		readonly field: BoundField,
		readonly is_first: boolean
	) {}

	/** `<label class="required" for="id_title">Title:</label>`. */
	get label_tag(): SafeString {
		const classes: string[] = [];
		if (this.field.field.required) classes.push('required');
		if (!this.is_first) classes.push('inline');
		const label = this.field.label;
		const suffix = /[:?.!]$/.test(label) ? '' : ':';
		const cls = classes.length ? ` class="${classes.join(' ')}"` : '';
		const target = this.field.id_for_label ? ` for="${escapeHtml(this.field.id_for_label)}"` : '';
		return markSafe(`<label${cls}${target}>${escapeHtml(label)}${suffix}</label>`);
	}

	get errors(): ErrorList {
		return this.field.errors;
	}
}

export class AdminReadonlyField {
	readonly is_readonly = true;
	readonly is_checkbox = false;
	/** Looks a little like a field: `{{ field.field.name }}` names the column's class. */
	readonly field: { name: string; label: string; help_text: string; is_hidden: boolean };

	constructor(
		readonly form: Form,
		readonly instance: Model | null,
		readonly modelField: Field,
		readonly is_first: boolean,
		private readonly reverse: AdminReverse
	) {
		this.field = {
			name: modelField.name,
			label: modelField.verboseName,
			help_text: '',
			is_hidden: false
		};
	}

	get label_tag(): SafeString {
		const cls = this.is_first ? '' : ' class="inline"';
		return markSafe(`<label${cls}>${escapeHtml(capfirst(this.field.label))}:</label>`);
	}

	/** `contents()`: the value; a related object links to its change page when it has one. */
	get contents(): SafeString {
		if (!this.instance) return markSafe(EMPTY_VALUE_DISPLAY);
		const value = (this.instance as unknown as Record<string, unknown>)[this.modelField.name];
		if (this.modelField instanceof ForeignKeyField && value) {
			const related = value as Model;
			const meta = (related.constructor as ModelClass)._meta;
			try {
				const url = this.reverse(`admin:${meta.appLabel}_${meta.modelName}_change`, [related.pk]);
				return markSafe(`<a href="${escapeHtml(url)}">${escapeHtml(String(related))}</a>`);
			} catch {
				return linebreaksbr(String(related));
			}
		}
		return linebreaksbr(displayForField(this.instance, this.modelField));
	}

	get errors(): ErrorList {
		return new ErrorList();
	}
}

export type AdminFieldItem = AdminField | AdminReadonlyField;

/** One line of a fieldset: here always one field, as `fields` without tuples gives. */
export class Fieldline {
	constructor(
		private readonly items: AdminFieldItem[],
		readonly form: Form
	) {}

	get fields(): string[] {
		return this.items.map((item) =>
			item instanceof AdminField ? item.field.name : item.field.name
		);
	}

	get has_visible_field(): boolean {
		return this.items.some(
			(item) => item.is_readonly || !(item as AdminField).field.field.widget.isHidden
		);
	}

	/** The editable fields' errors, as `<ul class="errorlist">`. */
	get errors(): SafeString {
		return markSafe(
			this.items
				.filter((item): item is AdminField => item instanceof AdminField)
				.map((item) => item.errors.value)
				.join('\n')
				.replace(/^\n+|\n+$/g, '')
		);
	}

	[Symbol.iterator]() {
		return this.items[Symbol.iterator]();
	}
}

export class Fieldset {
	readonly classes = '';
	readonly description = null;
	readonly is_collapsible = false;
	constructor(
		readonly name: string | null,
		private readonly lines: Fieldline[]
	) {}

	[Symbol.iterator]() {
		return this.lines[Symbol.iterator]();
	}
}

/**
 * `AdminForm(form, fieldsets, prepopulated_fields, readonly_fields)`: one fieldset (no name)
 * with the form's fields, then the read-only ones, as `ModelAdmin.get_fields()` orders them.
 */
export class AdminForm {
	private readonly fieldsets: Fieldset[];
	constructor(
		readonly form: Form,
		fields: ReadonlyArray<{ name: string; modelField: Field }>,
		readonlyFields: readonly string[],
		instance: Model | null,
		/** `[{field, dependencies, max_length}]`, for `{% prepopulated_fields_js %}`. */
		readonly prepopulated_fields: ReadonlyArray<{
			field: BoundField;
			dependencies: BoundField[];
			max_length: number;
		}>,
		reverse: AdminReverse
	) {
		const lines = fields.map(({ name, modelField }) => {
			const item: AdminFieldItem = readonlyFields.includes(name)
				? new AdminReadonlyField(form, instance, modelField, true, reverse)
				: new AdminField(form.field(name), true);
			return new Fieldline([item], form);
		});
		this.fieldsets = [new Fieldset(null, lines)];
	}

	get errors() {
		return this.form.errors;
	}

	/** How the inspector shows `adminform`: the form, and its fields in their fieldsets. */
	__repr__(): string {
		const names = [...this].flatMap((fieldset) => [...fieldset].flatMap((line) => line.fields));
		return `<AdminForm: ${formClassName(this.form)}, fields=(${names.join(';')})>`;
	}

	get non_field_errors(): ErrorList {
		return this.form.non_field_errors;
	}

	[Symbol.iterator]() {
		return this.fieldsets[Symbol.iterator]();
	}
}
