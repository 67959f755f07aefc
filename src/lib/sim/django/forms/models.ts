/**
 * `django.forms.ModelForm`: a form whose fields come from a model's fields, whose cleaned data
 * fills a model instance (validated by the model's own `full_clean()`, so a model validator's
 * message lands under its field), and whose `save()` writes the instance.
 *
 *     class PostForm extends ModelForm<PostInstance> {
 *         static model = Post;
 *         static fields = ['title', 'body'];
 *     }
 *     const form = new PostForm({ data: request.POST, instance: post });
 */
import { ValidationError as ModelValidationError } from '../db/errors';
import { ForeignKeyField } from '../db/field-constructors';
import type { Field } from '../db/fields';
import { capfirst } from '../db/meta';
import type { Model, ModelClass } from '../db/model';
import { targetModel } from '../db/relations';
import {
	CharField,
	DecimalField,
	EmailField,
	IntegerField,
	ModelChoiceField,
	TypedChoiceField,
	type FormField
} from './fields';
import { Form, NON_FIELD_ERRORS, type FormOptions } from './forms';
import { Textarea } from './widgets';

/** `Field.formfield()`: the form field Django picks for a model field. */
export function formfieldFor(field: Field, model: ModelClass): FormField {
	const common = {
		required: !field.isBlank,
		label: capfirst(field.verboseName)
	};
	if (field instanceof ForeignKeyField) {
		const target = () => targetModel(model._db, field, model._meta);
		return new ModelChoiceField<Model>(
			{
				choices: () =>
					[...target().objects.all()].map((row) => [String(row.pk), String(row)] as const),
				lookup: (value) => {
					if (!/^\d+$/.test(value.trim())) return undefined;
					return [...target().objects.filter({ pk: Number(value) })][0];
				}
			},
			common
		);
	}
	const choices = field.options.choices;
	if (choices) {
		const blank: Array<readonly [string, string]> =
			field.isBlank || field.options.default === undefined ? [['', '---------']] : [];
		return new TypedChoiceField(
			[...blank, ...choices.map(([key, label]) => [String(key), label] as const)],
			{ ...common, initial: field.options.default }
		);
	}
	switch (field.kind) {
		case 'DecimalField':
			return new DecimalField({ ...common, decimalPlaces: field.decimalPlaces });
		case 'CharField':
		case 'SlugField':
			return new CharField({ ...common, maxLength: field.maxLength });
		case 'TextField':
			return new CharField({ ...common, maxLength: field.maxLength }, new Textarea());
		case 'EmailField':
			return new EmailField({ ...common, maxLength: field.maxLength });
		case 'IntegerField':
			return new IntegerField(common);
		case 'PositiveIntegerField':
			return new IntegerField({ ...common, minValue: 0 });
		default:
			throw new Error(`No form field for ${field.kind} (${field.name}) in this simulation.`);
	}
}

export interface ModelFormOptions<I> extends FormOptions {
	instance?: I;
}

export class ModelForm<I extends Model = Model> extends Form {
	static override python_name = 'ModelForm';
	/** Set by each subclass, as `class Meta: model = …; fields = […]`. */
	static model: ModelClass;
	static fields: readonly string[];

	readonly instance: I;

	constructor(options: ModelFormOptions<I> = {}) {
		const ctor = new.target as unknown as typeof ModelForm;
		const model = ctor.model;
		const fields: Record<string, FormField> = {};
		for (const name of ctor.fields) fields[name] = formfieldFor(model._meta.getField(name), model);
		const instance = options.instance ?? (new model() as I);
		// Django's model_to_dict(): an existing instance fills the form's initial values.
		const fromInstance: Record<string, unknown> = {};
		for (const name of ctor.fields) {
			const field = model._meta.getField(name);
			fromInstance[name] = (instance as unknown as Record<string, unknown>)[field.attname];
		}
		super(fields, { ...options, initial: { ...fromInstance, ...options.initial } });
		this.instance = instance;
	}

	/** `_post_clean()`: copy the cleaned data onto the instance and let the model check it. */
	override post_clean(): void {
		const ctor = this.constructor as typeof ModelForm;
		const target = this.instance as unknown as Record<string, unknown>;
		for (const name of ctor.fields) {
			if (name in this.cleaned_data) target[name] = this.cleaned_data[name];
		}
		const exclude = ctor.model._meta.fields
			.map((field) => field.name)
			.filter((name) => !ctor.fields.includes(name) || this.has_error(name));
		try {
			this.instance.full_clean({ exclude });
		} catch (error) {
			if (!(error instanceof ModelValidationError)) throw error;
			for (const [name, messages] of Object.entries(error.messageDict)) {
				this.add_error(name === NON_FIELD_ERRORS ? null : name, [...messages]);
			}
		}
	}

	/** `form.save(commit=True)`: the instance, written to the database unless `commit` is false. */
	save(commit = true): I {
		if (!this.is_valid()) {
			const name = (this.constructor as typeof ModelForm).model._meta.objectName;
			const verb = this.instance._state.adding ? 'created' : 'changed';
			throw new Error(`The ${name} could not be ${verb} because the data didn't validate.`);
		}
		if (commit) this.instance.save();
		return this.instance;
	}
}
