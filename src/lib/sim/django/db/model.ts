/**
 * Models: `defineModel({ app, name, fields, meta })` returns a class like a Django model class,
 * with `objects`, `_meta`, `DoesNotExist` and `MultipleObjectsReturned`. Instances carry their
 * field values as plain properties, `pk`, lazy ForeignKey objects (`post.author` runs its own
 * query the first time) and `save()`, `delete()`, `refresh_from_db()`, `full_clean()`.
 *
 * Add model methods by subclassing, and declare the subclass's manager type:
 *
 *     class Post extends defineModel({ app: 'blog', name: 'Post', fields: { ... } }) {
 *         declare static objects: Manager<Post>;
 *         get_absolute_url() { return `/blog/${this.pk}/`; }
 *     }
 *
 * Declare extra instance properties with `declare`, never as class fields: a class field
 * would overwrite the value the base constructor set.
 */
import type { Database } from './database';
import { ObjectDoesNotExist, MultipleObjectsReturned } from './errors';
import { ForeignKeyField } from './field-constructors';
import type { Field } from './fields';
import { ModelMeta, type MetaOptions } from './meta';
import { clean, deleteInstance, refresh, save, type SaveOptions } from './persistence';
import { Manager, type QuerySet } from './queryset';
import { forwardRelated, reverseManager } from './related';

export interface ModelState {
	db: Database | undefined;
	adding: boolean;
	/** Related objects already loaded (`post.author`), by field name. */
	cache: Map<string, Model | null>;
}

/** Set while a row from the database becomes an instance: no defaults are applied then. */
let fromRow = false;

export class Model {
	static _meta: ModelMeta;
	/** The database `migrate()` bound the model to; `Model.objects.using(db)` chooses another. */
	static _db: Database | undefined;
	static DoesNotExist: new () => ObjectDoesNotExist;
	static MultipleObjectsReturned: new (found: number, limit: number) => MultipleObjectsReturned;
	static str?: (instance: never) => string;

	declare _state: ModelState;

	static get objects(): Manager<Model> {
		return new Manager(this as unknown as ModelClass<Model>);
	}

	constructor(values: Record<string, unknown> = {}) {
		Object.defineProperty(this, '_state', {
			value: { db: undefined, adding: true, cache: new Map() },
			writable: true,
			enumerable: false
		});
		if (fromRow) return;
		const self = this as unknown as Record<string, unknown>;
		for (const field of this.meta.fields) {
			const given = values[field.name];
			if (field instanceof ForeignKeyField) {
				if (given instanceof Model) self[field.name] = given;
				else self[field.attname] = values[field.attname] ?? given ?? field.getDefault();
			} else self[field.name] = field.name in values ? given : field.getDefault();
		}
		if ('pk' in values) this.pk = values.pk as number;
	}

	/** Build an instance from column values, as Django's `Model.from_db()`. */
	static fromDb<I extends Model>(this: ModelClass<I>, db: Database, values: unknown[]): I {
		fromRow = true;
		let instance: I;
		try {
			instance = new this();
		} finally {
			fromRow = false;
		}
		const self = instance as unknown as Record<string, unknown>;
		this._meta.fields.forEach((field, i) => {
			self[field.attname] = field.fromDb(values[i] as never);
		});
		instance._state.db = db;
		instance._state.adding = false;
		return instance;
	}

	get meta(): ModelMeta {
		return (this.constructor as typeof Model)._meta;
	}

	get pk(): number {
		return (this as unknown as Record<string, number>)[this.meta.pk.attname];
	}
	set pk(value: number) {
		(this as unknown as Record<string, unknown>)[this.meta.pk.attname] = value;
	}

	/** The database this instance came from or will be saved to. */
	get db(): Database {
		const db = this._state.db ?? (this.constructor as typeof Model)._db;
		if (!db) throw new Error(`${this.meta.objectName} is not bound to a database: run migrate().`);
		return db;
	}

	save(options: SaveOptions = {}): void {
		save(this, options);
	}

	/** Delete this row and what CASCADE takes with it: `[total, { 'blog.Post': 1 }]`. */
	delete(): [number, Record<string, number>] {
		return deleteInstance(this);
	}

	refresh_from_db(): void {
		refresh(this);
	}

	/** Hook for model-wide checks, as Django's `Model.clean()`; throw a ValidationError. */
	clean(): void {}

	/** `clean_fields()`, `clean()` and `validate_unique()`; throws a ValidationError. */
	full_clean(options: { exclude?: string[]; validateUnique?: boolean } = {}): void {
		clean(this, options.exclude ?? [], options.validateUnique ?? true);
	}

	/** A related object or manager by attribute name: `post.related('author')`, `user.related('posts')`. */
	related<T = unknown>(name: string): T {
		const field = this.meta.findField(name);
		if (field instanceof ForeignKeyField) return forwardRelated(this, field) as T;
		return reverseManager(this, name) as T;
	}

	/** Django's `__str__`: `"Post object (3)"` unless the model defines `str`. */
	toString(): string {
		const str = (this.constructor as typeof Model).str as ((i: Model) => string) | undefined;
		return str ? str(this) : `${this.meta.objectName} object (${this.pk ?? 'None'})`;
	}

	/** How the instance appears in an ORM expression: the lowercase model name, as a variable. */
	toPython(): string {
		return this.meta.modelName;
	}

	/**
	 * Django's `Model.__eq__`: two instances are equal when they are of the same concrete model and
	 * have the same primary key, even if they were loaded separately (`user == post.author`). An
	 * unsaved instance (no primary key) is equal only to itself.
	 */
	__eq__(other: unknown): boolean {
		if (!(other instanceof Model)) return false;
		if (this.meta !== other.meta) return false;
		const pk = this.pk as number | null | undefined;
		if (pk === null || pk === undefined) return this === other;
		return pk === other.pk;
	}

	/** Python's `str()` and `repr()`, which the template engine and the inspector call. */
	__str__(): string {
		return this.toString();
	}
	__repr__(): string {
		return `<${this.meta.objectName}: ${this.toString()}>`;
	}
}

// Django marks methods that change data so that templates never call them.
for (const name of ['save', 'delete'] as const)
	Object.assign(Model.prototype[name], { alters_data: true });

/** A model class (the value `defineModel` returns, or a subclass of it). */
export interface ModelClass<I extends Model = Model> {
	new (values?: Record<string, unknown>): I;
	readonly _meta: ModelMeta;
	_db: Database | undefined;
	readonly objects: Manager<I>;
	readonly DoesNotExist: new () => ObjectDoesNotExist;
	readonly MultipleObjectsReturned: new (found: number, limit: number) => MultipleObjectsReturned;
	fromDb(db: Database, values: unknown[]): I;
}

export type FieldMap = Record<string, Field<unknown>>;
type ValueOf<F> = F extends Field<infer T> ? T : never;
type FkIdOf<F> =
	F extends ForeignKeyField<infer T> ? (null extends T ? number | null : number) : never;

/** The properties an instance of a model with fields `F` has. */
export type Values<F extends FieldMap> = { -readonly [K in keyof F]: ValueOf<F[K]> } & {
	-readonly [
		K in keyof F as F[K] extends ForeignKeyField<unknown> ? `${K & string}_id` : never
	]: FkIdOf<F[K]>;
} & { id: number };

export type Instance<F extends FieldMap> = Model & Values<F>;

export interface ModelSpec<F extends FieldMap> {
	app: string;
	name: string;
	fields: F;
	meta?: MetaOptions;
	/** Django's `__str__`. */
	str?: (instance: Instance<F>) => string;
}

export interface DefinedModel<F extends FieldMap> extends Omit<ModelClass<Instance<F>>, never> {
	new (values?: Partial<Values<F>>): Instance<F>;
}

export function defineModel<F extends FieldMap>(spec: ModelSpec<F>): DefinedModel<F> {
	const meta = new ModelMeta(spec.app, spec.name, spec.fields as Record<string, Field>, spec.meta);
	class DoesNotExist extends ObjectDoesNotExist {
		constructor() {
			super(meta.objectName);
		}
	}
	class Multiple extends MultipleObjectsReturned {
		constructor(found: number, limit: number) {
			super(meta.objectName, found, limit);
		}
	}
	const Defined = class extends Model {
		static override _meta = meta;
		static override _db: Database | undefined = undefined;
		static override DoesNotExist = DoesNotExist;
		static override MultipleObjectsReturned = Multiple;
		static override str = spec.str as ((instance: never) => string) | undefined;
	};
	Object.defineProperty(Defined, 'name', { value: spec.name });
	for (const field of meta.foreignKeys) {
		Object.defineProperty(Defined.prototype, field.name, {
			get(this: Model) {
				return forwardRelated(this, field);
			},
			set(this: Model, value: Model | null) {
				(this as unknown as Record<string, unknown>)[field.attname] = value ? value.pk : null;
				this._state.cache.set(field.name, value);
			},
			configurable: true
		});
	}
	return Defined as unknown as DefinedModel<F>;
}

export type { QuerySet };
