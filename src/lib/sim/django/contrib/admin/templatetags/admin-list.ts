/**
 * `{% load admin_list %}` (django/contrib/admin/templatetags/admin_list.py): the changelist's
 * pieces, each computing its context from `cl` and rendering its own template:
 * `{% result_list cl %}` (change_list_results.html: `result_headers()` and `results()`, each
 * cell already HTML as `items_for_result()` builds it), `{% search_form cl %}`,
 * `{% pagination cl %}` with `{% paginator_number cl i %}`, `{% admin_list_filter cl spec %}`,
 * `{% admin_actions %}` and `{% change_list_object_tools %}`.
 */
import type { Model } from '../../../db/model';
import type { Context } from '../../../template/context';
import { Paginator } from '../../../core/paginator';
import { inclusionAdminTag, simpleTag } from '../../../template/tags/custom-tags';
import type { Library } from '../../../template/parser';
import { escapeHtml, markSafe, SafeString } from '../../../template/safe';
import {
	ALL_VAR,
	ORDER_VAR,
	PAGE_VAR,
	SEARCH_VAR,
	type ChangeList,
	type FieldListFilter
} from '../changelist';
import { addPreservedFilters } from './admin-urls';
import { displayForField, EMPTY_VALUE_DISPLAY } from './display';

/** `format_html()`: the arguments escaped unless safe. */
function esc(value: unknown): string {
	return value instanceof SafeString ? value.value : escapeHtml(String(value ?? ''));
}

export function paginator_number(cl: ChangeList, i: number | string): SafeString {
	if (i === Paginator.ELLIPSIS) return markSafe(`${Paginator.ELLIPSIS} `);
	if (i === cl.page_num) return markSafe(`<span class="this-page">${esc(i)}</span> `);
	const end = i === cl.paginator.num_pages ? ' class="end"' : '';
	return markSafe(`<a href="${esc(cl.get_query_string({ [PAGE_VAR]: i }))}"${end}>${esc(i)}</a> `);
}

export function pagination(cl: ChangeList) {
	const paginationRequired = (!cl.show_all || !cl.can_show_all) && cl.multi_page;
	const pageRange = paginationRequired ? cl.paginator.get_elided_page_range(cl.page_num) : [];
	const needShowAllLink = cl.can_show_all && !cl.show_all && cl.multi_page;
	return {
		cl,
		pagination_required: paginationRequired,
		show_all_url: needShowAllLink && cl.get_query_string({ [ALL_VAR]: '' }),
		page_range: pageRange,
		ALL_VAR
	};
}

/** `label_for_field()`: a field's verbose name, the model's for `__str__`. */
function labelForField(cl: ChangeList, name: string): string {
	if (name === '__str__') return cl.lookup_opts.verboseName;
	return cl.lookup_opts.findField(name)?.verboseName ?? name;
}

export interface ResultHeader {
	text: string | SafeString;
	class_attrib: SafeString;
	sortable: boolean;
	sorted?: boolean;
	ascending?: boolean;
	sort_priority?: number;
	url_primary?: string;
	url_remove?: string;
	url_toggle?: string;
}

/** `result_headers(cl)`: each column's title, and for a sortable one its three sort links. */
export function result_headers(cl: ChangeList): ResultHeader[] {
	const orderingColumns = cl.get_ordering_field_columns();
	return cl.list_display.map((fieldName, i) => {
		if (fieldName === 'action_checkbox') {
			return {
				text: markSafe(
					'<input type="checkbox" id="action-toggle" aria-label="Select all objects on this page for an action">'
				),
				class_attrib: markSafe(' class="action-checkbox-column"'),
				sortable: false
			};
		}
		const text = labelForField(cl, fieldName);
		if (cl.get_ordering_field(fieldName) === null) {
			return { text, class_attrib: markSafe(` class="column-${esc(fieldName)}"`), sortable: false };
		}
		const classes = ['sortable', `column-${fieldName}`];
		let orderType = '';
		let newOrderType: 'asc' | 'desc' = 'asc';
		let sortPriority = 0;
		const isSorted = orderingColumns.has(i);
		if (isSorted) {
			orderType = orderingColumns.get(i) as string;
			sortPriority = [...orderingColumns.keys()].indexOf(i) + 1;
			classes.push(`sorted ${orderType}ending`);
			newOrderType = orderType === 'asc' ? 'desc' : 'asc';
		}
		const param = (t: string, n: number) => `${t === 'desc' ? '-' : ''}${n}`;
		const primary: string[] = [];
		const remove: string[] = [];
		const toggle: string[] = [];
		for (const [j, ot] of orderingColumns) {
			if (j === i) {
				primary.unshift(param(newOrderType, j));
				toggle.push(param(newOrderType, j));
			} else {
				primary.push(param(ot, j));
				toggle.push(param(ot, j));
				remove.push(param(ot, j));
			}
		}
		if (!isSorted) primary.unshift(param(newOrderType, i));
		return {
			text,
			sortable: true,
			sorted: isSorted,
			ascending: orderType === 'asc',
			sort_priority: sortPriority,
			url_primary: cl.get_query_string({ [ORDER_VAR]: primary.join('.') }),
			url_remove: cl.get_query_string({ [ORDER_VAR]: remove.join('.') }),
			url_toggle: cl.get_query_string({ [ORDER_VAR]: toggle.join('.') }),
			class_attrib: markSafe(` class="${esc(classes.join(' '))}"`)
		};
	});
}

/** `ModelAdmin.action_checkbox(obj)`: the row's checkbox for the actions. */
function actionCheckbox(obj: Model): SafeString {
	return markSafe(
		`<input type="checkbox" name="_selected_action" value="${esc(obj.pk)}" class="action-select" aria-label="Select this object for an action - ${esc(String(obj))}">`
	);
}

/** `items_for_result(cl, result, form)`: one `<th>`/`<td>` per column, as HTML. */
function itemsForResult(cl: ChangeList, result: Model, form: ChangeListForm | null): SafeString[] {
	let first = true;
	const items: SafeString[] = [];
	for (const fieldName of cl.list_display) {
		const rowClasses = [`field-${fieldName}`];
		const field = cl.lookup_opts.findField(fieldName);
		let repr: unknown;
		if (fieldName === 'action_checkbox') {
			rowClasses.splice(0, 1, 'action-checkbox');
			repr = actionCheckbox(result);
		} else if (!field) {
			repr = fieldName === '__str__' ? String(result) : EMPTY_VALUE_DISPLAY;
		} else {
			repr = displayForField(result, field);
			if (field.kind === 'DateTimeField' || field.kind === 'ForeignKey') {
				rowClasses.push('nowrap');
			}
		}
		const rowClass = ` class="${esc(rowClasses.join(' '))}"`;
		if (first && cl.list_display_links.includes(fieldName)) {
			first = false;
			const url = addPreservedFilters(cl.url_for_result(result), cl.preserved_filters, '');
			items.push(markSafe(`<th${rowClass}><a href="${esc(url)}">${esc(repr)}</a></th>`));
			continue;
		}
		if (form && fieldName in form.fields) {
			const bound = form.field(fieldName);
			repr = markSafe(String(bound.errors) + String(bound));
		}
		items.push(markSafe(`<td${rowClass}>${esc(repr)}</td>`));
	}
	return items;
}

type ChangeListForm = NonNullable<ChangeList['formset']>['forms'][number];

/** A row's cells, with the form beside them for its errors (`ResultList`). */
export type ResultList = SafeString[] & { form: ChangeListForm | null };

export function results(cl: ChangeList): ResultList[] {
	return cl.result_list.map((obj, i) => {
		const form = cl.formset?.forms[i] ?? null;
		return Object.assign(itemsForResult(cl, obj, form), { form });
	});
}

export function result_list(cl: ChangeList) {
	const headers = result_headers(cl);
	return {
		cl,
		result_hidden_fields: cl.formset ? cl.formset.forms.map((form) => form.pkHidden) : [],
		result_headers: headers,
		num_sorted_fields: headers.filter((h) => h.sortable && h.sorted).length,
		results: results(cl)
	};
}

export function search_form(cl: ChangeList) {
	return {
		cl,
		show_result_count: cl.result_count !== cl.full_result_count,
		search_var: SEARCH_VAR,
		is_popup_var: '_popup'
	};
}

/** `{% admin_list_filter cl spec %}`: the filter's own template, with its title and choices. */
function admin_list_filter(context: Context, cl: ChangeList, spec: FieldListFilter): SafeString {
	const template = context.env.getTemplate(spec.template);
	return markSafe(
		template.render(context.new({ title: spec.title, choices: spec.choices(cl), spec }))
	);
}

/** `admin_actions(context)`: counts the action bars on the page (`action_index`). */
function admin_actions(context: Context): Context {
	const index = context.get('action_index');
	context.set('action_index', (typeof index === 'number' ? index : -1) + 1);
	return context;
}

export const ADMIN_LIST: Library = {
	tags: {
		paginator_number: simpleTag((cl, i) => paginator_number(cl as ChangeList, i as number)),
		pagination: inclusionAdminTag('pagination.html', (cl) => pagination(cl as ChangeList)),
		result_list: inclusionAdminTag('change_list_results.html', (cl) =>
			result_list(cl as ChangeList)
		),
		search_form: inclusionAdminTag('search_form.html', (cl) => search_form(cl as ChangeList)),
		admin_list_filter: simpleTag(
			(context, cl, spec) =>
				admin_list_filter(context as Context, cl as ChangeList, spec as FieldListFilter),
			{ takesContext: true }
		),
		admin_actions: inclusionAdminTag(
			'actions.html',
			(context) => admin_actions(context as Context),
			{
				takesContext: true
			}
		),
		change_list_object_tools: inclusionAdminTag(
			'change_list_object_tools.html',
			(context) => context,
			{ takesContext: true }
		)
	}
};
