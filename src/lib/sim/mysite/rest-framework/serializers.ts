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
import { PyFloat } from './json-errors';
import type { LimitValidator } from '../../django/db/validators';

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
			// DRF: `int(re.sub(r'\.0*\s*$', '', str(data)))`, with Python's int().
			if (typeof value === 'string' && value.length > 1000) {
				return { errors: ['String value too large.'] };
			}
			const number =
				typeof value === 'boolean' || (typeof value === 'object' && !(value instanceof PyFloat))
					? null
					: pythonInt(String(value).replace(/\.0*\s*$/, ''));
			if (number === null) return { errors: ['A valid integer is required.'] };
			const { min, max } = integerLimits(field);
			const errors: string[] = [];
			if (min !== undefined && number < BigInt(min))
				errors.push(`Ensure this value is greater than or equal to ${min}.`);
			if (max !== undefined && number > BigInt(max))
				errors.push(`Ensure this value is less than or equal to ${max}.`);
			if (errors.length) return { errors };
			return { value: Number(number) };
		}
		case 'CharField':
		case 'TextField':
		case 'SlugField':
		case 'EmailField': {
			if ((typeof value === 'object' && !(value instanceof PyFloat)) || typeof value === 'boolean')
				return { errors: ['Not a valid string.'] };
			const text = pyStrip(String(value));
			if (text === '' && !field.isBlank) return { errors: ['This field may not be blank.'] };
			// CharField's validators, all run: length, then ProhibitNullCharacters and
			// ProhibitSurrogateCharacters.
			const errors: string[] = [];
			if (field.maxLength !== undefined && [...text].length > field.maxLength) {
				errors.push(`Ensure this field has no more than ${field.maxLength} characters.`);
			}
			if (text.includes('\0')) errors.push('Null characters are not allowed.');
			const surrogate = /\p{Surrogate}/u.exec(text);
			if (surrogate) {
				const code = surrogate[0].charCodeAt(0).toString(16).toUpperCase();
				errors.push(`Surrogate characters are not allowed: U+${code}.`);
			}
			return errors.length ? { errors } : { value: text };
		}
		default:
			return { value };
	}
}

/** SQLite's `integer_field_range()`: every integer column is 64-bit. */
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * DRF's `min_value` / `max_value` for a model integer field: the first Min/MaxValueValidator of
 * the model field's validators (its own, then the database range Django adds when none covers it).
 */
export function integerLimits(field: Field): { min?: bigint; max?: bigint } {
	const own = (field.options.validators ?? []) as Array<Partial<LimitValidator>>;
	const min = own.find((v) => v.bound === 'min')?.limit_value;
	const max = own.find((v) => v.bound === 'max')?.limit_value;
	const low = field.kind === 'PositiveIntegerField' ? 0n : INT64_MIN;
	return {
		min: min !== undefined && min >= low ? BigInt(min) : low,
		max: max !== undefined && max <= INT64_MAX ? BigInt(max) : INT64_MAX
	};
}

/** Python's whitespace (`str.isspace()`), which `str.strip()` removes; not U+FEFF. */
const PY_SPACE =
	'[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');

function pyStrip(text: string): string {
	return text.replace(STRIP, '');
}

/** Python's `int(text)`: spaces around, a sign, any Unicode decimal digits, single underscores. */
export function pythonInt(text: string): bigint | null {
	const trimmed = pyStrip(text);
	if (!/^[+-]?\p{Nd}+(?:_\p{Nd}+)*$/u.test(trimmed)) return null;
	let digits = '';
	for (const ch of trimmed.replaceAll('_', '')) {
		if (ch === '+' || ch === '-') digits += ch;
		else digits += String(digitValue(ch));
	}
	return BigInt(digits);
}

/** The value of a Unicode decimal digit: its place in its run of ten (every run starts at 0). */
function digitValue(ch: string): number {
	let code = ch.codePointAt(0) ?? 0;
	let steps = 0;
	while (/\p{Nd}/u.test(String.fromCodePoint(code - 1))) {
		code--;
		steps++;
	}
	return steps % 10;
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

/** `SimpleMetadata.label_lookup`: the `type` an OPTIONS answer gives each field. */
function fieldType(field: Field): string {
	if (field.options.choices) return 'choice';
	switch (field.kind) {
		case 'AutoField':
		case 'IntegerField':
		case 'PositiveIntegerField':
			return 'integer';
		case 'CharField':
		case 'TextField':
		case 'UUIDField':
			return 'string';
		case 'SlugField':
			return 'slug';
		case 'EmailField':
			return 'email';
		case 'DecimalField':
			return 'decimal';
		case 'DateTimeField':
			return 'datetime';
		case 'BooleanField':
			return 'boolean';
		default:
			return 'field';
	}
}

/**
 * `SimpleMetadata.get_serializer_info()`: per field, what a client may send, in the order DRF
 * writes it (type, required, read_only, label, lengths, limits, choices).
 */
export function serializerInfo(serializer: ModelSerializer): Record<string, unknown> {
	const { model, fields, read_only_fields, declared } = serializer.cls;
	const out: Record<string, unknown> = {};
	for (const name of fields) {
		if (declared[name]) {
			const label = name.replaceAll('_', ' ');
			out[name] = {
				type: 'field',
				required: false,
				read_only: true,
				label: label.charAt(0).toUpperCase() + label.slice(1)
			};
			continue;
		}
		const field = model._meta.getField(name);
		const verbose = field.kind === 'AutoField' ? 'ID' : field.verboseName;
		const label = verbose.charAt(0).toUpperCase() + verbose.slice(1);
		const readOnly =
			field.isPrimaryKey || field.autoNowAdd || field.autoNow || read_only_fields.includes(name);
		const info: Record<string, unknown> = { type: fieldType(field) };
		if (readOnly) {
			Object.assign(info, { required: false, read_only: true, label });
			out[name] = info;
			continue;
		}
		const optional = field.isBlank || field.isNull || field.options.default !== undefined;
		Object.assign(info, { required: !optional, read_only: false, label });
		if (field.maxLength !== undefined && field.kind !== 'ForeignKey')
			info.max_length = field.maxLength;
		if (fieldType(field) === 'integer') {
			const { min, max } = integerLimits(field);
			info.min_value = min;
			info.max_value = max;
		}
		if (field.kind === 'DecimalField') {
			info.max_digits = field.maxDigits;
			info.decimal_places = field.decimalPlaces;
		}
		const choices = field.options.choices;
		if (choices && field.kind !== 'ForeignKey') {
			info.choices = choices.map(([value, display]) => ({ value, display_name: display }));
		}
		out[name] = info;
	}
	return out;
}
