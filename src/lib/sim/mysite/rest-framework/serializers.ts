/**
 * A `ModelSerializer` as Django REST framework builds one from a model: each model field becomes a
 * serializer field that turns JSON into Python values (with DRF's messages: "This field is
 * required.", "Invalid pk \"99\" - object does not exist.", "A valid integer is required.") and
 * back (a ForeignKey as its pk, a DecimalField as a string, a datetime as ISO 8601 with `Z`).
 */
import { ForeignKeyField, ObjectDoesNotExist, type Field, type Model } from '../../django/db';
import type { ModelClass } from '../../django/db';
import { targetModel } from '../../django/db/relations';
import type { HttpRequest } from '../../django/http';
import { ValidationError } from './exceptions';

type Data = Record<string, unknown>;

/** What a field needs besides its own value. */
export interface SerializerContext {
	request: HttpRequest;
	/** `reverse()` for HyperlinkedIdentityField. */
	reverse(name: string, args: unknown[]): string;
}

/** DRF's `HyperlinkedIdentityField(view_name=...)`: the object's absolute URL in the API. */
export class HyperlinkedIdentityField {
	constructor(readonly view_name: string) {}
	toRepresentation(instance: Model, context: SerializerContext): string {
		return context.request.build_absolute_uri(context.reverse(this.view_name, [instance.pk]));
	}
}

/** DRF's `ReadOnlyField(source="author.username")`. */
export class ReadOnlyField {
	constructor(readonly source: string) {}
	toRepresentation(instance: Model): unknown {
		let value: unknown = instance;
		for (const part of this.source.split('.')) value = (value as Data | null)?.[part];
		return value ?? null;
	}
}

export type DeclaredField = HyperlinkedIdentityField | ReadOnlyField;

function isoZ(date: Date): string {
	// DRF's DateTimeField: ISO 8601, microseconds only when not zero, "Z" for UTC.
	const iso = date.toISOString().replace('Z', '');
	const [main, ms] = iso.split('.');
	return ms && ms !== '000' ? `${main}.${ms}000Z` : `${main}Z`;
}

/** Model field → JSON value, as DRF's matching serializer field does. */
function represent(field: Field, instance: Model): unknown {
	const raw = (instance as unknown as Data)[field.attname];
	if (raw === null || raw === undefined) return null;
	if (raw instanceof Date) return isoZ(raw);
	return raw;
}

/** JSON value → Python value for one writable model field, or DRF's messages. */
function toInternal(
	field: Field,
	value: unknown,
	model: ModelClass
): { value: unknown } | { errors: string[] } {
	if (value === null) {
		return field.isNull ? { value: null } : { errors: ['This field may not be null.'] };
	}
	if (field instanceof ForeignKeyField) {
		if (typeof value === 'boolean' || (typeof value !== 'number' && typeof value !== 'string')) {
			return { errors: [`Incorrect type. Expected pk value, received ${pyType(value)}.`] };
		}
		const pk = Number(value);
		const target = targetModel(model._db, field, model._meta);
		const missing = { errors: [`Invalid pk "${String(value)}" - object does not exist.`] };
		if (!Number.isInteger(pk)) return missing;
		// PrimaryKeyRelatedField.to_internal_value(): `queryset.get(pk=data)`.
		try {
			return { value: target.objects.get({ pk }) };
		} catch (error) {
			if (error instanceof ObjectDoesNotExist) return missing;
			throw error;
		}
	}
	switch (field.kind) {
		case 'IntegerField':
		case 'PositiveIntegerField': {
			const text = String(value).trim();
			if (typeof value === 'boolean' || !/^[-+]?\d+(\.0*)?$/.test(text)) {
				return { errors: ['A valid integer is required.'] };
			}
			const number = Number.parseInt(text, 10);
			const errors = validators(field, number);
			return errors.length ? { errors } : { value: number };
		}
		case 'CharField':
		case 'TextField':
		case 'SlugField':
		case 'EmailField': {
			if (typeof value === 'object' || typeof value === 'boolean')
				return { errors: ['Not a valid string.'] };
			const text = String(value).trim();
			if (text === '' && !field.isBlank) return { errors: ['This field may not be blank.'] };
			if (field.maxLength !== undefined && [...text].length > field.maxLength) {
				return { errors: [`Ensure this field has no more than ${field.maxLength} characters.`] };
			}
			return { value: text };
		}
		default:
			return { value };
	}
}

function validators(field: Field, value: number): string[] {
	const messages: string[] = [];
	if (field.kind === 'PositiveIntegerField' && value < 0) {
		messages.push('Ensure this value is greater than or equal to 0.');
	}
	for (const check of field.options.validators ?? []) {
		const message = check(value);
		if (message) messages.push(message);
	}
	return messages;
}

function pyType(value: unknown): string {
	if (Array.isArray(value)) return 'list';
	if (typeof value === 'boolean') return 'bool';
	if (typeof value === 'object') return 'dict';
	return typeof value === 'string' ? 'str' : 'int';
}

export class ModelSerializer<I extends Model = Model> {
	static model: ModelClass;
	static fields: readonly string[];
	static read_only_fields: readonly string[] = [];
	static declared: Readonly<Record<string, DeclaredField>> = {};

	validated_data: Data = {};
	errors: Record<string, string[]> = {};

	constructor(
		public instance: I | null,
		readonly context: SerializerContext,
		readonly initial?: Data,
		readonly partial = false
	) {}

	get cls(): typeof ModelSerializer {
		return this.constructor as typeof ModelSerializer;
	}

	/** Fields a client may send: not the pk, not auto_now_add, not read-only, not declared. */
	writableFields(): Field[] {
		const { model, fields, read_only_fields, declared } = this.cls;
		return fields
			.filter((name) => !read_only_fields.includes(name) && !(name in declared))
			.map((name) => model._meta.getField(name))
			.filter((field) => !field.isPrimaryKey && !field.autoNowAdd && !field.autoNow);
	}

	/** `serializer.data`: the instance as JSON-ready values, in `fields` order. */
	get data(): Data {
		return this.instance ? this.toRepresentation(this.instance) : { ...this.validated_data };
	}

	toRepresentation(instance: I): Data {
		const out: Data = {};
		for (const name of this.cls.fields) {
			const declared = this.cls.declared[name];
			if (declared) out[name] = declared.toRepresentation(instance, this.context);
			else out[name] = represent(this.cls.model._meta.getField(name), instance);
		}
		return out;
	}

	/** `is_valid()`: every writable field from the JSON, with DRF's messages per field. */
	is_valid(options: { raise_exception?: boolean } = {}): boolean {
		const data = this.initial ?? {};
		this.errors = {};
		this.validated_data = {};
		if (typeof data !== 'object' || data === null || Array.isArray(data)) {
			this.errors = {
				non_field_errors: [`Invalid data. Expected a dictionary, but got ${pyType(data)}.`]
			};
		} else {
			for (const field of this.writableFields()) {
				const has = Object.hasOwn(data, field.name);
				if (!has) {
					const optional = this.partial || field.isBlank || field.options.default !== undefined;
					if (!optional) this.errors[field.name] = ['This field is required.'];
					continue;
				}
				const result = toInternal(field, data[field.name], this.cls.model);
				if ('errors' in result) this.errors[field.name] = result.errors;
				else this.validated_data[field.name] = result.value;
			}
		}
		const valid = Object.keys(this.errors).length === 0;
		if (!valid && options.raise_exception) throw new ValidationError(this.errors);
		return valid;
	}

	/** `serializer.save(**extra)`: create or update, with extra values such as the user. */
	save(extra: Data = {}): I {
		const values = { ...this.validated_data, ...extra };
		this.instance = this.instance ? this.update(this.instance, values) : this.create(values);
		return this.instance;
	}

	create(validated: Data): I {
		return this.cls.model.objects.create(validated) as I;
	}

	update(instance: I, validated: Data): I {
		Object.assign(instance, validated);
		instance.save();
		return instance;
	}
}
