/**
 * `display_for_field()` (django/contrib/admin/utils.py): how the changelist and a read-only
 * field show a value: a choice by its label, a related row by its str(), a date as
 * DATETIME_FORMAT, and "-" (`empty_value_display`) for nothing.
 */
import type { Field } from '../../../db/fields';
import type { Model } from '../../../db/model';
import { dateFormat } from '../../../template/dateformat';

export const EMPTY_VALUE_DISPLAY = '-';

export function displayForField(obj: Model, field: Field): string {
	const value = (obj as unknown as Record<string, unknown>)[field.name];
	if (field.options.choices) {
		return field.options.choices.find(([key]) => key === value)?.[1] ?? EMPTY_VALUE_DISPLAY;
	}
	if (value === null || value === undefined || value === '') return EMPTY_VALUE_DISPLAY;
	if (value instanceof Date) {
		return dateFormat(value, 'DATETIME_FORMAT', '');
	}
	return String(value);
}
