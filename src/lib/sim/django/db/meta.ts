/**
 * `Model._meta`: what Django knows about a model (names, table, fields, ordering), built once
 * from the declaration.
 */
import { FieldError } from './errors';
import { AutoField, ForeignKeyField } from './field-constructors';
import type { Field } from './fields';

export interface MetaOptions {
	ordering?: string[];
	dbTable?: string;
	verboseName?: string;
	verboseNamePlural?: string;
}

export class ModelMeta {
	readonly label: string;
	readonly modelName: string;
	readonly dbTable: string;
	readonly fields: readonly Field[];
	readonly pk: Field;
	readonly ordering: readonly string[];
	readonly verboseName: string;
	readonly verboseNamePlural: string;

	constructor(
		readonly appLabel: string,
		readonly objectName: string,
		declared: Record<string, Field>,
		options: MetaOptions = {}
	) {
		this.label = `${appLabel}.${objectName}`;
		this.modelName = objectName.toLowerCase();
		this.dbTable = options.dbTable ?? `${appLabel}_${this.modelName}`.toLowerCase();
		const fields = Object.entries(declared).map(([name, field]) => {
			field.name = name;
			return field;
		});
		let pk = fields.find((field) => field.isPrimaryKey);
		if (!pk) {
			// Django adds `id = BigAutoField(primary_key=True)` first when no field is the key.
			pk = AutoField();
			pk.name = 'id';
			fields.unshift(pk);
		}
		this.pk = pk;
		this.fields = fields;
		this.ordering = options.ordering ?? [];
		// Django's default verbose_name splits CamelCase: "BlogPost" -> "blog post".
		this.verboseName =
			options.verboseName ?? objectName.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
		this.verboseNamePlural = options.verboseNamePlural ?? `${this.verboseName}s`;
	}

	/** A field by name, attname (`author_id`) or `pk`; undefined if the model has none. */
	findField(name: string): Field | undefined {
		if (name === 'pk') return this.pk;
		return this.fields.find((field) => field.name === name || field.attname === name);
	}

	/** Django's `_meta.get_field()`: FieldDoesNotExist "Post has no field named 'x'". */
	getField(name: string): Field {
		const field = this.findField(name);
		if (!field) throw new FieldError(`${this.objectName} has no field named '${name}'`);
		return field;
	}

	get foreignKeys(): ForeignKeyField[] {
		return this.fields.filter(
			(field): field is ForeignKeyField => field instanceof ForeignKeyField
		);
	}

	/** Columns in field order, as Django's SELECT lists them. */
	get columns(): string[] {
		return this.fields.map((field) => field.column);
	}
}

/** `capfirst()` from django.utils.text. */
export function capfirst(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
