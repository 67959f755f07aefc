/**
 * Following relations from an instance: `post.author` (forward: one query the first time, then
 * cached on the instance, as Django's descriptor does) and `user.posts` / `post.comment_set`
 * (reverse: a manager whose QuerySets are filtered on the ForeignKey).
 */
import { EMPTY_STATE } from './query';
import { ObjectDoesNotExist } from './errors';
import { QNode } from './expressions';
import type { ForeignKeyField } from './field-constructors';
import type { Model } from './model';
import { QuerySet } from './queryset';
import { reverseRelations, targetModel } from './relations';

export function forwardRelated(instance: Model, field: ForeignKeyField): Model | null {
	const cache = instance._state.cache;
	if (cache.has(field.name)) return cache.get(field.name) ?? null;
	const id = (instance as unknown as Record<string, unknown>)[field.attname];
	if (id === null || id === undefined) return null;
	const db = instance.db;
	const target = targetModel(db, field, instance.meta);
	const related = target.objects
		.using(db)
		.withOrm(`${instance.meta.modelName}.${field.name}`)
		.get({ pk: id });
	cache.set(field.name, related);
	return related;
}

/** `user.posts`: a QuerySet of the children, whose `create()` links them to this instance. */
export function reverseManager(instance: Model, accessor: string): QuerySet {
	const db = instance.db;
	const reverse = reverseRelations(db, instance.meta).find((r) => r.accessor === accessor);
	if (!reverse)
		throw new Error(`'${instance.meta.objectName}' object has no attribute '${accessor}'`);
	const where = new QNode({ [reverse.field.name]: instance.pk });
	return new QuerySet(
		reverse.model,
		db,
		{ ...EMPTY_STATE, where, createDefaults: { [reverse.field.attname]: instance.pk } },
		`${instance.meta.modelName}.${accessor}`
	);
}

/**
 * The reverse of a unique ForeignKey (Django's OneToOneField): `user.auth_token` is one object,
 * or `RelatedObjectDoesNotExist` ("User has no auth_token.").
 */
export function reverseOne(instance: Model, accessor: string): Model {
	const qs = reverseManager(instance, accessor).withOrm(`${instance.meta.modelName}.${accessor}`);
	try {
		return qs.get();
	} catch (error) {
		if (error instanceof qs.model.DoesNotExist)
			throw new RelatedObjectDoesNotExist(`${instance.meta.objectName} has no ${accessor}.`);
		throw error;
	}
}

/** Django's `RelatedObjectDoesNotExist`: a DoesNotExist, so a template renders it as ''. */
export class RelatedObjectDoesNotExist extends ObjectDoesNotExist {
	constructor(message: string) {
		super('', message);
		this.name = 'RelatedObjectDoesNotExist';
	}
}

/** Give each parent model's instances a property per reverse relation (`user.posts`). */
export function installReverseAccessors(db: Parameters<typeof reverseRelations>[0]): void {
	for (const model of db.models.values()) {
		for (const reverse of reverseRelations(db, model._meta)) {
			const proto = model.prototype as object;
			if (Object.getOwnPropertyDescriptor(proto, reverse.accessor)) continue;
			Object.defineProperty(proto, reverse.accessor, {
				get(this: Model) {
					return reverse.field.options.unique
						? reverseOne(this, reverse.accessor)
						: reverseManager(this, reverse.accessor);
				},
				configurable: true
			});
		}
	}
}
