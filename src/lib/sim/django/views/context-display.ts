/**
 * How a template context looks in the inspector: what `print(context)` shows in a Django shell,
 * as JSON-safe data. Model instances print as `<Post: Hello>`, QuerySets as their Python
 * expression, forms as Django's `<PostForm bound=True, valid=False, fields=(title;body)>`, and the
 * request as `<WSGIRequest: GET '/blog/'>` (not its whole insides).
 */
import { BaseStorage } from '../contrib/messages/base-storage';
import { Model } from '../db/model';
import { QuerySet } from '../db/queryset';
import { Form, formClassName } from '../forms/forms';
import { HttpRequest } from '../http';
import { SafeString } from '../template/safe';
import { View } from './base';

export function displayValue(value: unknown, depth = 0): unknown {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
		return value;
	}
	if (value instanceof Date) return value.toISOString();
	// Classes and functions print as Python prints them, never as (minified) JavaScript source.
	if (typeof value === 'function') {
		if (value.prototype instanceof Model) {
			const meta = (value as unknown as typeof Model)._meta;
			return `<class '${meta.appLabel}.models.${meta.objectName}'>`;
		}
		const named = value as { python_name?: string };
		return named.python_name ? `<class '${named.python_name}'>` : '<function>';
	}
	if (value instanceof View) return `<${value.view_name || value.class_name} object>`;
	if (value instanceof Form) {
		const valid = value.is_bound
			? Object.keys(value.errors).length === 0
				? 'True'
				: 'False'
			: 'Unknown';
		const fields = Object.keys(value.fields).join(';');
		return `<${formClassName(value)} bound=${value.is_bound ? 'True' : 'False'}, valid=${valid}, fields=(${fields})>`;
	}
	if (value instanceof SafeString) return value.value;
	if (value instanceof Model) return `<${value.meta.objectName}: ${String(value)}>`;
	if (value instanceof QuerySet) return value.python;
	if (value instanceof BaseStorage) {
		const request = displayValue(value.request);
		return `<${value.constructor.name}: request=${String(request)}>`;
	}
	if (value instanceof HttpRequest)
		return `<WSGIRequest: ${value.method} '${value.get_full_path()}'>`;
	if (
		typeof value === 'object' &&
		'is_anonymous' in value &&
		(value as { is_anonymous: boolean }).is_anonymous
	) {
		return 'AnonymousUser';
	}
	// An object that says how Python's repr() shows it (the admin's ChangeList, AdminForm…).
	const repr = (value as { __repr__?: unknown }).__repr__;
	if (typeof repr === 'function') return String(repr.call(value));
	if (depth > 2) return String(value);
	if (Array.isArray(value)) return value.map((item) => displayValue(item, depth + 1));
	if (typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) out[key] = displayValue(item, depth + 1);
		return out;
	}
	return String(value);
}

export function displayContext(context: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(context)) out[key] = displayValue(value);
	return out;
}
