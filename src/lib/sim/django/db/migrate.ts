/**
 * Creating tables for models, as `manage.py migrate` does, with the DDL that
 * `manage.py sqlmigrate` prints for SQLite (django/db/backends/sqlite3/schema.py and
 * base/schema.py: column types, NOT NULL/NULL, PRIMARY KEY, UNIQUE, CHECK, AUTOINCREMENT, inline
 * `REFERENCES ... DEFERRABLE INITIALLY DEFERRED`, and an index per ForeignKey/db_index field
 * named with Django's hash suffix).
 */
import type { Database } from './database';
import { ForeignKeyField } from './field-constructors';
import type { Field } from './fields';
import { md5Hex } from './md5';
import type { ModelClass } from './model';
import { installReverseAccessors } from './related';
import { targetModel } from './relations';
import { quote } from './sql-compiler';

/** Django's `_create_index_name()` for one column. */
export function indexName(table: string, column: string): string {
	return `${table}_${column}_${md5Hex(table + column).slice(0, 8)}`;
}

function columnSql(db: Database | undefined, model: ModelClass, field: Field): string {
	const parts = [quote(field.column), field.dbType()];
	parts.push(field.isNull ? 'NULL' : 'NOT NULL');
	if (field.isPrimaryKey) parts.push('PRIMARY KEY');
	else if (field.options.unique) parts.push('UNIQUE');
	const check = field.type.check?.(field.column);
	if (check) parts.push(`CHECK (${check})`);
	if (field.type.suffix) parts.push(field.type.suffix);
	if (field instanceof ForeignKeyField) {
		const target = targetModel(db, field, model._meta)._meta;
		parts.push(
			`REFERENCES ${quote(target.dbTable)} (${quote(target.pk.column)}) DEFERRABLE INITIALLY DEFERRED`
		);
	}
	return parts.join(' ');
}

/** The statements `sqlmigrate` shows for creating the model's table. */
export function sqlForModel(model: ModelClass, db?: Database): string[] {
	const meta = model._meta;
	const columns = meta.fields.map((field) => columnSql(db ?? model._db, model, field)).join(', ');
	const statements = [`CREATE TABLE ${quote(meta.dbTable)} (${columns});`];
	for (const field of meta.fields) {
		if (!field.options.dbIndex || field.isUnique) continue;
		const name = indexName(meta.dbTable, field.column);
		statements.push(
			`CREATE INDEX ${quote(name)} ON ${quote(meta.dbTable)} (${quote(field.column)});`
		);
	}
	return statements;
}

/**
 * Register the models with the database (string ForeignKeys such as `'auth.User'` resolve
 * among them), bind `Model.objects` to it, and create their tables. Give parents before
 * children. Returns the DDL.
 */
export function migrate(db: Database, models: readonly ModelClass[]): string[] {
	for (const model of models) {
		db.models.set(model._meta.label, model);
		model._db = db;
	}
	const statements = models.flatMap((model) => sqlForModel(model, db));
	db.applySchema(statements);
	installReverseAccessors(db);
	return statements;
}
