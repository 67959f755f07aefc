/**
 * Inline formsets (`TabularInline`): the related rows (a post's comments) edited on the parent's
 * change form. The browser sends them as `<prefix>-<i>-<field>` with `<prefix>-<i>-id` and
 * `<prefix>-<i>-DELETE`, plus the management form (`<prefix>-TOTAL_FORMS`,
 * `<prefix>-INITIAL_FORMS`…); the prefix is the relation's accessor name (`comments`).
 */
import type { Model, ModelClass } from '../../db/model';
import { ForeignKeyField } from '../../db/field-constructors';
import { formfieldFor } from '../../forms/models';
import type { HttpRequest } from '../../http-request';
import { escapeHtml } from '../../template/safe';
import type { ModelAdmin, TabularInline } from './options';

export interface InlineCell {
	name: string;
	html: string;
	value: unknown;
	errors: string[];
}

export interface InlineRow {
	pk: unknown;
	original: string | null;
	cells: InlineCell[];
	/** What to do on save: keep, change these fields, delete, or add. */
	action: 'keep' | 'change' | 'delete' | 'add';
	changed: string[];
	values: Record<string, string>;
}

export interface InlineFormset {
	prefix: string;
	verbose_name: string;
	verbose_name_plural: string;
	headers: string[];
	rows: InlineRow[];
	management: Array<[string, string]>;
	valid: boolean;
	errorCount: number;
	non_form_errors: string[];
	can_delete: boolean;
	readonly: boolean;
	inline: TabularInline;
}

function input(prefix: string, name: string, value: string, kind: string): string {
	const id = `id_${prefix}-${name}`;
	if (kind === 'TextField') {
		return `<textarea name="${prefix}-${name}" cols="40" rows="10" id="${id}">\n${escapeHtml(value)}</textarea>`;
	}
	return `<input type="text" name="${prefix}-${name}" value="${escapeHtml(value)}" id="${id}">`;
}

function fkTo(inline: TabularInline): ForeignKeyField {
	return inline.model._meta.getField(inline.fk_name) as ForeignKeyField;
}

/** The formsets of the admin's inlines, bound to the POST when `bound`. */
export function inlineFormsets(
	admin: ModelAdmin,
	request: HttpRequest,
	parent: Model | null,
	bound: boolean
): InlineFormset[] {
	const readonly = parent ? !admin.has_change_permission(request, parent) : false;
	return admin.inlines.map((Inline) => {
		const inline = new Inline();
		const fk = fkTo(inline);
		const prefix = fk.fkOptions.relatedName ?? `${inline.model._meta.modelName}_set`;
		const related = parent
			? inline.model.objects
					.filter({ [inline.fk_name]: parent.pk })
					.withOrm(`${inline.model._meta.objectName}.objects.filter(${inline.fk_name}=obj)`)
					.list()
			: [];
		const data = request.POST;
		const total = bound ? Number(data.get(`${prefix}-TOTAL_FORMS`)) : related.length + inline.extra;
		const nonFormErrors: string[] = [];
		if (bound && (!data.has(`${prefix}-TOTAL_FORMS`) || !data.has(`${prefix}-INITIAL_FORMS`))) {
			nonFormErrors.push(
				`ManagementForm data is missing or has been tampered with. Missing fields: ${prefix}-TOTAL_FORMS, ${prefix}-INITIAL_FORMS. You may need to file a bug report if the issue persists.`
			);
		}
		const rows: InlineRow[] = [];
		let errorCount = nonFormErrors.length;
		const count = Number.isFinite(total) ? Math.min(total, 1000) : 0;
		for (let i = 0; i < count && !nonFormErrors.length; i++) {
			const rowPrefix = `${prefix}-${i}`;
			const original = related[i] ?? null;
			const record = (original ?? {}) as unknown as Record<string, unknown>;
			const values: Record<string, string> = {};
			const cells: InlineCell[] = [];
			const changed: string[] = [];
			for (const name of inline.fields) {
				const field = inline.model._meta.getField(name);
				const before = original ? String(record[name] ?? '') : '';
				const value = bound ? (data.get(`${rowPrefix}-${name}`) ?? '') : before;
				values[name] = value;
				const formField = formfieldFor(field, inline.model as ModelClass);
				const errors: string[] = [];
				if (bound && (original || value !== '')) {
					try {
						formField.clean(value);
					} catch (error) {
						const messages = (error as { messages?: string[] }).messages;
						errors.push(...(messages ?? [String((error as Error).message)]));
					}
				}
				if (original && value.trim() !== before) changed.push(name);
				cells.push({
					name,
					html: input(rowPrefix, name, value, field.kind),
					value: before,
					errors
				});
			}
			const deleting = bound && Boolean(original) && data.get(`${rowPrefix}-DELETE`) === 'on';
			const empty = !original && Object.values(values).every((v) => v === '');
			if (!deleting) errorCount += cells.filter((cell) => cell.errors.length).length;
			rows.push({
				pk: original?.pk ?? null,
				original: original ? String(original) : null,
				cells,
				action: deleting
					? 'delete'
					: original
						? changed.length
							? 'change'
							: 'keep'
						: empty
							? 'keep'
							: 'add',
				changed,
				values
			});
		}
		const meta = inline.model._meta;
		return {
			prefix,
			verbose_name: meta.verboseName,
			verbose_name_plural: meta.verboseNamePlural,
			headers: inline.fields.map((n) => meta.getField(n).verboseName),
			rows,
			management: [
				['TOTAL_FORMS', String(rows.length)],
				['INITIAL_FORMS', String(related.length)],
				['MIN_NUM_FORMS', '0'],
				['MAX_NUM_FORMS', '1000']
			],
			valid: errorCount === 0,
			errorCount,
			non_form_errors: nonFormErrors,
			can_delete: true,
			readonly,
			inline
		};
	});
}

type ChangeMessage = Array<Record<string, Record<string, unknown>>>;

/** `save_related()`: apply each row, and say what happened as `construct_change_message` does. */
export function saveInlines(formsets: InlineFormset[], parent: Model): ChangeMessage {
	const message: ChangeMessage = [];
	for (const formset of formsets) {
		const { inline } = formset;
		const model = inline.model;
		const name = formset.verbose_name;
		// Django lists a formset's new objects, then the changed ones, then the deleted ones.
		const added: ChangeMessage = [];
		const changedRows: ChangeMessage = [];
		const deleted: ChangeMessage = [];
		for (const row of formset.rows) {
			if (row.action === 'keep') continue;
			if (row.action === 'add') {
				const obj = model.objects.create({ ...row.values, [inline.fk_name]: parent });
				added.push({ added: { name, object: String(obj) } });
				continue;
			}
			const obj = model.objects.get({ pk: row.pk });
			if (row.action === 'delete') {
				const text = String(obj);
				obj.delete();
				deleted.push({ deleted: { name, object: text } });
				continue;
			}
			const record = obj as unknown as Record<string, unknown>;
			for (const field of row.changed) record[field] = row.values[field].trim();
			obj.save();
			const labels = row.changed.map((n) => {
				const label = model._meta.getField(n).verboseName;
				return label.charAt(0).toUpperCase() + label.slice(1);
			});
			changedRows.push({ changed: { name, object: String(obj), fields: labels } });
		}
		message.push(...added, ...changedRows, ...deleted);
	}
	return message;
}
