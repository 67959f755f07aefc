/**
 * The field constructors a model definition calls, named as in `django.db.models`:
 * `CharField({ maxLength: 200 })`, `ForeignKey('auth.User', { onDelete: 'CASCADE' })`.
 */
import { Field, type FieldOptions } from './fields';

type Nullable<O, T> = O extends { null: true } ? T | null : T;

export type OnDelete = 'CASCADE' | 'PROTECT' | 'SET_NULL' | 'DO_NOTHING';

export interface CharOptions extends FieldOptions<string> {
	maxLength?: number;
}

export function AutoField(options: FieldOptions<number> = {}): Field<number> {
	return new Field('AutoField', { primaryKey: true, blank: true, ...options });
}

export function CharField<const O extends CharOptions>(options: O): Field<Nullable<O, string>> {
	return new Field('CharField', options, { maxLength: options.maxLength ?? 255 });
}

export function TextField<const O extends FieldOptions<string>>(
	options?: O
): Field<Nullable<O, string>> {
	return new Field('TextField', options ?? {});
}

export function EmailField<const O extends CharOptions>(options?: O): Field<Nullable<O, string>> {
	return new Field('EmailField', options ?? {}, { maxLength: options?.maxLength ?? 254 });
}

export function SlugField<const O extends CharOptions>(options?: O): Field<Nullable<O, string>> {
	return new Field(
		'SlugField',
		{ dbIndex: true, ...options },
		{ maxLength: options?.maxLength ?? 50 }
	);
}

export function IntegerField<const O extends FieldOptions<number>>(
	options?: O
): Field<Nullable<O, number>> {
	return new Field('IntegerField', options ?? {});
}

export function PositiveIntegerField<const O extends FieldOptions<number>>(
	options?: O
): Field<Nullable<O, number>> {
	return new Field('PositiveIntegerField', options ?? {});
}

export interface DecimalOptions extends FieldOptions<string> {
	maxDigits: number;
	decimalPlaces: number;
}

/** Values are strings like `'9.99'`; see the note in fields.ts. */
export function DecimalField<const O extends DecimalOptions>(
	options: O
): Field<Nullable<O, string>> {
	return new Field('DecimalField', options, {
		maxDigits: options.maxDigits,
		decimalPlaces: options.decimalPlaces
	});
}

export function BooleanField<const O extends FieldOptions<boolean>>(
	options?: O
): Field<Nullable<O, boolean>> {
	return new Field('BooleanField', options ?? {});
}

export interface DateTimeOptions extends FieldOptions<Date> {
	autoNow?: boolean;
	autoNowAdd?: boolean;
}

export function DateTimeField<const O extends DateTimeOptions>(
	options?: O
): Field<Nullable<O, Date>> {
	const auto = options?.autoNow || options?.autoNowAdd;
	// As Django: auto_now and auto_now_add make the field blank=True (and not editable).
	const field = new Field<Nullable<O, Date>>(
		'DateTimeField',
		(auto ? { blank: true, ...options } : (options ?? {})) as FieldOptions<Nullable<O, Date>>
	);
	field.autoNow = options?.autoNow ?? false;
	field.autoNowAdd = options?.autoNowAdd ?? false;
	return field;
}

export function UUIDField<const O extends FieldOptions<string>>(
	options?: O
): Field<Nullable<O, string>> {
	return new Field('UUIDField', options ?? {});
}

/** A model class, or a name such as `'auth.User'`, or a function returning the class (cycles). */
export type ModelRef = string | object | (() => object);

export interface ForeignKeyOptions extends FieldOptions<number> {
	onDelete: OnDelete;
	relatedName?: string;
}

/** A many-to-one link; the column is `<name>_id` and the instance gets `<name>` lazily. */
export class ForeignKeyField<Target = unknown> extends Field<Target> {
	constructor(
		readonly target: ModelRef,
		readonly fkOptions: ForeignKeyOptions
	) {
		super('ForeignKey', fkOptions as FieldOptions<Target>);
	}
	override get column(): string {
		return `${this.name}_id`;
	}
	override get attname(): string {
		return `${this.name}_id`;
	}
	get onDelete(): OnDelete {
		return this.fkOptions.onDelete;
	}
}

export function ForeignKey<Target = unknown, const O extends ForeignKeyOptions = ForeignKeyOptions>(
	target: ModelRef,
	options: O
): ForeignKeyField<Nullable<O, Target>> {
	return new ForeignKeyField<Nullable<O, Target>>(target, { dbIndex: true, ...options });
}
