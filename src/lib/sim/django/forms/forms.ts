/**
 * `django.forms.Form`: binds the data a browser sent to a set of fields, cleans it
 * (`is_valid()`, `cleaned_data`, `errors`) and draws itself as HTML the way Django 5.2's form
 * templates do (`{{ form.as_p }}`, `{{ form.title }}`, `{{ form.title.label_tag }}`,
 * `{{ form.non_field_errors }}`). Names are Django's (snake_case), so a view in TypeScript reads
 * like the Python it mirrors, and templates find the same attributes.
 */
import { capfirst } from '../db/meta';
import { ErrorList, ValidationError } from './errors';
import { ModelChoiceField, type FormField } from './fields';
import { escapeHtml, markSafe, SafeString } from './html';

/** `request.POST` (a QueryDict) or a plain object. */
export type FormData = { get(key: string): string | undefined | null } | Record<string, unknown>;

export interface FormOptions {
	data?: FormData | null;
	initial?: Record<string, unknown>;
	/** `id_%s` by default; false for no ids. */
	auto_id?: string | false;
	/** A formset's `form-0`: each field's name and id become `form-0-stock`. */
	prefix?: string | null;
	/** False in a formset's forms: no `required` attribute on their widgets. */
	use_required_attribute?: boolean;
}

export const NON_FIELD_ERRORS = '__all__';

function readData(data: FormData, key: string): unknown {
	if (typeof (data as { get?: unknown }).get === 'function') {
		return (data as { get(key: string): unknown }).get(key) ?? undefined;
	}
	return (data as Record<string, unknown>)[key];
}

/**
 * Makes `value` (what the template engine prints for a `SafeString`) computed on demand, so a form
 * or bound field draws its HTML only when a template prints it.
 */
function lazyHtml(target: SafeString, html: () => string): void {
	Object.defineProperty(target, 'value', { get: html, enumerable: false });
}

export class Form extends SafeString {
	/**
	 * The Python class name, for the inspector and narration (`<PostForm bound=True …>`): each
	 * form class declares its own, since `constructor.name` is minified in a production build.
	 */
	static python_name = 'Form';
	readonly fields: Record<string, FormField>;
	readonly data: FormData;
	readonly is_bound: boolean;
	readonly initial: Record<string, unknown>;
	readonly auto_id: string | false;
	readonly prefix: string | null;
	readonly use_required_attribute: boolean;
	/**
	 * `required_css_class`: unset on `Form`; a form class that sets it (the admin's login and
	 * password change forms: "required") puts it on each required field's label and row.
	 */
	readonly required_css_class: string | undefined = undefined;
	cleaned_data: Record<string, unknown> = {};
	#errors: Record<string, ErrorList> | null = null;

	constructor(fields: Record<string, FormField>, options: FormOptions = {}) {
		super('');
		lazyHtml(this, () => this.as_div.value);
		this.fields = fields;
		this.is_bound = options.data !== undefined && options.data !== null;
		this.data = options.data ?? {};
		this.initial = { ...options.initial };
		this.auto_id = options.auto_id ?? 'id_%s';
		this.prefix = options.prefix ?? null;
		this.use_required_attribute = options.use_required_attribute ?? true;
		// `form.title` in a template is the bound field, as `form['title']` in Python.
		for (const name of Object.keys(fields)) {
			if (!(name in this)) {
				Object.defineProperty(this, name, { get: () => this.field(name), enumerable: false });
			}
		}
	}

	/** `form['title']`. */
	field(name: string): BoundField {
		const field = this.fields[name];
		if (!field) throw new Error(`Key '${name}' not found in '${formClassName(this)}'.`);
		return new BoundField(this, field, name);
	}

	get bound_fields(): BoundField[] {
		return Object.keys(this.fields).map((name) => this.field(name));
	}

	get errors(): Record<string, ErrorList> {
		if (this.#errors === null) this.full_clean();
		return this.#errors ?? {};
	}

	is_valid(): boolean {
		return this.is_bound && Object.keys(this.errors).length === 0;
	}

	/** Cleans every field, then the form as a whole (`clean()`), collecting errors. */
	full_clean(): void {
		this.#errors = {};
		if (!this.is_bound) return;
		this.cleaned_data = {};
		for (const [name, field] of Object.entries(this.fields)) {
			try {
				this.cleaned_data[name] = field.clean(readData(this.data, this.add_prefix(name)));
			} catch (error) {
				if (!(error instanceof ValidationError)) throw error;
				this.add_error(name, error);
			}
		}
		try {
			const cleaned = this.clean();
			if (cleaned) this.cleaned_data = cleaned;
		} catch (error) {
			if (!(error instanceof ValidationError)) throw error;
			this.add_error(null, error);
		}
		this.post_clean();
	}

	/** The form-wide check; raise `ValidationError` for a non-field error. */
	clean(): Record<string, unknown> | void {
		return this.cleaned_data;
	}

	/** Hook for ModelForm: validate the instance after the fields. */
	post_clean(): void {}

	add_error(fieldName: string | null, error: string | string[] | ValidationError): void {
		if (this.#errors === null) this.full_clean();
		const messages = error instanceof ValidationError ? error.messages : [error].flat();
		const key = fieldName ?? NON_FIELD_ERRORS;
		const errors = this.#errors ?? {};
		const existing =
			errors[key] ??
			(key === NON_FIELD_ERRORS
				? new ErrorList([], { errorClass: 'errorlist nonfield' })
				: new ErrorList([], { fieldId: this.autoIdFor(key) || undefined }));
		errors[key] = existing.with(messages);
		this.#errors = errors;
		if (fieldName) delete this.cleaned_data[fieldName];
	}

	has_error(fieldName: string): boolean {
		return (this.errors[fieldName]?.length ?? 0) > 0;
	}

	get non_field_errors(): ErrorList {
		return this.errors[NON_FIELD_ERRORS] ?? new ErrorList([], { errorClass: 'errorlist nonfield' });
	}

	/** `add_prefix(name)`: `form-0-stock` in a formset, else the name itself. */
	add_prefix(name: string): string {
		return this.prefix ? `${this.prefix}-${name}` : name;
	}

	autoIdFor(name: string): string {
		return this.auto_id ? this.auto_id.replace('%s', this.add_prefix(name)) : '';
	}

	/**
	 * `{{ form.as_p }}`: Django 5.2's `django/forms/p.html`, text for text (its blank lines and
	 * indentation included), then stripped as the form renderer strips every template it renders.
	 * The top errors are the non-field errors and the hidden fields' errors.
	 */
	get as_p(): SafeString {
		const visible = this.bound_fields.filter((bound) => !bound.field.widget.isHidden);
		const hidden = this.bound_fields.filter((bound) => bound.field.widget.isHidden);
		const top = [...this.non_field_errors.messages];
		for (const bound of hidden)
			top.push(...bound.errors.messages.map((m) => `(Hidden field ${bound.name}) ${m}`));
		const errors = top.length ? new ErrorList(top, { errorClass: 'errorlist nonfield' }).value : '';
		const hiddenHtml = hidden.map((bound) => bound.html).join('');
		let out = `${errors}\n`;
		if (errors && !visible.length) out += `\n  <p>${hiddenHtml}</p>\n`;
		out += '\n';
		visible.forEach((bound, index) => {
			const last = index === visible.length - 1;
			const help = bound.field.helpText
				? `\n      <span class="helptext"${bound.auto_id ? ` id="${bound.auto_id}_helptext"` : ''}>${bound.field.helpText}</span>\n    `
				: '';
			out +=
				`\n  ${bound.errors.value}\n  <p${classAttr(bound.css_classes)}>\n    ${bound.label ? bound.label_tag.value : ''}` +
				`\n    ${bound.html}\n    ${help}\n    ${last ? `\n      ${hiddenHtml}\n    ` : ''}\n  </p>\n`;
		});
		out += '\n';
		if (!visible.length && !errors) out += `\n  ${hiddenHtml}\n`;
		out += '\n';
		return markSafe(out.trim());
	}

	/** `{{ form }}` and `{{ form.as_div }}`: Django 5's default layout (django/forms/div.html). */
	get as_div(): SafeString {
		const parts: string[] = [];
		if (this.non_field_errors.length) parts.push(this.non_field_errors.value);
		for (const bound of this.bound_fields) {
			const errors = bound.errors.length ? `\n    ${bound.errors.value}` : '';
			const label = bound.label ? `\n    ${bound.label_tag.value}` : '';
			parts.push(
				`  <div${classAttr(bound.css_classes)}>${label}${errors}\n    ${bound.html}\n  </div>`
			);
		}
		return markSafe(parts.join('\n'));
	}

	/** In a trace: the data, the errors, and whether it was valid. */
	toJSON(): Record<string, unknown> {
		const out: Record<string, unknown> = { form: formClassName(this), is_bound: this.is_bound };
		if (this.is_bound && this.#errors !== null) {
			out.errors = Object.fromEntries(
				Object.entries(this.#errors).map(([key, list]) => [key, [...list.messages]])
			);
		}
		return out;
	}
}

/** ` class="…"` as the form templates write a row's classes, or nothing. */
function classAttr(classes: string): string {
	return classes ? ` class="${escapeHtml(classes)}"` : '';
}

/** A form's Python class name, as its class declares it (`static python_name`). */
export function formClassName(form: Form): string {
	return (form.constructor as typeof Form).python_name;
}

/** `form['title']`: one field together with the form's data for it. */
export class BoundField extends SafeString {
	constructor(
		readonly form: Form,
		readonly field: FormField,
		readonly name: string
	) {
		super('');
		lazyHtml(this, () => this.html);
	}

	get html_name(): string {
		return this.form.add_prefix(this.name);
	}

	get auto_id(): string {
		return this.form.autoIdFor(this.name);
	}

	get id_for_label(): string {
		return this.auto_id;
	}

	get label(): string {
		return this.field.label ?? capfirst(this.name.replace(/_/g, ' '));
	}

	get errors(): ErrorList {
		return this.form.errors[this.name] ?? new ErrorList([], { fieldId: this.auto_id || undefined });
	}

	get help_text(): string {
		return this.field.helpText;
	}

	/** What the widget shows: the submitted text when bound, else the initial value. */
	current_value(): unknown {
		let value: unknown;
		if (this.form.is_bound) value = readData(this.form.data, this.html_name);
		else value = this.form.initial[this.name] ?? this.field.initial;
		if (typeof value === 'function') value = (value as () => unknown)();
		if (this.field instanceof ModelChoiceField) value = this.field.prepareValue(value);
		return value;
	}

	/**
	 * `{{ form.title.label_tag }}`: `<label for="id_title">Title:</label>`; a required field of a
	 * form with `required_css_class` gets it after `for`, as `BoundField.label_tag` adds it:
	 * `<label for="id_old_password" class="required">Old password:</label>`.
	 */
	get label_tag(): SafeString {
		const text = escapeHtml(this.label);
		const suffix = /[:?.!]$/.test(this.label) ? '' : ':';
		const target = this.field.widget.isHidden ? '' : this.auto_id;
		const required = this.form.required_css_class;
		const css = required && this.field.required ? ` class="${escapeHtml(required)}"` : '';
		// Without an id (auto_id=False) django/forms/label.html draws the text alone.
		if (!this.auto_id) return markSafe(`${text}${suffix}`);
		const attrs = `${target ? ` for="${target}"` : ''}${css}`;
		return markSafe(`<label${attrs}>${text}${suffix}</label>`);
	}

	/** `css_classes()`: the form's `required_css_class` when the field is required, else ''. */
	get css_classes(): string {
		const required = this.form.required_css_class;
		return required && this.field.required ? required : '';
	}

	/** The widget's HTML with the attributes Django's BoundField adds (required, aria, id). */
	get html(): string {
		const field = this.field;
		if (field instanceof ModelChoiceField) field.loadChoices();
		const attrs: Record<string, string | boolean> = {};
		if (field.required && this.form.use_required_attribute) attrs.required = true;
		const describedBy: string[] = [];
		if (this.auto_id && !field.widget.isHidden) {
			if (field.helpText) describedBy.push(`${this.auto_id}_helptext`);
			if (this.form.is_bound && this.errors.length) describedBy.push(`${this.auto_id}_error`);
		}
		// BoundField.build_widget_attrs: aria-invalid before aria-describedby.
		if (!field.widget.isHidden && this.form.is_bound && this.errors.length) {
			attrs['aria-invalid'] = 'true';
		}
		if (describedBy.length) attrs['aria-describedby'] = describedBy.join(' ');
		if (this.auto_id && !('id' in field.widget.attrs)) attrs.id = this.auto_id;
		return field.widget.render(this.html_name, this.current_value(), attrs);
	}
}
