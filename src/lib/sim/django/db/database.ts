/**
 * A real SQLite database (sql.js) with the few things Django's connection adds: parameters are
 * always bound, never spliced into the SQL; `atomic()` opens a transaction (savepoints when
 * nested) and rolls back when its function throws; and every statement is reported to
 * listeners as a `QueryInfo`, the way `connection.queries` records them.
 *
 * Why the SQL is shown with `?` placeholders and the parameters apart: that is exactly what
 * SQLite receives. Django writes `%s` in its own SQL and its SQLite backend turns each `%s`
 * into `?` before calling sqlite3; the values never become part of the SQL text, which is why
 * a title such as `x' OR 1=1 --` cannot change the query. Printing values inside the SQL (as
 * `str(queryset.query)` does) would hide that lesson.
 *
 * sql.js is passed in, never imported here: the caller loads it (in Node `initSqlJs()` finds its
 * wasm in node_modules; in the browser the mocks layer passes `locateFile`), so this module
 * costs nothing until a database is opened.
 */
import type { Database as SqlJsDatabase, SqlJsStatic, Statement } from 'sql.js';
import type { QueryInfo } from '../../types';
import { IntegrityError } from './errors';
import type { SqlValue } from './fields';
import type { ModelClass } from './model';

export type { SqlValue };

export interface RunResult {
	columns: string[];
	rows: SqlValue[][];
	rowsAffected: number;
}

export type QueryListener = (query: QueryInfo) => void;

/** A statement compiled by SQLite, with its column names once they have been read. */
interface CompiledStatement {
	statement: Statement;
	columns?: readonly string[];
}

/** SQLite errors that Django raises as `IntegrityError`. */
const INTEGRITY = /constraint failed/i;
const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;
/** Statements worth keeping compiled: the ORM's, whose text repeats from request to request. */
const REUSABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE)\b/i;
/** Statements that change the schema. */
const DDL = /^\s*(CREATE|DROP|ALTER)\b/i;
/** How many compiled statements to keep (least recently used go first). */
const STATEMENT_CACHE_SIZE = 64;

export class Database {
	private sqlite: SqlJsDatabase;
	/**
	 * Compiled statements by SQL text, as Python's sqlite3 module keeps them (its statement cache,
	 * 128 by default): compiling costs about as much as running one of the ORM's small queries.
	 */
	private readonly statements = new Map<string, CompiledStatement>();
	private readonly listeners = new Set<QueryListener>();
	private depth = 0;
	private savepoints = 0;
	private quiet = 0;
	/** DDL applied by `migrate()`, replayed by `reset()`. */
	private readonly schema: string[] = [];
	/** Models by label (`blog.Post`), filled by `migrate()`; string ForeignKeys resolve here. */
	readonly models = new Map<string, ModelClass>();
	/** Schema statements `applySchema()` executed; those already in an opened file are not. */
	private executed = 0;
	/** Opened from a file: its tables may already exist. */
	private readonly openedFile: boolean;

	/** An empty database, or a copy of `file` (a database file, such as `export()` returns). */
	constructor(
		private readonly SQL: SqlJsStatic,
		file?: Uint8Array
	) {
		this.sqlite = this.open(file);
		this.openedFile = file !== undefined;
	}

	private open(data?: Uint8Array): SqlJsDatabase {
		const sqlite = new this.SQL.Database(data);
		// Django's SQLite backend turns foreign key checks on for every connection.
		sqlite.run('PRAGMA foreign_keys = ON');
		// sql.js keeps the database as a file in its in-memory file system, so SQLite's file locking
		// and rollback journal would cost file-system calls on every statement (a `stat` for a hot
		// journal before each read). One connection only: hold the lock, keep the journal in memory.
		// Neither changes what any statement answers.
		sqlite.run('PRAGMA locking_mode = EXCLUSIVE');
		sqlite.run('PRAGMA journal_mode = MEMORY');
		return sqlite;
	}

	/** Run one statement with bound parameters, report it, and return its rows. */
	run(sql: string, params: readonly SqlValue[] = [], orm = ''): RunResult {
		const compiled = this.prepare(sql);
		const { statement } = compiled;
		const rows: SqlValue[][] = [];
		let columns: string[];
		try {
			statement.bind(params as SqlValue[]);
			while (statement.step()) rows.push(statement.get() as SqlValue[]);
			// A compiled statement's column names never change: read them out of SQLite once.
			compiled.columns ??= statement.getColumnNames();
			columns = [...compiled.columns];
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			throw INTEGRITY.test(message) ? new IntegrityError(message) : error;
		} finally {
			if (this.statements.get(sql) === compiled) statement.reset();
			else statement.free();
		}
		// A changed schema may change what a kept statement's `SELECT` names: compile afresh.
		if (DDL.test(sql)) this.forgetStatements();
		const isWrite = WRITE.test(sql);
		const rowsAffected = isWrite ? this.sqlite.getRowsModified() : 0;
		this.report({
			orm,
			sql,
			params: [...params],
			columns,
			rows,
			...(isWrite ? { rowsAffected } : {})
		});
		return { columns, rows, rowsAffected };
	}

	/** A compiled statement for `sql`: from the cache when the ORM has sent this text before. */
	private prepare(sql: string): CompiledStatement {
		const cached = this.statements.get(sql);
		if (cached) {
			// Most recently used last, so the first entry is the one to drop.
			this.statements.delete(sql);
			this.statements.set(sql, cached);
			return cached;
		}
		const compiled: CompiledStatement = { statement: this.sqlite.prepare(sql) };
		if (!REUSABLE.test(sql)) return compiled;
		if (this.statements.size >= STATEMENT_CACHE_SIZE) {
			const [oldest, dropped] = this.statements.entries().next().value!;
			this.statements.delete(oldest);
			dropped.statement.free();
		}
		this.statements.set(sql, compiled);
		return compiled;
	}

	/** Frees the compiled statements (before the connection they belong to closes). */
	private forgetStatements(): void {
		for (const { statement } of this.statements.values()) statement.free();
		this.statements.clear();
	}

	private report(query: QueryInfo): void {
		if (this.quiet) return;
		for (const listener of this.listeners) listener(query);
	}

	/** Listen to every statement; returns the function that stops listening. */
	onQuery(listener: QueryListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Run `fn` without reporting its statements (seeding the demo data, for example). */
	quietly<T>(fn: () => T): T {
		this.quiet++;
		try {
			return fn();
		} finally {
			this.quiet--;
		}
	}

	get inAtomicBlock(): boolean {
		return this.depth > 0;
	}

	/**
	 * `transaction.atomic()`: everything `fn` does is committed together, or not at all when it
	 * throws. Nested blocks use savepoints, as Django does. `fn` must be synchronous: sql.js is.
	 */
	atomic<T>(fn: () => T): T {
		const block = this.begin();
		let result: T;
		try {
			result = fn();
			if (result instanceof Promise) throw new TypeError('atomic() needs a synchronous function');
		} catch (error) {
			this.rollback(block);
			throw error;
		}
		this.commit(block);
		return result;
	}

	/**
	 * `atomic()` around asynchronous work (a view that awaits a password hash, ATOMIC_REQUESTS).
	 * Safe only while nothing else uses this database before it settles: the site runs one
	 * request through Django at a time.
	 */
	async atomicAsync<T>(fn: () => Promise<T>): Promise<T> {
		const block = this.begin();
		let result: T;
		try {
			result = await fn();
		} catch (error) {
			this.rollback(block);
			throw error;
		}
		this.commit(block);
		return result;
	}

	private begin(): { outer: boolean; savepoint: string } {
		const outer = this.depth === 0;
		const savepoint = `s1_x${++this.savepoints}`;
		this.run(outer ? 'BEGIN' : `SAVEPOINT "${savepoint}"`, [], 'with transaction.atomic():');
		this.depth++;
		return { outer, savepoint };
	}

	private rollback({ outer, savepoint }: { outer: boolean; savepoint: string }): void {
		this.depth--;
		if (outer) this.run('ROLLBACK', [], '# transaction.atomic() rolled back');
		else {
			this.run(`ROLLBACK TO SAVEPOINT "${savepoint}"`, [], '# transaction.atomic() rolled back');
			this.run(`RELEASE SAVEPOINT "${savepoint}"`);
		}
	}

	private commit({ outer, savepoint }: { outer: boolean; savepoint: string }): void {
		this.depth--;
		try {
			this.run(
				outer ? 'COMMIT' : `RELEASE SAVEPOINT "${savepoint}"`,
				[],
				'# end of transaction.atomic()'
			);
		} catch (error) {
			// A deferred foreign key check fails at COMMIT and leaves the transaction open.
			if (outer) this.run('ROLLBACK', [], '# transaction.atomic() rolled back');
			throw error;
		}
	}

	/**
	 * Create tables (DDL from `sqlmigrate`) and remember them for `reset()`. In a database opened
	 * from a file, a table or index that is already there, created by the same statement, is left
	 * as it is, as `manage.py migrate` skips a migration already applied; one created differently
	 * is an error (the file does not belong to these models).
	 */
	applySchema(statements: readonly string[]): void {
		const existing = this.openedFile ? this.schemaInFile() : new Map<string, string>();
		for (const sql of statements) {
			const name = schemaObjectName(sql);
			const found = name === undefined ? undefined : existing.get(name);
			if (found === undefined) {
				this.quietly(() => this.run(sql));
				this.executed++;
			} else if (found !== sql.replace(/;\s*$/, '')) {
				throw new Error(`"${name}" in the database file differs from its model: ${found}`);
			}
			this.schema.push(sql);
		}
	}

	/**
	 * How many schema statements `migrate()` executed on this database: 0 when it was opened from
	 * a file that already held every table and index (a snapshot of the same models).
	 */
	get schemaStatementsRun(): number {
		return this.executed;
	}

	/** Tables and indexes in the database file, by name: the statements that created them. */
	private schemaInFile(): Map<string, string> {
		const result = this.sqlite.exec(
			"SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL"
		);
		return new Map((result[0]?.values ?? []).map(([name, sql]) => [String(name), String(sql)]));
	}

	/** The whole database file, for snapshots and for tests that assert nothing changed. */
	export(): Uint8Array {
		if (this.depth) throw new Error('cannot export inside atomic()');
		const bytes = this.sqlite.export();
		// sql.js reopens the database on export, which resets pragmas.
		this.sqlite.run('PRAGMA foreign_keys = ON');
		return bytes;
	}

	snapshot(): Uint8Array {
		return this.export();
	}

	restore(bytes: Uint8Array): void {
		this.forgetStatements();
		this.sqlite.close();
		this.sqlite = this.open(bytes);
		this.depth = 0;
	}

	/** Empty tables again: a fresh database with the migrated schema and no rows. */
	reset(): void {
		this.forgetStatements();
		this.sqlite.close();
		this.sqlite = this.open();
		this.depth = 0;
		this.quietly(() => this.schema.forEach((sql) => this.run(sql)));
	}

	/**
	 * Make `Model.objects` use this database again. Model classes are shared by every site in a
	 * page, and `migrate()` binds them to the database it ran on; a page (or test) that keeps two
	 * sites alive calls this before each request. Instances and `using(db)` keep their own.
	 */
	activate(): void {
		for (const model of this.models.values()) model._db = this;
	}

	/** Names of the tables, for tests and the inspector. */
	tables(): string[] {
		const result = this.sqlite.exec(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
		);
		return (result[0]?.values ?? []).map((row) => String(row[0]));
	}

	close(): void {
		this.forgetStatements();
		this.sqlite.close();
	}
}

/**
 * Open an in-memory database on a loaded sql.js: empty, or a copy of `file` (a database file, such
 * as a snapshot of a migrated and seeded database).
 */
export function openDatabase(SQL: SqlJsStatic, file?: Uint8Array): Database {
	return new Database(SQL, file);
}

/** The table or index a `CREATE TABLE "…"` or `CREATE [UNIQUE] INDEX "…"` statement creates. */
function schemaObjectName(sql: string): string | undefined {
	return /^\s*CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX)\s+"([^"]+)"/i.exec(sql)?.[1];
}
