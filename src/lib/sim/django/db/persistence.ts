/**
 * Writing one instance: `save()` (INSERT ... RETURNING the new id, or UPDATE of every field, as
 * Django's `save_base`), `refresh_from_db()`, `delete()` and `full_clean()`.
 */
import { collectAndDeletePks } from './deletion';
import { NON_FIELD_ERRORS, ValidationError } from './errors';
import { ForeignKeyField } from './field-constructors';
import type { Database } from './database';
import type { Model, ModelClass } from './model';
import { capfirst } from './meta';
import { targetModel } from './relations';
import { quote } from './sql-compiler';

export interface SaveOptions {
	forceInsert?: boolean;
	/** UPDATE only; fail when no row matched (Django's `force_update`). */
	forceUpdate?: boolean;
	/** Only these fields in the UPDATE (Django's `update_fields`). */
	updateFields?: string[];
	/** The ORM expression to report (create() passes its own). */
	orm?: string;
}

type Row = Record<string, unknown>;

function classOf(instance: Model): ModelClass {
	return instance.constructor as ModelClass;
}

export function save(instance: Model, options: SaveOptions): void {
	const meta = instance.meta;
	const db = instance.db;
	const self = instance as unknown as Row;
	const adding = instance._state.adding;
	const orm = options.orm ?? `${meta.modelName}.save()`;
	// Django's _prepare_related_fields_for_save(): a related object must be saved first.
	for (const field of meta.foreignKeys) {
		const related = instance._state.cache.get(field.name);
		if (related && (related.pk === null || related.pk === undefined)) {
			const error = new Error(
				`save() prohibited to prevent data loss due to unsaved related object '${field.name}'.`
			);
			error.name = 'ValueError';
			throw error;
		}
		if (!related) continue;
		// An object saved after it was assigned gives its new id; a changed `_id` wins over it.
		if (self[field.attname] === null || self[field.attname] === undefined)
			self[field.attname] = related.pk;
		else if (self[field.attname] !== related.pk) instance._state.cache.delete(field.name);
	}
	// pre_save(): auto_now on every save, auto_now_add on the first.
	const now = new Date();
	for (const field of meta.fields) {
		if (field.autoNow || (field.autoNowAdd && adding)) self[field.attname] = now;
	}
	const table = quote(meta.dbTable);
	const pkColumn = `${table}.${quote(meta.pk.column)}`;
	const hasPk = instance.pk !== null && instance.pk !== undefined;
	// Django tries an UPDATE first when the key is set, unless the instance is new and its key
	// has a default (then it must be new), or the caller forced an INSERT.
	const pkHasDefault = meta.pk.options.default !== undefined;
	if (hasPk && !options.forceInsert && (!adding || !pkHasDefault || options.forceUpdate)) {
		const fields = meta.fields.filter(
			(f) => f !== meta.pk && (!options.updateFields || options.updateFields.includes(f.name))
		);
		const sets = fields.map((f) => `${quote(f.column)} = ?`).join(', ');
		const params = [...fields.map((f) => f.toDb(self[f.attname])), meta.pk.toDb(instance.pk)];
		const updated = db.run(`UPDATE ${table} SET ${sets} WHERE ${pkColumn} = ?`, params, orm);
		if (updated.rowsAffected > 0 || options.updateFields) {
			instance._state.db = db;
			instance._state.adding = false;
			return;
		}
		if (options.forceUpdate) throw new Error('Forced update did not affect any rows.');
	}
	insertRows(db, classOf(instance), [instance], orm);
}

/** Django's pre_save() for inserts: auto_now and auto_now_add take the current time. */
function preSaveInsert(instance: Model, now: Date): void {
	for (const field of instance.meta.fields)
		if (field.autoNow || field.autoNowAdd) (instance as unknown as Row)[field.attname] = now;
}

/** One INSERT for all the instances, `RETURNING` their new primary keys. */
function insertRows(db: Database, model: ModelClass, instances: Model[], orm: string): void {
	if (!instances.length) return;
	const meta = model._meta;
	const table = quote(meta.dbTable);
	const withPk = instances.some((i) => i.pk !== null && i.pk !== undefined);
	const fields = meta.fields.filter((f) => f !== meta.pk || withPk);
	const columns = fields.map((f) => quote(f.column)).join(', ');
	const marks = `(${fields.map(() => '?').join(', ')})`;
	const params = instances.flatMap((instance) =>
		fields.map((f) => f.toDb((instance as unknown as Row)[f.attname]))
	);
	const result = db.run(
		`INSERT INTO ${table} (${columns}) VALUES ${instances.map(() => marks).join(', ')} RETURNING ${table}.${quote(meta.pk.column)}`,
		params,
		orm
	);
	instances.forEach((instance, i) => {
		instance.pk = meta.pk.fromDb(result.rows[i][0]) as number;
		instance._state.db = db;
		instance._state.adding = false;
	});
}

export function bulkInsert(db: Database, model: ModelClass, instances: Model[], orm: string): void {
	const now = new Date();
	instances.forEach((instance) => preSaveInsert(instance, now));
	insertRows(db, model, instances, orm);
}

export function refresh(instance: Model): void {
	const fresh = classOf(instance)
		.objects.using(instance.db)
		.withOrm(`${instance.meta.modelName}.refresh_from_db()`)
		.get({ pk: instance.pk });
	for (const field of instance.meta.fields)
		(instance as unknown as Row)[field.attname] = (fresh as unknown as Row)[field.attname];
	instance._state.cache.clear();
}

export function deleteInstance(instance: Model): [number, Record<string, number>] {
	if (instance.pk === null || instance.pk === undefined)
		throw new Error(
			`${instance.meta.objectName} object can't be deleted because its id attribute is set to None.`
		);
	const result = collectAndDeletePks(
		instance.db,
		classOf(instance),
		[instance.pk],
		`${instance.meta.modelName}.delete()`
	);
	instance.pk = null as unknown as number;
	return result;
}

/** ForeignKey.validate(): the related row must exist (one `exists()` query). */
function relatedExists(instance: Model, field: ForeignKeyField, value: unknown): string[] {
	const target = targetModel(instance.db, field, instance.meta);
	const found = target.objects.using(instance.db).filter({ pk: value }).exists();
	return found
		? []
		: [
				`${target._meta.verboseName} instance with ${target._meta.pk.name} ${typeof value === 'string' ? `'${value}'` : String(value)} does not exist.`
			];
}

/** Django's full_clean(): clean_fields(), clean(), validate_unique(). */
export function clean(instance: Model, exclude: string[], validateUnique: boolean): void {
	const meta = instance.meta;
	const self = instance as unknown as Row;
	const errors: Record<string, string[]> = {};
	for (const field of meta.fields) {
		if (exclude.includes(field.name) || field === meta.pk) continue;
		const raw = self[field.attname];
		if (field.isBlank && (raw === null || raw === undefined || raw === '')) continue;
		const messages = field.clean(raw);
		if (!messages.length && field instanceof ForeignKeyField && raw !== null && raw !== undefined)
			messages.push(...relatedExists(instance, field, raw));
		if (messages.length) errors[field.name] = messages;
		else {
			const python = field.toPython(raw);
			if ('value' in python && !(field instanceof ForeignKeyField))
				self[field.attname] = python.value;
		}
	}
	try {
		instance.clean();
	} catch (error) {
		if (!(error instanceof ValidationError)) throw error;
		for (const [key, messages] of Object.entries(error.messageDict))
			(errors[key || NON_FIELD_ERRORS] ??= []).push(...messages);
	}
	if (validateUnique) {
		for (const field of meta.fields) {
			if (
				field === meta.pk ||
				!field.isUnique ||
				errors[field.name] ||
				exclude.includes(field.name)
			)
				continue;
			const value = self[field.attname];
			if (value === null || value === undefined) continue;
			let qs = classOf(instance)
				.objects.using(instance.db)
				.filter({ [field.attname]: value });
			if (!instance._state.adding && instance.pk !== null) qs = qs.exclude({ pk: instance.pk });
			if (qs.exists()) {
				const message =
					field.options.errorMessages?.unique ??
					`${capfirst(meta.verboseName)} with this ${capfirst(field.verboseName)} already exists.`;
				errors[field.name] = [message];
			}
		}
	}
	if (Object.keys(errors).length) throw new ValidationError(errors);
}
