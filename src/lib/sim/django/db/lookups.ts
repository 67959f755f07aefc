/**
 * Field lookups (`title__icontains='x'`) turned into SQL the way Django's SQLite backend does
 * (django/db/backends/sqlite3/base.py `operators`, django/db/models/lookups.py).
 *
 * One Django behaviour worth knowing: SQLite's LIKE ignores case for ASCII letters, so on SQLite
 * `contains` and `startswith` match case-insensitively, exactly like `icontains` (Django's
 * database notes say so). We keep that, since it is what a Django site on SQLite does.
 */
import { PythonValueError } from '../exceptions';
import { FieldError } from './errors';
import type { Field, SqlValue } from './fields';

/** The lookups that match a value as it is, or as text (`LIKE`). */
export const MATCH_LOOKUPS = [
	'exact',
	'iexact',
	'contains',
	'icontains',
	'startswith',
	'istartswith',
	'endswith',
	'iendswith'
] as const;

export const LOOKUPS = [
	...MATCH_LOOKUPS,
	'gt',
	'gte',
	'lt',
	'lte',
	'in',
	'isnull',
	'range',
	'year'
] as const;
export type LookupName = (typeof LOOKUPS)[number];

export function isLookup(name: string): name is LookupName {
	return (LOOKUPS as readonly string[]).includes(name);
}

/** Django's `prep_for_like_query`: the value's own `%`, `_` and `\` match literally. */
function likeEscape(value: unknown): string {
	return String(value).replace(/\\/g, '\\\\').replace(/%/g, '\\%').replace(/_/g, '\\_');
}

const LIKE = "LIKE ? ESCAPE '\\'";
const COMPARE: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** SQL for one lookup on a column, with its parameters. `rhs` is already SQL when `rhsSql`. */
export function lookupSql(
	column: string,
	lookup: LookupName,
	value: unknown,
	field: Field,
	rhsSql?: { sql: string; params: SqlValue[] }
): { sql: string; params: SqlValue[] } {
	const prep = (v: unknown): SqlValue => field.toDb(v);
	if (rhsSql && (lookup === 'exact' || lookup in COMPARE)) {
		const op = lookup === 'exact' ? '=' : COMPARE[lookup];
		return { sql: `${column} ${op} ${rhsSql.sql}`, params: rhsSql.params };
	}
	switch (lookup) {
		case 'exact':
			// Django turns `=None` into IS NULL.
			return value === null || value === undefined
				? { sql: `${column} IS NULL`, params: [] }
				: { sql: `${column} = ?`, params: [prep(value)] };
		case 'iexact':
			return { sql: `${column} ${LIKE}`, params: [likeEscape(value)] };
		case 'contains':
		case 'icontains':
			return { sql: `${column} ${LIKE}`, params: [`%${likeEscape(value)}%`] };
		case 'startswith':
		case 'istartswith':
			return { sql: `${column} ${LIKE}`, params: [`${likeEscape(value)}%`] };
		case 'endswith':
		case 'iendswith':
			return { sql: `${column} ${LIKE}`, params: [`%${likeEscape(value)}`] };
		case 'gt':
		case 'gte':
		case 'lt':
		case 'lte':
			return { sql: `${column} ${COMPARE[lookup]} ?`, params: [prep(value)] };
		case 'in': {
			if (!Array.isArray(value)) throw new FieldError("The 'in' lookup needs a list of values.");
			const values = [...new Set(value)];
			return {
				sql: `${column} IN (${values.map(() => '?').join(', ')})`,
				params: values.map(prep)
			};
		}
		case 'isnull':
			return { sql: `${column} IS ${value ? '' : 'NOT '}NULL`, params: [] };
		case 'range': {
			const [low, high] = value as [unknown, unknown];
			return { sql: `${column} BETWEEN ? AND ?`, params: [prep(low), prep(high)] };
		}
		case 'year':
			return yearSql(column, 'exact', Number(value));
	}
}

/**
 * `created__year=2024` is a range, so SQLite can use an index: Django's YearLookup compares
 * with the first and last instant of the year (UTC here, as the demo site's TIME_ZONE).
 */
export function yearSql(
	column: string,
	lookup: 'exact' | 'gt' | 'gte' | 'lt' | 'lte',
	year: number
): { sql: string; params: SqlValue[] } {
	// year_lookup_bounds_for_datetime_field: datetime.datetime(year, 1, 1) refuses years outside
	// 1..9999 (datetime.MINYEAR, MAXYEAR).
	if (!Number.isInteger(year) || year < 1 || year > 9999) {
		throw new PythonValueError(`year ${year} is out of range`);
	}
	const y = String(year).padStart(4, '0');
	const start = `${y}-01-01 00:00:00`;
	const finish = `${y}-12-31 23:59:59.999999`;
	switch (lookup) {
		case 'exact':
			return { sql: `${column} BETWEEN ? AND ?`, params: [start, finish] };
		case 'gt':
			return { sql: `${column} > ?`, params: [finish] };
		case 'gte':
			return { sql: `${column} >= ?`, params: [start] };
		case 'lt':
			return { sql: `${column} < ?`, params: [start] };
		case 'lte':
			return { sql: `${column} <= ?`, params: [finish] };
	}
}
