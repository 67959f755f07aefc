/**
 * Model fields: the column type each makes in SQLite (as Django's SQLite backend names them,
 * so the DDL reads like `manage.py sqlmigrate`), how a value goes into and comes out of the
 * database, and the validation `full_clean()` runs with Django's messages.
 *
 * Value types in TypeScript: text fields are strings, integers numbers, booleans booleans,
 * datetimes `Date` (stored as UTC text `YYYY-MM-DD HH:MM:SS[.ffffff]`, as Django stores them
 * with USE_TZ=True), UUIDs strings with dashes (stored as 32 hex characters, as Django does on
 * SQLite). DecimalField values are strings such as `'9.99'`: JavaScript has no decimal type and
 * a float would print 0.1 + 0.2 wrongly. SQLite's `decimal` column has NUMERIC affinity and
 * keeps the number; reading it back we format it with the field's decimal places, as Django's
 * converter quantizes it.
 */
import { pyInt } from '../py-int';
import {
	DecimalValidator,
	MaxLengthValidator,
	MaxValueValidator,
	MinValueValidator,
	validateEmail,
	validateSlug,
	type LimitValidator,
	type Validator
} from './validators';

/** Python's repr() of what a program passed, for error messages. */
function pyQuote(value: unknown): string {
	return typeof value === 'string' ? `'${value}'` : String(value);
}

export type SqlValue = string | number | null;

export interface FieldOptions<T> {
	null?: boolean;
	blank?: boolean;
	default?: T | (() => T);
	unique?: boolean;
	dbIndex?: boolean;
	primaryKey?: boolean;
	validators?: Validator[];
	verboseName?: string;
	choices?: ReadonlyArray<readonly [T, string]>;
	/** Replace a message, as Django's `error_messages={'unique': ...}`. */
	errorMessages?: { unique?: string; blank?: string; null?: string; invalid?: string };
}

/** Per-type behaviour shared by all fields of one kind. */
interface FieldType {
	dbType: (field: Field) => string;
	check?: (column: string) => string;
	suffix?: string;
	/** Turn what a program assigned into the field's Python-side value, or say why not. */
	toPython: (value: unknown, field: Field) => { value: unknown } | { error: string };
	toDb?: (value: unknown) => SqlValue;
	fromDb?: (raw: SqlValue, field: Field) => unknown;
	validators?: (field: Field) => Validator[];
	/** Validators that come after the field's own (IntegerField's backend range). */
	rangeValidators?: (field: Field) => Validator[];
	emptyStringsAllowed?: boolean;
}

/** `2024-05-01 10:00:00.123000` in UTC, as Django's SQLite backend writes a datetime. */
export function formatDatetime(date: Date): string {
	const iso = date.toISOString(); // 2024-05-01T10:00:00.123Z
	const ms = date.getUTCMilliseconds();
	return (
		iso.slice(0, 10) +
		' ' +
		iso.slice(11, 19) +
		(ms ? `.${String(ms * 1000).padStart(6, '0')}` : '')
	);
}

export function parseDatetime(text: string): Date | null {
	const match =
		/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]00:?00)?$/.exec(
			text.trim()
		);
	if (!match) return null;
	const [, y, mo, d, h, mi, s = '0', frac = '0'] = match;
	const ms = Math.floor(Number(frac.padEnd(6, '0')) / 1000);
	const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms));
	return Number.isNaN(date.getTime()) ? null : date;
}

const textType = (dbType: (f: Field) => string, extra: Validator[] = []): FieldType => ({
	dbType,
	emptyStringsAllowed: true,
	toPython: (value) => ({ value: value === null || value === undefined ? value : String(value) }),
	validators: (field) => [
		...(field.maxLength !== undefined ? [MaxLengthValidator(field.maxLength)] : []),
		...extra
	]
});

/** SQLite's `integer_field_range`: 64-bit integers; the positive types from 0. */
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

function integerType(dbType: string, positive: boolean): FieldType {
	return {
		dbType: () => dbType,
		check: positive ? (column) => `"${column}" >= 0` : undefined,
		toPython: (value) => {
			if (value === null || value === undefined || value === '') return { value: null };
			if (typeof value === 'bigint') return { value };
			const number = typeof value === 'number' ? value : pyInt(String(value));
			return typeof number === 'bigint' || (number !== null && Number.isInteger(number))
				? { value: number }
				: { error: `“${String(value)}” value must be an integer.` };
		},
		// IntegerField.validators: after the field's own, the backend's range, unless a validator
		// of the field already bounds it as tightly.
		rangeValidators: (field) => {
			const own = (field.options.validators ?? []) as Array<Partial<LimitValidator>>;
			const bounded = (kind: 'min' | 'max', limit: bigint) =>
				own.some(
					(v) =>
						v.bound === kind &&
						v.limit_value !== undefined &&
						(kind === 'min' ? v.limit_value >= limit : v.limit_value <= limit)
				);
			const min = positive ? 0n : INT64_MIN;
			return [
				...(bounded('min', min) ? [] : [MinValueValidator(positive ? 0 : min)]),
				...(bounded('max', INT64_MAX) ? [] : [MaxValueValidator(INT64_MAX)])
			];
		}
	};
}

const TYPES = {
	AutoField: {
		...integerType('integer', false),
		suffix: 'AUTOINCREMENT',
		rangeValidators: undefined
	},
	CharField: textType((f) => `varchar(${f.maxLength})`),
	TextField: textType(() => 'text'),
	EmailField: textType((f) => `varchar(${f.maxLength})`, [validateEmail]),
	SlugField: textType((f) => `varchar(${f.maxLength})`, [validateSlug]),
	IntegerField: integerType('integer', false),
	PositiveIntegerField: integerType('integer unsigned', true),
	BooleanField: {
		dbType: () => 'bool',
		toPython: (value) => {
			if (value === null || value === undefined) return { value };
			if (value === true || value === 1 || value === 'True' || value === 't' || value === '1')
				return { value: true };
			if (value === false || value === 0 || value === 'False' || value === 'f' || value === '0')
				return { value: false };
			return { error: `“${String(value)}” value must be either True or False.` };
		},
		toDb: (value) => (value === null || value === undefined ? null : value ? 1 : 0),
		fromDb: (raw) => (raw === null ? null : Boolean(raw))
	},
	DecimalField: {
		dbType: () => 'decimal',
		toPython: (value, field) => {
			if (value === null || value === undefined || value === '') return { value: null };
			const text = String(value).trim();
			if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text))
				return { error: `“${text}” value must be a decimal number.` };
			return { value: typeof value === 'number' ? value.toFixed(field.decimalPlaces) : text };
		},
		fromDb: (raw, field) => (raw === null ? null : Number(raw).toFixed(field.decimalPlaces)),
		validators: (field) => [DecimalValidator(field.maxDigits ?? 10, field.decimalPlaces ?? 2)]
	},
	DateTimeField: {
		dbType: () => 'datetime',
		toPython: (value) => {
			if (value === null || value === undefined || value === '') return { value: null };
			const date = value instanceof Date ? value : parseDatetime(String(value));
			return date && !Number.isNaN(date.getTime())
				? { value: date }
				: {
						error: `“${String(value)}” value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format.`
					};
		},
		toDb: (value) => (value instanceof Date ? formatDatetime(value) : (value as SqlValue)),
		fromDb: (raw) => (raw === null ? null : parseDatetime(String(raw)))
	},
	UUIDField: {
		dbType: () => 'char(32)',
		toPython: (value) => {
			if (value === null || value === undefined || value === '') return { value: null };
			const hex = String(value).replace(/[{}-]/g, '').toLowerCase();
			if (!/^[0-9a-f]{32}$/.test(hex)) return { error: `“${String(value)}” is not a valid UUID.` };
			return {
				value: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
			};
		},
		toDb: (value) => (typeof value === 'string' ? value.replace(/-/g, '') : null),
		fromDb: (raw) =>
			raw === null
				? null
				: String(raw).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')
	},
	ForeignKey: { ...integerType('integer', false), rangeValidators: undefined }
} satisfies Record<string, FieldType>;

export type FieldKind = keyof typeof TYPES;

/** One field of a model. `T` is the value type a program sees on the instance. */
export class Field<T = unknown> {
	/** Phantom member that carries `T` for the model's instance type. */
	declare readonly __value?: T;
	/** Set by `defineModel` from the key in `fields`. */
	name = '';
	readonly type: FieldType;
	readonly maxLength?: number;
	readonly maxDigits?: number;
	readonly decimalPlaces?: number;
	autoNow = false;
	autoNowAdd = false;

	constructor(
		readonly kind: FieldKind,
		readonly options: FieldOptions<T>,
		extra: { maxLength?: number; maxDigits?: number; decimalPlaces?: number } = {}
	) {
		this.type = TYPES[kind];
		Object.assign(this, extra);
	}

	get column(): string {
		return this.name;
	}
	/** The attribute holding the raw column value (`author_id` for a ForeignKey `author`). */
	get attname(): string {
		return this.name;
	}
	get isNull(): boolean {
		return this.options.null ?? false;
	}
	get isBlank(): boolean {
		return this.options.blank ?? false;
	}
	get isPrimaryKey(): boolean {
		return this.options.primaryKey ?? false;
	}
	get isUnique(): boolean {
		return (this.options.unique ?? false) || this.isPrimaryKey;
	}
	get verboseName(): string {
		return this.options.verboseName ?? this.name.replace(/_/g, ' ');
	}

	/** The column type, as Django's SQLite `data_types`. */
	dbType(): string {
		return this.type.dbType(this as Field);
	}

	/** What an unsaved instance holds when no value was given (Django's `get_default()`). */
	getDefault(): unknown {
		const fallback = this.options.default;
		if (fallback !== undefined)
			return typeof fallback === 'function' ? (fallback as () => T)() : fallback;
		if (!this.type.emptyStringsAllowed || this.isNull) return null;
		return '';
	}

	toPython(value: unknown): { value: unknown } | { error: string } {
		return this.type.toPython(value, this as Field);
	}

	/**
	 * The value as SQLite stores it (Django's `get_db_prep_value`). A value the field cannot
	 * hold fails as in Django: `Field 'id' expected a number but got 'abc'.` for integers,
	 * the field's own message for the others.
	 */
	toDb(value: unknown): SqlValue {
		const python = this.toPython(value);
		if ('error' in python) {
			const numeric = /Integer|Auto|ForeignKey/.test(this.kind);
			const error = new Error(
				numeric ? `Field '${this.name}' expected a number but got ${pyQuote(value)}.` : python.error
			);
			error.name = numeric ? 'ValueError' : 'ValidationError';
			throw error;
		}
		const clean = python.value;
		if (clean === undefined) return null;
		return this.type.toDb ? this.type.toDb(clean) : (clean as SqlValue);
	}

	fromDb(raw: SqlValue): unknown {
		return this.type.fromDb ? this.type.fromDb(raw, this as Field) : raw;
	}

	/** Django's `Field.clean()`: to_python, then validate (null, blank, choices), then validators. */
	clean(value: unknown): string[] {
		const python = this.toPython(value);
		if ('error' in python) return [this.options.errorMessages?.invalid ?? python.error];
		const clean = python.value;
		if ((clean === null || clean === undefined) && !this.isNull)
			return [this.options.errorMessages?.null ?? 'This field cannot be null.'];
		if (!this.isBlank && (clean === null || clean === undefined || clean === ''))
			return [this.options.errorMessages?.blank ?? 'This field cannot be blank.'];
		const choices = this.options.choices;
		if (choices && clean !== null && clean !== '' && !choices.some(([key]) => key === clean))
			return [
				`Value ${typeof clean === 'string' ? `'${clean}'` : String(clean)} is not a valid choice.`
			];
		if (clean === null || clean === undefined || clean === '') return [];
		const validators = [
			...(this.type.validators?.(this as Field) ?? []),
			...(this.options.validators ?? []),
			...(this.type.rangeValidators?.(this as Field) ?? [])
		];
		return validators.map((check) => check(clean)).filter((m): m is string => m !== null);
	}
}
