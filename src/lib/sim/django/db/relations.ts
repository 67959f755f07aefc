/**
 * Finding the other end of a ForeignKey: the model it points to (a class, a thunk, or a label
 * such as `'auth.User'` looked up among the database's migrated models) and, the other way,
 * every ForeignKey that points at a model (`user.posts`, `post.comment_set`).
 */
import type { Database } from './database';
import { ForeignKeyField } from './field-constructors';
import type { ModelMeta } from './meta';
import type { ModelClass } from './model';
import type { Relations } from './sql-compiler';

function isModelClass(value: unknown): value is ModelClass {
	return typeof value === 'function' && '_meta' in value;
}

export function targetModel(
	db: Database | undefined,
	field: ForeignKeyField,
	from: ModelMeta
): ModelClass {
	const target = field.target;
	if (isModelClass(target)) return db?.models.get(target._meta.label) ?? target;
	if (typeof target === 'function') {
		const model = (target as () => ModelClass)();
		return db?.models.get(model._meta.label) ?? model;
	}
	const label = String(target).includes('.')
		? String(target)
		: `${from.appLabel}.${String(target)}`;
	const model = db?.models.get(label);
	if (!model)
		throw new Error(
			`${from.label}.${field.name} points to '${label}', which is not migrated in this database.`
		);
	return model;
}

export interface Reverse {
	model: ModelClass;
	field: ForeignKeyField;
	/** The attribute on the parent instance: `related_name`, or `<model>_set`. */
	accessor: string;
	/** The name used in filters: `related_name`, or the model name (`comment`). */
	queryName: string;
}

/** Every ForeignKey in the database's models that points at `meta`. */
export function reverseRelations(db: Database, meta: ModelMeta): Reverse[] {
	const found: Reverse[] = [];
	for (const model of db.models.values()) {
		for (const field of model._meta.foreignKeys) {
			if (targetModel(db, field, model._meta)._meta.label !== meta.label) continue;
			const relatedName = field.fkOptions.relatedName;
			found.push({
				model,
				field,
				accessor: relatedName ?? `${model._meta.modelName}_set`,
				queryName: relatedName ?? model._meta.modelName
			});
		}
	}
	return found;
}

/** The compiler's view of the database's relations. */
export function relationsOf(db: Database): Relations {
	return {
		target: (field) => {
			const owner = [...db.models.values()].find((m) => m._meta.fields.includes(field));
			return targetModel(db, field, owner?._meta ?? ({ appLabel: '', label: '?' } as ModelMeta))
				._meta;
		},
		reverseNames: (meta) => reverseRelations(db, meta).map((r) => r.queryName),
		reverse: (meta, name) => {
			const reverse = reverseRelations(db, meta).find((r) => r.queryName === name);
			return reverse && { meta: reverse.model._meta, field: reverse.field };
		}
	};
}

export { ForeignKeyField };
