/**
 * The chainable half of a QuerySet: `filter()`, `exclude()`, `order_by()`, slicing and the
 * rest. Each call returns a new QuerySet with one more piece of query state and one more piece
 * of Python text (`.filter(pk=3)`); nothing runs until the QuerySet is evaluated.
 */
import type { Database } from './database';
import { filterArgs, QNode, toQ, type Filter } from './expressions';
import type { Model, ModelClass } from './model';
import { pyArgs } from './python-repr';
import { isSliced, type QueryState } from './query';
import type { QuerySet } from './queryset';

export abstract class QuerySetBuilder<I extends Model> {
	constructor(
		readonly model: ModelClass<I>,
		protected readonly boundDb: Database | undefined,
		protected readonly state: QueryState,
		/** The Python expression so far, e.g. `Post.objects.filter(pk=3)`. */
		readonly python: string,
		/** Replaces the Python text in what the next evaluation reports (`post.author`). */
		protected readonly ormText?: string
	) {}

	/** A QuerySet of the same model with other state or text. */
	protected abstract make(
		db: Database | undefined,
		state: QueryState,
		python: string,
		ormText?: string
	): QuerySet<I>;

	protected chain(python: string, patch: Partial<QueryState> = {}): QuerySet<I> {
		return this.make(this.boundDb, { ...this.state, ...patch }, python);
	}

	get db(): Database {
		const db = this.boundDb ?? this.model._db;
		if (!db)
			throw new Error(`${this.model._meta.objectName} is not bound to a database: run migrate().`);
		return db;
	}

	/** Run on another database (Django's `using()`); the Python text stays the same. */
	using(db: Database): QuerySet<I> {
		return this.make(db, this.state, this.python);
	}

	/** Show `text` as the ORM expression of the next evaluation (e.g. `post.author`). */
	withOrm(text: string): QuerySet<I> {
		return this.make(this.boundDb, this.state, this.python, text);
	}

	/**
	 * `Post.objects.all()`. On a QuerySet, `all()` is only a copy (DRF's and the generic views'
	 * `get_queryset()` call it on `queryset = Post.objects.all()`): the expression stays as the
	 * project wrote it, never `Post.objects.all().all()`. A manager's expression (`Post.objects`,
	 * `post.comments`) ends with a name; a QuerySet's with a call or a slice.
	 */
	all(): QuerySet<I> {
		const queryset = /[)\]]$/.test(this.python);
		return this.chain(queryset ? this.python : `${this.python}.all()`);
	}

	private addWhere(q: QNode, method: string, args: readonly Filter[]): QuerySet<I> {
		if (isSliced(this.state))
			throw new TypeError('Cannot filter a query once a slice has been taken.');
		const root = this.state.where;
		// AND-ed keyword arguments join the root's children, as Django's add_q() does.
		const added = !q.negated && q.connector === 'AND' ? q.children : [q];
		const where = new QNode({}, 'AND', false, [...root.children, ...added]);
		return this.chain(`${this.python}.${method}(${filterArgs(args)})`, { where });
	}

	filter(...args: Filter[]): QuerySet<I> {
		return this.addWhere(toQ(args), 'filter', args);
	}

	exclude(...args: Filter[]): QuerySet<I> {
		return this.addWhere(toQ(args).not(), 'exclude', args);
	}

	order_by(...fields: string[]): QuerySet<I> {
		if (isSliced(this.state))
			throw new TypeError('Cannot reorder a query once a slice has been taken.');
		return this.chain(`${this.python}.order_by(${pyArgs(fields)})`, { ordering: fields });
	}

	/** True when the rows come in a defined order (order_by() or Meta.ordering). */
	get ordered(): boolean {
		return (this.state.ordering ?? this.model._meta.ordering).length > 0;
	}

	reverse(): QuerySet<I> {
		const ordering = (this.state.ordering ?? this.model._meta.ordering).map((item) =>
			item.startsWith('-') ? item.slice(1) : `-${item}`
		);
		return this.chain(`${this.python}.reverse()`, { ordering });
	}

	/** Python's `qs[start:end]`: LIMIT and OFFSET. */
	slice(start: number, end?: number): QuerySet<I> {
		if (start < 0 || (end !== undefined && end < 0))
			throw new Error('Negative indexing is not supported.');
		const low = this.state.low + start;
		let high = end === undefined ? this.state.high : this.state.low + end;
		if (this.state.high !== null && high !== null) high = Math.min(high, this.state.high);
		const text = `[${start || ''}:${end ?? ''}]`;
		return this.chain(`${this.python}${text}`, {
			low,
			high: high === null ? null : Math.max(high, low)
		});
	}

	/** A QuerySet that matches nothing and never asks the database. */
	none(): QuerySet<I> {
		return this.chain(`${this.python}.none()`, { empty: true });
	}

	distinct(): QuerySet<I> {
		return this.chain(`${this.python}.distinct()`, { distinct: true });
	}

	select_related(...names: string[]): QuerySet<I> {
		return this.chain(`${this.python}.select_related(${pyArgs(names)})`, {
			selectRelated: [...this.state.selectRelated, ...names]
		});
	}
}
