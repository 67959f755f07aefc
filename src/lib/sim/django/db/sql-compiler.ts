/**
 * Builds the SQL Django's compiler would print for a query: every column named with its table
 * (`"blog_post"."id"`), a JOIN per relation followed (`INNER JOIN "auth_user" ON (...)`),
 * conditions from filter()/exclude() in Django's grouping, ORDER BY and LIMIT/OFFSET.
 * Values always become `?` parameters.
 */
import { FieldError } from './errors';
import { Combined, FRef, QNode, type Condition } from './expressions';
import { ForeignKeyField } from './field-constructors';
import type { Field, SqlValue } from './fields';
import { isLookup, lookupSql, yearSql, type LookupName } from './lookups';
import type { ModelMeta } from './meta';

/** How the compiler learns about other models (the database's registry answers). */
export interface Relations {
	target(field: ForeignKeyField): ModelMeta;
	/** A reverse relation by query name (`posts`, or `comment` without related_name). */
	reverse(meta: ModelMeta, name: string): { meta: ModelMeta; field: ForeignKeyField } | undefined;
	/** The query names of every reverse relation of `meta` (for FieldError's list of choices). */
	reverseNames(meta: ModelMeta): string[];
}

export interface Resolved {
	column: string;
	field: Field;
	meta: ModelMeta;
	alias: string;
	/** What remains after the field: lookups such as `['year', 'gte']`. */
	rest: string[];
}

export const quote = (name: string) => `"${name}"`;

/** A model instance used as a value means its primary key. */
export function toValue(value: unknown): unknown {
	if (typeof value === 'object' && value !== null && 'pk' in value && '_state' in value)
		return (value as { pk: unknown }).pk;
	return value;
}

/**
 * Aliases as Django makes them: a table's own name the first time, `T3` for a second join to the
 * same table; inside a subquery every table is renamed `U0`, `U1`, ... (Django's bump_prefix).
 */
export interface AliasStyle {
	prefix: 'U';
	first: number;
}

/** Django's FieldError, listing names, attnames and reverse relations, sorted. */
function unknownField(name: string, meta: ModelMeta, reverse: string[]): FieldError {
	const names = new Set([...meta.fields.flatMap((f) => [f.name, f.attname]), ...reverse]);
	return new FieldError(
		`Cannot resolve keyword '${name}' into field. Choices are: ${[...names].sort().join(', ')}`
	);
}

export class SqlCompiler {
	private readonly joins: { key: string; alias: string; sql: string }[] = [];
	private readonly aliases: string[] = [];
	readonly baseAlias: string;

	constructor(
		readonly meta: ModelMeta,
		private readonly relations: Relations,
		private readonly style?: AliasStyle
	) {
		this.baseAlias = style ? `${style.prefix}${style.first}` : meta.dbTable;
		this.aliases.push(this.baseAlias);
	}

	/** `"auth_user"."id"`, or `T3."id"` / `U1."id"` for an alias. */
	col(alias: string, column: string): string {
		return `${/^[TU]\d+$/.test(alias) ? alias : quote(alias)}.${quote(column)}`;
	}

	/** `"auth_user"` or `"auth_user" U1`. */
	private tableSql(table: string, alias: string): string {
		return alias === table ? quote(table) : `${quote(table)} ${alias}`;
	}

	private join(key: string, table: string, on: (alias: string) => string, outer: boolean): string {
		const existing = this.joins.find((join) => join.key === key);
		if (existing) return existing.alias;
		let alias: string;
		if (this.style) alias = `${this.style.prefix}${this.style.first + this.aliases.length}`;
		else alias = this.aliases.includes(table) ? `T${this.aliases.length + 1}` : table;
		this.aliases.push(alias);
		const kind = outer ? 'LEFT OUTER JOIN' : 'INNER JOIN';
		this.joins.push({
			key,
			alias,
			sql: `${kind} ${this.tableSql(table, alias)} ON (${on(alias)})`
		});
		return alias;
	}

	/** Follow `author__username__icontains` through joins to a column and its lookups. */
	resolve(path: string, forOrdering = false): Resolved {
		const parts = path.split('__');
		let meta = this.meta;
		let alias = this.baseAlias;
		for (let i = 0; i < parts.length; i++) {
			const name = parts[i];
			const rest = parts.slice(i + 1);
			const field = meta.findField(name);
			if (
				field instanceof ForeignKeyField &&
				field.name === name &&
				rest.length &&
				!isLookup(rest[0])
			) {
				const target = this.relations.target(field);
				// `author__id=1` needs no join: the id is already in `author_id`.
				if ((rest[0] === 'id' || rest[0] === 'pk') && rest.slice(1).every(isLookup))
					return { column: this.col(alias, field.column), field, meta, alias, rest: rest.slice(1) };
				const from = alias;
				alias = this.join(
					`${from}.${field.column}`,
					target.dbTable,
					(to) => `${this.col(from, field.column)} = ${this.col(to, target.pk.column)}`,
					forOrdering && field.isNull
				);
				meta = target;
				continue;
			}
			if (field) return { column: this.col(alias, field.column), field, meta, alias, rest };
			const reverse = this.relations.reverse(meta, name);
			if (!reverse) throw unknownField(name, meta, this.relations.reverseNames(meta));
			const from = alias;
			const parentPk = meta.pk.column;
			alias = this.join(
				`${from}<${reverse.meta.dbTable}.${reverse.field.column}`,
				reverse.meta.dbTable,
				(to) => `${this.col(from, parentPk)} = ${this.col(to, reverse.field.column)}`,
				forOrdering
			);
			meta = reverse.meta;
			if (!rest.length || isLookup(rest[0]))
				return { column: this.col(alias, meta.pk.column), field: meta.pk, meta, alias, rest };
		}
		throw new FieldError(`Cannot resolve '${path}'.`);
	}

	/** An F() expression or a plain value as SQL. */
	expression(value: unknown): { sql: string; params: SqlValue[] } {
		if (value instanceof FRef) return { sql: this.resolve(value.name).column, params: [] };
		if (value instanceof Combined) {
			const lhs = this.expression(value.lhs);
			const rhs = this.expression(value.rhs);
			return {
				sql: `(${lhs.sql} ${value.operator} ${rhs.sql})`,
				params: [...lhs.params, ...rhs.params]
			};
		}
		return { sql: '?', params: [toValue(value) as SqlValue] };
	}

	/**
	 * exclude() across a reverse relation (`exclude(posts__title='x')`) means "no related row
	 * matches", not "some related row does not match": Django's split_exclude() asks
	 * `NOT (EXISTS(SELECT ... WHERE (<condition> AND <fk> = (<outer pk>)) LIMIT 1))`.
	 */
	private excludeSubquery(condition: Condition): { sql: string; params: SqlValue[] } | null {
		const parts = condition.path.split('__');
		let meta = this.meta;
		for (let i = 0; i < parts.length; i++) {
			const field = meta.findField(parts[i]);
			if (field instanceof ForeignKeyField && field.name === parts[i]) {
				meta = this.relations.target(field);
				continue;
			}
			if (field) return null;
			const reverse = this.relations.reverse(meta, parts[i]);
			if (!reverse) return null;
			const outer = this.resolve([...parts.slice(0, i), 'pk'].join('__')).column;
			const sub = new SqlCompiler(reverse.meta, this.relations, { prefix: 'U', first: 1 });
			const rest = parts.slice(i + 1);
			const path = rest.length && !isLookup(rest[0]) ? rest : ['pk', ...rest];
			const inner = sub.condition({ path: path.join('__'), value: condition.value }, false, true);
			const fk = sub.col(sub.baseAlias, reverse.field.column);
			return {
				sql: `EXISTS(SELECT ? AS "a" FROM ${sub.from()} WHERE (${inner.sql} AND ${fk} = (${outer})) LIMIT 1)`,
				params: [1, ...inner.params]
			};
		}
		return null;
	}

	private condition(condition: Condition, negated: boolean, alone: boolean) {
		if (negated) {
			const subquery = this.excludeSubquery(condition);
			if (subquery) return subquery;
		}
		const resolved = this.resolve(condition.path);
		const { column, field } = resolved;
		const [lookup = 'exact'] = resolved.rest;
		let inner: string | undefined = resolved.rest[1];
		const value = toValue(condition.value);
		let sql: { sql: string; params: SqlValue[] };
		if (lookup === 'year') {
			inner ??= 'exact';
			if (!['exact', 'gt', 'gte', 'lt', 'lte'].includes(inner))
				throw new FieldError(`Unsupported lookup 'year__${inner}'.`);
			sql = yearSql(column, inner as 'exact', Number(value));
		} else {
			if (!isLookup(lookup) || inner)
				throw new FieldError(
					`Unsupported lookup '${resolved.rest.join('__')}' for ${field.kind} or join on the field not permitted.`
				);
			const rhs =
				value instanceof FRef || value instanceof Combined ? this.expression(value) : undefined;
			sql = lookupSql(
				column,
				lookup as LookupName,
				Array.isArray(value) ? value.map(toValue) : value,
				field,
				rhs
			);
		}
		// Django: in a negated branch a nullable column must also be NOT NULL, or NULL rows
		// would vanish from exclude() results by SQL's three-valued logic.
		if (negated && field.isNull && lookup !== 'isnull' && value !== null) {
			const both = `${sql.sql} AND ${column} IS NOT NULL`;
			return { sql: alone ? both : `(${both})`, params: sql.params };
		}
		return sql;
	}

	/** A Q tree as SQL: `NOT (...)` when negated, parentheses around two or more parts. */
	where(node: QNode, negated = false): { sql: string; params: SqlValue[] } {
		const inNegation = negated !== node.negated;
		const parts = node.children.map((child) =>
			child instanceof QNode
				? this.where(child, inNegation)
				: this.condition(child, inNegation, node.children.length === 1)
		);
		const nonEmpty = parts.filter((part) => part.sql !== '');
		const params = nonEmpty.flatMap((part) => part.params);
		let sql = nonEmpty.map((part) => part.sql).join(` ${node.connector} `);
		if (!sql) return { sql, params };
		if (node.negated) sql = `NOT (${sql})`;
		else if (nonEmpty.length > 1) sql = `(${sql})`;
		return { sql, params };
	}

	/** `ORDER BY` items: `-created` is `"blog_post"."created" DESC`. */
	orderBy(ordering: readonly string[]): string[] {
		return ordering.map((item) => {
			if (item === '?') return 'RANDOM() ASC';
			const descending = item.startsWith('-');
			const { column } = this.resolve(descending ? item.slice(1) : item, true);
			return `${column} ${descending ? 'DESC' : 'ASC'}`;
		});
	}

	/** Every column of a model, qualified with its alias. */
	columnsOf(meta: ModelMeta, alias: string): string[] {
		return meta.fields.map((field) => this.col(alias, field.column));
	}

	/** Join a forward ForeignKey for select_related(); returns the joined alias and model. */
	joinRelated(name: string): { alias: string; meta: ModelMeta; field: ForeignKeyField } {
		const field = this.meta.getField(name);
		if (!(field instanceof ForeignKeyField))
			throw new FieldError(`Invalid field name(s) given in select_related: '${name}'.`);
		const target = this.relations.target(field);
		const alias = this.join(
			`${this.baseAlias}.${field.column}`,
			target.dbTable,
			(to) => `${this.col(this.baseAlias, field.column)} = ${this.col(to, target.pk.column)}`,
			field.isNull
		);
		return { alias, meta: target, field };
	}

	/** `"blog_post" INNER JOIN ...` */
	from(): string {
		const base = this.tableSql(this.meta.dbTable, this.baseAlias);
		return [base, ...this.joins.map((join) => join.sql)].join(' ');
	}

	get hasJoins(): boolean {
		return this.joins.length > 0;
	}
}
