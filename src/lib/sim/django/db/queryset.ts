/**
 * QuerySets: lazy, immutable and chainable, as Django's. Building one runs nothing; evaluating
 * it (iterating, `get()`, `count()`, `first()`, ...) runs one SQL statement through the
 * database, which reports it with the ORM expression as a student would write it in Python.
 * An evaluated QuerySet keeps its rows, so iterating it twice runs one query, as in Django.
 */
import type { Database, SqlValue } from './database';
import { filterArgs, type Filter } from './expressions';
import type { Model, ModelClass } from './model';
import { QuerySetBuilder } from './queryset-builder';
import { collectAndDelete } from './deletion';
import { bulkInsert } from './persistence';
import { pyArgs, pyKwargs } from './python-repr';
import {
	compileSelect,
	compileUpdate,
	EMPTY_STATE,
	isSliced,
	rowsToInstances,
	type QueryState,
	type SelectKind
} from './query';

export type { Filter };

/** Django's `MAX_GET_RESULTS`: get() fetches at most 21 rows to say how many it found. */
const MAX_GET_RESULTS = 21;
/** Django's `REPR_OUTPUT_SIZE`: how many objects `repr(queryset)` shows. */
const REPR_OUTPUT_SIZE = 20;

/** Python's `str()` of a parameter, as `sql % params` pastes it. */
function pyStrParam(value: SqlValue | undefined): string {
	return value === null || value === undefined ? 'None' : String(value);
}

export class QuerySet<I extends Model = Model> extends QuerySetBuilder<I> implements Iterable<I> {
	private resultCache: I[] | undefined;

	protected make(
		db: Database | undefined,
		state: QueryState,
		python: string,
		ormText?: string
	): QuerySet<I> {
		return new QuerySet(this.model, db, state, python, ormText);
	}

	private select(kind: SelectKind, orm: string, state = this.state) {
		const compiled = compileSelect(this.db, this.model._meta, state, kind);
		return { ...this.db.run(compiled.sql, compiled.params, this.ormText ?? orm), compiled };
	}

	private fetch(state: QueryState, orm: string): I[] {
		if (state.empty) return [];
		const { rows, compiled } = this.select({ kind: 'rows' }, orm, state);
		return rowsToInstances(this.db, this.model, rows, compiled.related);
	}

	/** Evaluate: `list(queryset)`. */
	list(): I[] {
		this.resultCache ??= this.fetch(this.state, this.python);
		return [...this.resultCache];
	}

	[Symbol.iterator](): Iterator<I> {
		return this.list()[Symbol.iterator]();
	}

	/** `len(queryset)`: evaluates and counts the rows in Python, as Django does. */
	get length(): number {
		return this.list().length;
	}

	/** `qs[index]`: one row, with LIMIT 1 OFFSET index. */
	at(index: number): I {
		const sliced = this.slice(index, index + 1);
		const [instance] = sliced.fetch(sliced.state, `${this.python}[${index}]`);
		if (!instance) throw new RangeError('list index out of range');
		return instance;
	}

	/** Exactly one object, or `DoesNotExist` / `MultipleObjectsReturned` with Django's message. */
	get(...args: Filter[]): I {
		const filtered = args.length ? this.filter(...args) : this;
		// Django's get() drops the ordering and asks for at most 21 rows.
		const state = { ...filtered.state, ordering: [], high: filtered.state.high ?? MAX_GET_RESULTS };
		const found = this.fetchWith(filtered, state, `${this.python}.get(${filterArgs(args)})`);
		if (found.length === 1) return found[0];
		if (!found.length) throw new this.model.DoesNotExist();
		throw new this.model.MultipleObjectsReturned(found.length, MAX_GET_RESULTS);
	}

	private fetchWith(qs: QuerySet<I>, state: QueryState, orm: string): I[] {
		return new QuerySet(this.model, this.boundDb, state, qs.python, this.ormText).fetch(state, orm);
	}

	/** The first object in order (by pk when unordered), or null. */
	first(): I | null {
		const qs = this.ordered ? this : this.order_by('pk');
		const sliced = qs.slice(0, 1);
		return this.fetchWith(sliced, sliced.state, `${this.python}.first()`)[0] ?? null;
	}

	last(): I | null {
		const qs = this.ordered ? this.reverse() : this.order_by('-pk');
		const sliced = qs.slice(0, 1);
		return this.fetchWith(sliced, sliced.state, `${this.python}.last()`)[0] ?? null;
	}

	exists(): boolean {
		if (this.resultCache) return this.resultCache.length > 0;
		if (this.state.empty) return false;
		return this.select({ kind: 'exists' }, `${this.python}.exists()`).rows.length > 0;
	}

	count(): number {
		if (this.resultCache) return this.resultCache.length;
		if (this.state.empty) return 0;
		return Number(this.select({ kind: 'count' }, `${this.python}.count()`).rows[0][0]);
	}

	/** Dicts of the named fields (all when none): `values('id', 'author__username')`. */
	values(...paths: string[]): Record<string, unknown>[] {
		const names = paths.length ? paths : this.model._meta.fields.map((f) => f.attname);
		const { rows } = this.select(
			{ kind: 'values', paths: names },
			`${this.python}.values(${pyArgs(paths)})`
		);
		return rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]])));
	}

	/** Tuples of the named fields, or a flat list with `{ flat: true }` and one field. */
	values_list(...args: Array<string | { flat: boolean }>): unknown[] {
		const paths = args.filter((arg): arg is string => typeof arg === 'string');
		const flat = args.some((arg) => typeof arg === 'object' && arg.flat);
		const names = paths.length ? paths : this.model._meta.fields.map((f) => f.attname);
		const kwargs = flat ? { flat: true } : {};
		const { rows } = this.select(
			{ kind: 'values', paths: names },
			`${this.python}.values_list(${pyArgs(paths, kwargs)})`
		);
		return flat ? rows.map((row) => row[0]) : rows;
	}

	/** A new saved object: INSERT, as `Model.objects.create(**kwargs)`. */
	create(values: Readonly<Record<string, unknown>>): I {
		const instance = new this.model({ ...this.state.createDefaults, ...values });
		instance._state.db = this.db;
		instance.save({ forceInsert: true, orm: `${this.python}.create(${pyKwargs(values)})` });
		return instance;
	}

	/** Look up an object, or create it: `[object, created]`. */
	get_or_create(
		lookup: Readonly<Record<string, unknown>>,
		defaults: Readonly<Record<string, unknown>> = {}
	): [I, boolean] {
		const kwargs = Object.keys(defaults).length ? { ...lookup, defaults } : lookup;
		const orm = this.ormText ?? `${this.python}.get_or_create(${pyKwargs(kwargs)})`;
		const qs = this.withOrm(orm);
		try {
			return [qs.get(lookup), false];
		} catch (error) {
			if (!(error instanceof this.model.DoesNotExist)) throw error;
			const plain = Object.fromEntries(
				Object.entries(lookup).filter(([key]) => !key.includes('__'))
			);
			const instance = new this.model({ ...this.state.createDefaults, ...plain, ...defaults });
			instance._state.db = this.db;
			instance.save({ forceInsert: true, orm });
			return [instance, true];
		}
	}

	/** UPDATE every matching row in one statement; returns how many rows changed. */
	update(values: Readonly<Record<string, unknown>>): number {
		if (isSliced(this.state))
			throw new TypeError('Cannot update a query once a slice has been taken.');
		if (this.state.empty) return 0;
		const { sql, params } = compileUpdate(this.db, this.model._meta, this.state, values);
		const orm = this.ormText ?? `${this.python}.update(${pyKwargs(values)})`;
		return this.db.run(sql, params, orm).rowsAffected;
	}

	/** Insert many objects with one INSERT; they get their ids, as on SQLite Django does. */
	bulk_create(objects: I[]): I[] {
		const orm = `${this.python}.bulk_create([...])`;
		// Django inserts in batches inside one transaction (atomic(savepoint=False)).
		const insert = () => bulkInsert(this.db, this.model, objects, orm);
		if (this.db.inAtomicBlock) insert();
		else this.db.atomic(insert);
		return objects;
	}

	/** Delete every matching row and what CASCADE takes along: `[total, { 'blog.Post': n }]`. */
	delete(): [number, Record<string, number>] {
		if (isSliced(this.state)) throw new TypeError("Cannot use 'limit' or 'offset' with delete().");
		return collectAndDelete(
			this.db,
			this.model,
			this.state,
			this.ormText ?? `${this.python}.delete()`
		);
	}

	/**
	 * The SQL and parameters this QuerySet would run. `String(qs.query)` is Django's
	 * `str(queryset.query)`: the values pasted in, unquoted, which Django warns is not valid SQL.
	 */
	get query(): { sql: string; params: SqlValue[]; toString(): string } {
		const { sql, params } = compileSelect(this.db, this.model._meta, this.state, { kind: 'rows' });
		let i = 0;
		const pasted = () => sql.replace(/\?/g, () => pyStrParam(params[i++]));
		return { sql, params, toString: pasted };
	}

	toPython(): string {
		return this.python;
	}

	/**
	 * Python's `repr()`: `<QuerySet [<Post: Hello>, ...]>`, from the cached rows or from a query
	 * for at most 21 rows (Django's REPR_OUTPUT_SIZE + 1), as Django prints it.
	 */
	__repr__(): string {
		const rows = this.resultCache ?? this.slice(0, REPR_OUTPUT_SIZE + 1).list();
		const items = rows.slice(0, REPR_OUTPUT_SIZE).map((row) => row.__repr__());
		if (rows.length > REPR_OUTPUT_SIZE) items.push("'...(remaining elements truncated)...'");
		return `<QuerySet [${items.join(', ')}]>`;
	}
	__str__(): string {
		return this.__repr__();
	}
	toString(): string {
		return this.__repr__();
	}
}

// As Django: templates never call the methods that change data.
for (const name of ['create', 'get_or_create', 'update', 'delete', 'bulk_create'] as const)
	Object.assign(QuerySet.prototype[name], { alters_data: true });

/** `Model.objects`: where every QuerySet starts. */
export class Manager<I extends Model = Model> extends QuerySet<I> {
	constructor(model: ModelClass<I>, db?: Database) {
		super(model, db, EMPTY_STATE, `${model._meta.objectName}.objects`);
	}
}
