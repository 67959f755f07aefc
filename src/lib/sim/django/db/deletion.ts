/**
 * Deleting rows the way Django's Collector does: first SELECT what ON DELETE rules reach
 * (CASCADE, PROTECT, SET_NULL), then, in one transaction, delete the children, clear the
 * SET_NULL columns and delete the rows themselves. Models nothing points to are deleted with
 * one `DELETE ... WHERE` ("fast delete").
 */
import type { Database, SqlValue } from './database';
import { EMPTY_STATE, compileSelect, compileWriteWhere, type QueryState } from './query';
import { QNode } from './expressions';
import type { ModelClass } from './model';
import { reverseRelations } from './relations';
import { quote } from './sql-compiler';

export class ProtectedError extends Error {
	constructor(model: string, through: string) {
		super(
			`Cannot delete some instances of model '${model}' because they are referenced through protected foreign keys: '${through}'.`
		);
		this.name = 'ProtectedError';
	}
}

type Step = () => void;

function inList(column: string, pks: readonly SqlValue[]): string {
	return `${column} IN (${pks.map(() => '?').join(', ')})`;
}

export function collectAndDelete(
	db: Database,
	model: ModelClass,
	state: QueryState,
	orm: string
): [number, Record<string, number>] {
	const meta = model._meta;
	if (!reverseRelations(db, meta).length) {
		const where = compileWriteWhere(db, meta, state);
		const n = db.run(
			`DELETE FROM ${quote(meta.dbTable)}${where.sql}`,
			where.params,
			orm
		).rowsAffected;
		return [n, n ? { [meta.label]: n } : {}];
	}
	const compiled = compileSelect(db, meta, { ...state, ordering: [] }, { kind: 'rows' });
	const pks = db.run(compiled.sql, compiled.params, orm).rows.map((row) => row[0]);
	return collectAndDeletePks(db, model, pks, orm);
}

export function collectAndDeletePks(
	db: Database,
	model: ModelClass,
	pks: readonly SqlValue[],
	orm: string
): [number, Record<string, number>] {
	const counts: Record<string, number> = {};
	const steps: Step[] = [];
	// As Django's Collector: a model appears in the counts only when rows of it were deleted.
	const count = (label: string, n: number) => {
		if (n) counts[label] = (counts[label] ?? 0) + n;
	};

	const collect = (current: ModelClass, ids: readonly SqlValue[]) => {
		if (!ids.length) return;
		const meta = current._meta;
		for (const reverse of reverseRelations(db, meta)) {
			const child = reverse.model._meta;
			const fkColumn = `${quote(child.dbTable)}.${quote(reverse.field.column)}`;
			const onDelete = reverse.field.onDelete;
			if (onDelete === 'DO_NOTHING') continue;
			if (onDelete === 'CASCADE' && !reverseRelations(db, child).length) {
				steps.push(() => {
					const sql = `DELETE FROM ${quote(child.dbTable)} WHERE ${inList(fkColumn, ids)}`;
					count(child.label, db.run(sql, [...ids], orm).rowsAffected);
				});
				continue;
			}
			// Django asks only for the ids (`.only(pk)`), in the child's Meta.ordering.
			const where = new QNode({ [`${reverse.field.name}__in`]: [...ids] });
			const select = compileSelect(
				db,
				child,
				{ ...EMPTY_STATE, where },
				{ kind: 'values', paths: ['pk'] }
			);
			const related = db.run(select.sql, select.params, orm).rows.map((row) => row[0]);
			if (!related.length) continue;
			if (onDelete === 'PROTECT')
				throw new ProtectedError(meta.objectName, `${child.objectName}.${reverse.field.name}`);
			if (onDelete === 'SET_NULL') {
				const pkColumn = `${quote(child.dbTable)}.${quote(child.pk.column)}`;
				steps.push(() => {
					const sql = `UPDATE ${quote(child.dbTable)} SET ${quote(reverse.field.column)} = NULL WHERE ${inList(pkColumn, related)}`;
					db.run(sql, related, orm);
				});
			} else collect(reverse.model, related);
		}
		const pkColumn = `${quote(meta.dbTable)}.${quote(meta.pk.column)}`;
		steps.push(() => {
			const sql = `DELETE FROM ${quote(meta.dbTable)} WHERE ${inList(pkColumn, ids)}`;
			count(meta.label, db.run(sql, [...ids], orm).rowsAffected);
		});
	};

	collect(model, pks);
	// Children were pushed before their parents, so running in order respects the keys.
	const run = () => steps.forEach((step) => step());
	if (steps.length > 1 && !db.inAtomicBlock) db.atomic(run);
	else run();
	const total = Object.values(counts).reduce((a, b) => a + b, 0);
	return [total, counts];
}
