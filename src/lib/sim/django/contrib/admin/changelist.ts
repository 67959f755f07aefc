/**
 * `ChangeList` (django/contrib/admin/views/main.py): the rows of the changelist page after the
 * filters (`?author__id__exact=1`, `?status__exact=paid`), the search (`?q=`, every word must
 * match one of `search_fields` with `icontains`), the ordering (`?o=1.-2`, indexes into
 * list_display, then `-pk` so the order is always the same) and the page (`?p=`).
 */
import { capfirst } from '../../db/meta';
import type { Model } from '../../db/model';
import type { QuerySet } from '../../db/queryset';
import { Q } from '../../db/expressions';
import { ForeignKeyField } from '../../db/field-constructors';
import { targetModel } from '../../db/relations';
import type { HttpRequest } from '../../http-request';
import type { ModelAdmin } from './options';

export const IGNORED_PARAMS = ['q', 'o', 'p', 'e', '_changelist_filters', 'all'];

export interface FilterChoice {
	selected: boolean;
	query_string: string;
	display: string;
}

export interface ListFilter {
	title: string;
	parameter: string;
	choices: FilterChoice[];
}

export interface ResultHeader {
	text: string;
	sortable: boolean;
	sorted: boolean;
	ascending: boolean;
	url: string;
	class_attrib: string;
}

export interface ResultCell {
	value: unknown;
	link: string | null;
	field: string;
	editable: boolean;
	pk: unknown;
}

/** Django's `smart_split` for the search box: words, or "quoted phrases". */
function searchTerms(query: string): string[] {
	return [...query.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

export class ChangeList<I extends Model = Model> {
	readonly params: Record<string, string> = {};
	readonly query: string;
	readonly list_display: string[];
	readonly filters: ListFilter[] = [];
	readonly ordering: string[];
	readonly page_num: number;
	readonly result_count: number;
	readonly full_result_count: number;
	readonly result_list: I[];
	readonly multi_page: boolean;
	readonly num_pages: number;

	constructor(
		readonly request: HttpRequest,
		readonly admin: ModelAdmin<I>,
		readonly hasActions: boolean,
		changeUrl: (obj: I) => string
	) {
		for (const [key, values] of request.GET.lists()) this.params[key] = values[values.length - 1];
		this.query = (this.params.q ?? '').trim();
		this.list_display = hasActions
			? ['action_checkbox', ...admin.list_display]
			: [...admin.list_display];
		this.page_num = Math.max(1, Number.parseInt(this.params.p ?? '1', 10) || 1);

		let qs = admin.get_queryset();
		const fks = admin.list_display.filter((name) => this.field(name) instanceof ForeignKeyField);
		if (fks.length) qs = qs.select_related(...fks);
		this.full_result_count = qs.count();
		qs = this.applyFilters(qs);
		qs = this.applySearch(qs);
		this.ordering = this.getOrdering();
		qs = qs.order_by(...this.ordering);
		this.result_count = qs.count();
		const perPage = admin.list_per_page;
		this.num_pages = Math.max(1, Math.ceil(this.result_count / perPage));
		this.multi_page = this.result_count > perPage;
		const start = (this.page_num - 1) * perPage;
		this.result_list = qs.list().slice(start, start + perPage);
		this.changeUrl = changeUrl;
	}

	private readonly changeUrl: (obj: I) => string;

	get opts() {
		return this.admin.opts;
	}

	private field(name: string) {
		return this.opts.findField(name);
	}

	/** The query string with these parameters changed (null removes one), as `get_query_string`. */
	get_query_string(changes: Record<string, string | null> = {}, remove: string[] = []): string {
		const params: Record<string, string> = { ...this.params };
		for (const key of Object.keys(params)) {
			if (remove.some((prefix) => key.startsWith(prefix))) delete params[key];
		}
		for (const [key, value] of Object.entries(changes)) {
			if (value === null) delete params[key];
			else params[key] = value;
		}
		const text = new URLSearchParams(params).toString();
		return `?${text}`;
	}

	private applyFilters(qs: QuerySet<I>): QuerySet<I> {
		for (const name of this.admin.list_filter) {
			const field = this.field(name);
			if (!field) continue;
			if (field instanceof ForeignKeyField) {
				const parameter = `${name}__id__exact`;
				const related = targetModel(this.admin.model._db, field, this.opts);
				const rows = related.objects.all().list();
				const current = this.params[parameter];
				this.filters.push({
					title: field.verboseName,
					parameter,
					choices: [
						{
							selected: current === undefined,
							query_string: this.get_query_string({}, [name]),
							display: 'All'
						},
						...rows.map((row) => ({
							selected: current === String(row.pk),
							query_string: this.get_query_string({ [parameter]: String(row.pk) }, [name]),
							display: String(row)
						}))
					]
				});
				if (current !== undefined) qs = qs.filter({ [name]: Number(current) });
			} else if (field.options.choices) {
				const parameter = `${name}__exact`;
				const current = this.params[parameter];
				this.filters.push({
					title: field.verboseName,
					parameter,
					choices: [
						{
							selected: current === undefined,
							query_string: this.get_query_string({}, [name]),
							display: 'All'
						},
						...field.options.choices.map(([key, label]) => ({
							selected: current === String(key),
							query_string: this.get_query_string({ [parameter]: String(key) }, [name]),
							display: label
						}))
					]
				});
				if (current !== undefined) qs = qs.filter({ [name]: current });
			}
		}
		return qs;
	}

	private applySearch(qs: QuerySet<I>): QuerySet<I> {
		if (!this.query || !this.admin.search_fields.length) return qs;
		for (const term of searchTerms(this.query)) {
			let any = Q({ [`${this.admin.search_fields[0]}__icontains`]: term });
			for (const name of this.admin.search_fields.slice(1)) {
				any = any.or(Q({ [`${name}__icontains`]: term }));
			}
			qs = qs.filter(any);
		}
		return qs;
	}

	/** The column's field name to order by, or null when it cannot be sorted (`__str__`). */
	private orderField(name: string): string | null {
		const field = this.field(name);
		if (!field) return null;
		return field instanceof ForeignKeyField ? field.attname : field.name;
	}

	/** `?o=` read as indexes into list_display, or the default, then `-pk` to make it total. */
	private getOrdering(): string[] {
		let ordering = [...(this.admin.ordering ?? this.opts.ordering)];
		if (this.params.o !== undefined) {
			ordering = [];
			for (const part of this.params.o.split('.')) {
				const m = /^(-?)(\d+)$/.exec(part);
				const name = m ? this.list_display[Number(m[2])] : undefined;
				const orderField = name ? this.orderField(name) : null;
				if (m && orderField) ordering.push(`${m[1]}${orderField}`);
			}
		}
		const unique = ordering.some((o) => {
			const name = o.replace(/^-/, '');
			return name === 'pk' || this.field(name)?.isUnique;
		});
		return unique ? ordering : [...ordering, '-pk'];
	}

	/** The `?o=` indexes now in force: `[index, ascending]`. */
	private sortedColumns(): Array<[number, boolean]> {
		if (this.params.o === undefined) {
			const out: Array<[number, boolean]> = [];
			for (const o of this.admin.ordering ?? this.opts.ordering) {
				const index = this.list_display.indexOf(o.replace(/^-/, ''));
				if (index >= 0) out.push([index, !o.startsWith('-')]);
			}
			return out;
		}
		return this.params.o
			.split('.')
			.map((part) => /^(-?)(\d+)$/.exec(part))
			.filter((m): m is RegExpExecArray => m !== null)
			.map((m) => [Number(m[2]), m[1] !== '-'] as [number, boolean]);
	}

	/** `result_headers()`: each column's title and its sort link. */
	headers(): ResultHeader[] {
		const sorted = this.sortedColumns();
		return this.list_display.map((name, index) => {
			if (name === 'action_checkbox') {
				return {
					text: '',
					sortable: false,
					sorted: false,
					ascending: false,
					url: '',
					class_attrib: 'action-checkbox-column'
				};
			}
			const field = this.field(name);
			const text = name === '__str__' ? this.opts.verboseName : (field?.verboseName ?? name);
			const sortable = this.orderField(name) !== null;
			const current = sorted.find(([i]) => i === index);
			const primary = sorted[0]?.[0] === index;
			const next = primary && current?.[1] ? `-${index}` : `${index}`;
			return {
				text: capfirst(text),
				sortable,
				sorted: current !== undefined,
				ascending: current?.[1] ?? false,
				url: sortable ? this.get_query_string({ o: next, p: null }) : '',
				class_attrib: `column-${name}${current ? (current[1] ? ' sorted ascending' : ' sorted descending') : sortable ? ' sortable' : ''}`
			};
		});
	}

	/** `results()`: one row of cells per object; the first column links to its change page. */
	rows(): ResultCell[][] {
		const links = this.list_display.find((name) => name !== 'action_checkbox');
		return this.result_list.map((obj) =>
			this.list_display.map((name) => ({
				field: name,
				pk: obj.pk,
				value: name === 'action_checkbox' ? obj.pk : this.display(obj, name),
				link: name === links ? this.changeUrl(obj) : null,
				editable:
					this.admin.list_editable.includes(name) &&
					this.admin.has_change_permission(this.request, obj)
			}))
		);
	}

	/** `display_for_field`: choices by label, related rows by their str(), "-" for empty. */
	private display(obj: I, name: string): unknown {
		if (name === '__str__') return String(obj);
		const field = this.field(name);
		const record = obj as unknown as Record<string, unknown>;
		const value = record[name];
		if (value === null || value === undefined || value === '') return '-';
		if (field?.options.choices) {
			return field.options.choices.find(([key]) => key === value)?.[1] ?? value;
		}
		if (value instanceof Date) return value;
		return typeof value === 'object' ? String(value) : value;
	}
}
