/**
 * The changelist's `list_editable` formset (`ModelAdmin.get_changelist_formset()`: a model
 * formset over the page's rows, prefix `form`, each form with only the editable fields and the
 * hidden primary key). Bound to a POST it validates every row; the view saves only when all
 * of them are valid, else the changelist is shown again with each row's errors.
 */
import type { Model, ModelClass } from '../../db/model';
import { ErrorList } from '../../forms/errors';
import { ModelForm } from '../../forms/models';
import { escapeHtml, markSafe, SafeString } from '../../template/safe';
import type { ModelAdmin } from './options';

const PREFIX = 'form';
const MAX_NUM_FORMS = 1000;

/** One row's form: the list_editable fields of one object, named `form-<i>-<field>`. */
export type ChangeListForm = ModelForm & { readonly pkHidden: SafeString };

function hiddenInput(name: string, value: unknown): SafeString {
	const text = escapeHtml(String(value ?? ''));
	return markSafe(`<input type="hidden" name="${name}" value="${text}" id="id_${name}">`);
}

export class ChangeListFormSet {
	readonly prefix = PREFIX;
	readonly forms: ChangeListForm[];
	readonly is_bound: boolean;
	readonly is_multipart = false;

	constructor(
		readonly model_admin: ModelAdmin,
		objects: readonly Model[],
		data: { get(key: string): string | null | undefined } | null
	) {
		this.is_bound = data !== null;
		const model = model_admin.model as unknown as ModelClass;
		const names = [...model_admin.list_editable];
		const Form = class extends ModelForm {
			static override model = model;
			static override fields = names;
			static override python_name = `${model._meta.objectName}Form`;
		};
		this.forms = objects.map((instance, i) => {
			const form = new Form({
				data,
				instance,
				prefix: `${PREFIX}-${i}`,
				use_required_attribute: false
			}) as ChangeListForm;
			Object.defineProperty(form, 'pkHidden', {
				value: hiddenInput(`${PREFIX}-${i}-id`, instance.pk)
			});
			return form;
		});
	}

	/** `formset.errors`: one error dict per form; empty (falsy in a template) when unbound. */
	get errors(): Array<Record<string, ErrorList>> {
		if (!this.is_bound) return [];
		return this.forms.map((form) => form.errors);
	}

	total_error_count(): number {
		return this.errors.reduce((n, errors) => n + Object.keys(errors).length, 0);
	}

	non_form_errors(): ErrorList {
		return new ErrorList([], { errorClass: 'errorlist nonform' });
	}

	is_valid(): boolean {
		return this.is_bound && this.forms.every((form) => form.is_valid());
	}

	/** `form.changed_data`: the fields whose cleaned value differs from the row's. */
	changed_data(form: ChangeListForm): string[] {
		return Object.keys(form.fields).filter(
			(name) => String(form.initial[name] ?? '') !== String(form.cleaned_data[name] ?? '')
		);
	}

	/** `{{ cl.formset.management_form }}`: the four hidden counts. */
	get management_form(): SafeString {
		const total = this.forms.length;
		return new SafeString(
			[
				hiddenInput(`${PREFIX}-TOTAL_FORMS`, total),
				hiddenInput(`${PREFIX}-INITIAL_FORMS`, total),
				hiddenInput(`${PREFIX}-MIN_NUM_FORMS`, 0),
				hiddenInput(`${PREFIX}-MAX_NUM_FORMS`, MAX_NUM_FORMS)
			].join('')
		);
	}
}
