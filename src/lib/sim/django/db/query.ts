/**
 * The state behind a QuerySet (Django's `Query`) and the SELECT statements made from it:
 * rows, COUNT(*), EXISTS-style `SELECT 1 ... LIMIT 1`, and the `WHERE` shared with UPDATE and
 * DELETE.
 */
import type { Database, SqlValue } from './database';
import { isExpression, QNode } from './expressions';
import type { ModelMeta } from './meta';
import type { Model, ModelClass } from './model';
import { relationsOf } from './relations';
import { SqlCompiler, quote, toValue } from './sql-compiler';

export interface QueryState {
	/** The root condition: an AND of every filter()/exclude() call. */
	readonly where: QNode;
	/** null means the model's `Meta.ordering`; `[]` after `order_by()` means none. */
	readonly ordering: readonly string[] | null;
	readonly low: number;
	readonly high: number | null;
	readonly selectRelated: readonly string[];
	/** Values a related manager's `create()` fills in (`author_id` for `user.posts`). */
	readonly createDefaults: Readonly<Record<string, unknown>>;
	readonly distinct: boolean;
	/** `none()`: matches nothing, so no query runs (Django raises EmptyResultSet inside). */
	readonly empty: boolean;
}

export const EMPTY_STATE: QueryState = {
	where: new QNode(),
	ordering: null,
	low: 0,
	high: null,
	selectRelated: [],
	createDefaults: {},
	distinct: false,
	empty: false
};

export interface Compiled {
	sql: string;
	params: SqlValue[];
}

export interface CompiledSelect extends Compiled {
	/** For select_related: which slice of each row belongs to which related field. */
	related: { field: string; meta: ModelMeta; start: number }[];
}

export function isSliced(state: QueryState): boolean {
	return state.low !== 0 || state.high !== null;
}

function limitSql(state: QueryState): string {
	if (state.high !== null)
		return ` LIMIT ${state.high - state.low}${state.low ? ` OFFSET ${state.low}` : ''}`;
	// SQLite needs a LIMIT before OFFSET; Django writes -1 ("no limit") there.
	return state.low ? ` LIMIT -1 OFFSET ${state.low}` : '';
}

/** `WHERE ...` text (or '') with its parameters, after the compiler made its joins. */
function whereSql(compiler: SqlCompiler, state: QueryState): Compiled {
	const where = compiler.where(state.where);
	return { sql: where.sql ? ` WHERE ${where.sql}` : '', params: where.params };
}

export type SelectKind =
	| { kind: 'rows' }
	| { kind: 'count' }
	| { kind: 'exists' }
	| { kind: 'values'; paths: readonly string[] };

export function compileSelect(
	db: Database,
	meta: ModelMeta,
	state: QueryState,
	select: SelectKind
): CompiledSelect {
	const compiler = new SqlCompiler(meta, relationsOf(db));
	let columns: string[];
	const related: CompiledSelect['related'] = [];
	if (select.kind === 'count') columns = ['COUNT(*) AS "__count"'];
	// Django's exists() selects `Value(1)`, which is a bound parameter like any value.
	else if (select.kind === 'exists') columns = ['? AS "a"'];
	else if (select.kind === 'values')
		columns = select.paths.map((path) => compiler.resolve(path).column);
	else {
		columns = compiler.columnsOf(meta, compiler.baseAlias);
		for (const name of state.selectRelated) {
			const joined = compiler.joinRelated(name);
			related.push({ field: name, meta: joined.meta, start: columns.length });
			columns.push(...compiler.columnsOf(joined.meta, joined.alias));
		}
	}
	const where = whereSql(compiler, state);
	// Django drops ORDER BY from count() and exists(): the order cannot change the answer.
	const ordering =
		select.kind === 'count' || select.kind === 'exists' ? [] : (state.ordering ?? meta.ordering);
	const orderBy = compiler.orderBy(ordering);
	const order = orderBy.length ? ` ORDER BY ${orderBy.join(', ')}` : '';
	const limit = select.kind === 'exists' ? ' LIMIT 1' : limitSql(state);
	const distinct = state.distinct && select.kind !== 'count' ? 'DISTINCT ' : '';
	let sql = `SELECT ${distinct}${columns.join(', ')} FROM ${compiler.from()}${where.sql}${order}${limit}`;
	if (select.kind === 'count' && isSliced(state)) {
		// Counting a slice counts the rows of the sliced query, as Django's subquery does.
		const inner = `SELECT ${compiler.col(compiler.baseAlias, meta.pk.column)} AS "col1" FROM ${compiler.from()}${where.sql}${order}${limitSql(state)}`;
		sql = `SELECT COUNT(*) FROM (${inner}) subquery`;
	}
	const params = select.kind === 'exists' ? [1, ...where.params] : where.params;
	return { sql, params, related };
}

/**
 * The WHERE for an UPDATE or DELETE on one table. With joins, Django selects the matching
 * primary keys in a subquery: `WHERE "blog_post"."id" IN (SELECT ...)`.
 */
export function compileWriteWhere(db: Database, meta: ModelMeta, state: QueryState): Compiled {
	const compiler = new SqlCompiler(meta, relationsOf(db));
	const where = whereSql(compiler, state);
	if (!compiler.hasJoins) return where;
	const inner = new SqlCompiler(meta, relationsOf(db), { prefix: 'U', first: 0 });
	const innerWhere = whereSql(inner, state);
	const pk = compiler.col(meta.dbTable, meta.pk.column);
	const innerPk = inner.col(inner.baseAlias, meta.pk.column);
	return {
		sql: ` WHERE ${pk} IN (SELECT ${innerPk} FROM ${inner.from()}${innerWhere.sql})`,
		params: innerWhere.params
	};
}

/**
 * `UPDATE "t" SET "col" = ?, ...` for `queryset.update(**values)`: plain values through the
 * field, F() expressions as SQL on the row (`"stock" = ("shop_product"."stock" - ?)`).
 */
export function compileUpdate(
	db: Database,
	meta: ModelMeta,
	state: QueryState,
	values: Readonly<Record<string, unknown>>
): Compiled {
	const compiler = new SqlCompiler(meta, relationsOf(db));
	const params: SqlValue[] = [];
	const sets = Object.entries(values).map(([name, value]) => {
		const field = meta.getField(name);
		const expr = isExpression(value)
			? compiler.expression(value)
			: { sql: '?', params: [field.toDb(toValue(value))] };
		params.push(...expr.params);
		return `${quote(field.column)} = ${expr.sql}`;
	});
	const where = compileWriteWhere(db, meta, state);
	return {
		sql: `UPDATE ${quote(meta.dbTable)} SET ${sets.join(', ')}${where.sql}`,
		params: [...params, ...where.params]
	};
}

export { quote };

/** Model instances from SELECT rows; select_related() objects go into each instance's cache. */
export function rowsToInstances<I extends Model>(
	db: Database,
	model: ModelClass<I>,
	rows: SqlValue[][],
	related: CompiledSelect['related']
): I[] {
	const width = model._meta.fields.length;
	return rows.map((row) => {
		const instance = model.fromDb(db, row.slice(0, width));
		for (const rel of related) {
			const values = row.slice(rel.start, rel.start + rel.meta.fields.length);
			const target = db.models.get(rel.meta.label);
			const obj = values[0] === null || !target ? null : target.fromDb(db, values);
			instance._state.cache.set(rel.field, obj);
		}
		return instance;
	});
}
