/**
 * `ChangeList` (django/contrib/admin/views/main.py), the `cl` every changelist template reads:
 * the rows after the filters (`?author__id__exact=1`, `?status__exact=paid`) and any other
 * lookup in the query string, the search (`?q=`, every word must match one of `search_fields`
 * with `icontains`), the ordering (`?o=1.-2`, indexes into list_display, then `-pk` so the order
 * is always the same) and the page (`?p=2`, or every row with `?all=` up to list_max_show_all).
 * A lookup that cannot be run raises `IncorrectLookupParameters`; the view then redirects to `?e=1`.
 */
import type { Model } from '../../db/model';
import type { QuerySet } from '../../db/queryset';
import { ForeignKeyField } from '../../db/field-constructors';
import type { Field } from '../../db/fields';
import { targetModel } from '../../db/relations';
import { InvalidPage, Paginator } from '../../core/paginator';
import type { HttpRequest } from '../../http-request';
import type { ChangeListFormSet } from './changelist-formset';
import type { ModelAdmin } from './options';
import { preservedFilters, templateOpts } from './views/common';

export const ALL_VAR = 'all';
export const ORDER_VAR = 'o';
export const PAGE_VAR = 'p';
export const SEARCH_VAR = 'q';
export const ERROR_FLAG = 'e';
export const IGNORED_PARAMS = [ALL_VAR, ORDER_VAR, SEARCH_VAR, '_popup', '_to_field', ERROR_FLAG];

/** Raised for a query string the changelist cannot run (an unknown field, a bad page). */
export class IncorrectLookupParameters extends Error {
	override name = 'IncorrectLookupParameters';
}

export interface FilterChoice {
	selected: boolean;
	query_string: string;
	display: string;
}

/**
 * `RelatedFieldListFilter` and `ChoicesFieldListFilter`: a title, the parameter they read
 * (`author__id__exact`, `status__exact`) and their choices, "All" first.
 */
export class FieldListFilter {
	readonly template = 'admin/filter.html';
	readonly lookup_kwarg: string;
	readonly lookup_kwarg_isnull: string;
	readonly lookup_val: string | undefined;

	constructor(
		readonly field: Field,
		readonly field_path: string,
		readonly lookup_choices: ReadonlyArray<readonly [string, string]>,
		params: Record<string, string>,
		related: boolean
	) {
		this.lookup_kwarg = related ? `${field_path}__id__exact` : `${field_path}__exact`;
		this.lookup_kwarg_isnull = `${field_path}__isnull`;
		this.lookup_val = params[this.lookup_kwarg];
	}

	get title(): string {
		return this.field.verboseName;
	}

	expected_parameters(): string[] {
		return [this.lookup_kwarg, this.lookup_kwarg_isnull];
	}

	has_output(): boolean {
		return this.lookup_choices.length > 0;
	}

	choices(cl: ChangeList): FilterChoice[] {
		return [
			{
				selected: this.lookup_val === undefined,
				query_string: cl.get_query_string({}, this.expected_parameters()),
				display: 'All'
			},
			...this.lookup_choices.map(([value, display]) => ({
				selected: this.lookup_val === value,
				query_string: cl.get_query_string({ [this.lookup_kwarg]: value }, [
					this.lookup_kwarg_isnull
				]),
				display
			}))
		];
	}
}

export class ChangeList<I extends Model = Model> {
	readonly params: Record<string, string> = {};
	readonly query: string;
	readonly list_display: string[];
	readonly list_display_links: string[];
	readonly list_editable: string[];
	readonly search_fields: string[];
	readonly filter_specs: FieldListFilter[] = [];
	readonly ordering: string[];
	readonly page_num: number;
	readonly show_all: boolean;
	readonly list_per_page: number;
	readonly list_max_show_all: number;
	readonly result_count: number;
	readonly full_result_count: number;
	readonly show_full_result_count = true;
	readonly result_list: I[];
	readonly can_show_all: boolean;
	readonly multi_page: boolean;
	readonly paginator: Paginator<I>;
	readonly queryset: QuerySet<I>;
	readonly is_popup = false;
	readonly to_field = null;
	/** `get_preserved_filters()`: this page's query string, for the links to the change pages. */
	readonly preserved_filters: string;
	readonly sortable_by = null;
	readonly date_hierarchy = null;
	readonly search_help_text = null;
	readonly is_facets_optional = false;
	readonly has_active_filters: boolean;
	/** The list_editable formset, set by the view (`cl.formset = FormSet(...)`). */
	formset: ChangeListFormSet | null = null;

	constructor(
		readonly request: HttpRequest,
		readonly model_admin: ModelAdmin<I>,
		hasActions: boolean,
		private readonly changeUrl: (obj: I) => string
	) {
		for (const [key, values] of request.GET.lists()) this.params[key] = values[values.length - 1];
		this.preserved_filters = preservedFilters(request, true);
		this.query = (this.params[SEARCH_VAR] ?? '').trim();
		const page = Number.parseInt(this.params[PAGE_VAR] ?? '1', 10);
		this.page_num = Number.isNaN(page) ? 1 : page;
		// The page and the error flag are not kept in the links the page builds.
		delete this.params[PAGE_VAR];
		delete this.params[ERROR_FLAG];
		this.show_all = ALL_VAR in this.params;
		this.list_display = hasActions
			? ['action_checkbox', ...model_admin.list_display]
			: [...model_admin.list_display];
		// The first column links to the change page (list_display_links defaults to it).
		this.list_display_links = [model_admin.list_display[0]];
		this.list_editable = [...model_admin.list_editable];
		this.search_fields = [...model_admin.search_fields];
		this.list_per_page = model_admin.list_per_page;
		this.list_max_show_all = model_admin.list_max_show_all;

		let qs = model_admin.get_queryset();
		const fks = model_admin.list_display.filter(
			(name) => this.field(name) instanceof ForeignKeyField
		);
		if (fks.length) qs = qs.select_related(...fks);
		this.full_result_count = qs.count();
		const remaining = this.getFilters();
		this.has_active_filters = this.filter_specs.some((spec) => spec.lookup_val !== undefined);
		for (const spec of this.filter_specs) {
			if (spec.lookup_val !== undefined)
				qs = this.applyLookup(qs, spec.lookup_kwarg, spec.lookup_val);
		}
		for (const [key, value] of Object.entries(remaining)) qs = this.applyLookup(qs, key, value);
		// The search box: ModelAdmin.get_search_results(), as the autocomplete searches too.
		const [searched, mayHaveDuplicates] = model_admin.get_search_results(request, qs, this.query);
		// Django keeps each row once with an Exists() subquery; this ORM has none: DISTINCT.
		qs = mayHaveDuplicates ? searched.distinct() : searched;
		this.ordering = this.get_ordering();
		qs = qs.order_by(...this.ordering);
		this.queryset = qs;

		// get_results(): one page, or every row when "Show all" is asked and allowed.
		const rows = qs.list();
		this.paginator = new Paginator(rows, this.list_per_page);
		this.result_count = this.paginator.count;
		this.can_show_all = this.result_count <= this.list_max_show_all;
		this.multi_page = this.result_count > this.list_per_page;
		if ((this.show_all && this.can_show_all) || !this.multi_page) {
			this.result_list = rows;
		} else {
			try {
				this.result_list = this.paginator.page(this.page_num).object_list;
			} catch (e) {
				if (e instanceof InvalidPage) throw new IncorrectLookupParameters(e.message);
				throw e;
			}
		}
	}

	/** `cl.opts` as templates read it (`cl.opts.verbose_name_plural`). */
	get opts() {
		return templateOpts(this.model_admin.opts);
	}

	/** The model's `_meta`, for looking fields up. */
	get lookup_opts() {
		return this.model_admin.opts;
	}

	get model() {
		return this.model_admin.model;
	}

	get has_filters(): boolean {
		return this.filter_specs.length > 0;
	}

	/** What the inspector shows for `cl`: the model, the count, the page, the order. */
	__repr__(): string {
		const page = this.multi_page && !this.show_all ? `, page ${this.page_num}` : '';
		return `<ChangeList: ${this.lookup_opts.label}, ${this.result_count} of ${this.full_result_count}${page}, ordering ${this.ordering.join(', ')}>`;
	}

	/** The link "Clear all filters": the query string without any lookup. */
	get clear_all_filters_qs(): string {
		const lookups = Object.keys(this.params).filter((key) => !IGNORED_PARAMS.includes(key));
		return this.get_query_string(Object.fromEntries(lookups.map((key) => [key, null])), []);
	}

	/** Actions show when there are rows, or when the full list is filtered down to none. */
	get show_admin_actions(): boolean {
		return !this.show_full_result_count || this.full_result_count > 0;
	}

	private field(name: string) {
		return this.lookup_opts.findField(name);
	}

	url_for_result(result: I): string {
		return this.changeUrl(result);
	}

	/** `get_query_string(new_params, remove)`: sorted, as Django's urlencode(sorted(...)). */
	get_query_string(
		changes: Record<string, string | number | null> = {},
		remove: string[] = []
	): string {
		const params: Record<string, string> = { ...this.params };
		for (const key of Object.keys(params)) {
			if (remove.some((prefix) => key.startsWith(prefix))) delete params[key];
		}
		for (const [key, value] of Object.entries(changes)) {
			if (value === null) delete params[key];
			else params[key] = String(value);
		}
		const sorted = Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `?${new URLSearchParams(sorted).toString()}`;
	}

	/** `get_filters()`: a filter per list_filter field; returns the lookups no filter took. */
	private getFilters(): Record<string, string> {
		const remaining: Record<string, string> = { ...this.params };
		for (const key of IGNORED_PARAMS) delete remaining[key];
		for (const name of this.model_admin.list_filter) {
			const field = this.field(name);
			if (!field) continue;
			let spec: FieldListFilter;
			if (field instanceof ForeignKeyField) {
				const related = targetModel(this.model_admin.model._db, field, this.lookup_opts);
				const choices = related.objects
					.all()
					.list()
					.map((row) => [String(row.pk), String(row)] as const);
				spec = new FieldListFilter(field, name, choices, this.params, true);
			} else if (field.options.choices) {
				const choices = field.options.choices.map(([key, label]) => [String(key), label] as const);
				spec = new FieldListFilter(field, name, choices, this.params, false);
			} else {
				continue;
			}
			if (spec.has_output()) this.filter_specs.push(spec);
			for (const key of spec.expected_parameters()) delete remaining[key];
		}
		return remaining;
	}

	/** `qs.filter(**{key: value})`; any failure means the query string was wrong. */
	private applyLookup(qs: QuerySet<I>, key: string, value: string): QuerySet<I> {
		const [name, ...rest] = key.split('__');
		const field = this.field(name);
		if (!field) throw new IncorrectLookupParameters(`Cannot resolve keyword '${name}' into field.`);
		const lookup = rest.join('__');
		const numeric = /Integer|Auto|ForeignKey/.test(field.kind);
		if (numeric && !['isnull'].includes(lookup) && !/^-?\d+$/.test(value)) {
			throw new IncorrectLookupParameters(`Field '${name}' expected a number but got '${value}'.`);
		}
		if (lookup === '' || lookup === 'exact' || lookup === 'id__exact') {
			return qs.filter({ [name]: numeric ? Number(value) : value });
		}
		try {
			return qs.filter({ [key]: numeric ? Number(value) : value });
		} catch (e) {
			throw new IncorrectLookupParameters(e instanceof Error ? e.message : String(e));
		}
	}

	/** `get_ordering_field(field_name)`: what to order by for a column, or null (`__str__`). */
	get_ordering_field(name: string): string | null {
		const field = this.field(name);
		if (!field) return null;
		return field instanceof ForeignKeyField ? field.attname : field.name;
	}

	private defaultOrdering(): string[] {
		return [...(this.model_admin.ordering ?? this.lookup_opts.ordering)];
	}

	/** `get_ordering()`: `?o=` read as indexes into list_display, then `-pk` to make it total. */
	private get_ordering(): string[] {
		let ordering = this.defaultOrdering();
		if (this.params[ORDER_VAR] !== undefined) {
			ordering = [];
			for (const part of this.params[ORDER_VAR].split('.')) {
				const m = /^(-?)(\d+)$/.exec(part);
				const name = m ? this.list_display[Number(m[2])] : undefined;
				const orderField = name ? this.get_ordering_field(name) : null;
				if (m && orderField) ordering.push(`${m[1]}${orderField}`);
			}
		}
		const unique = ordering.some((o) => {
			const name = o.replace(/^-/, '');
			return name === 'pk' || this.field(name)?.isUnique;
		});
		return unique ? ordering : [...ordering, '-pk'];
	}

	/** `get_ordering_field_columns()`: column index → 'asc' or 'desc', in priority order. */
	get_ordering_field_columns(): Map<number, 'asc' | 'desc'> {
		const columns = new Map<number, 'asc' | 'desc'>();
		if (this.params[ORDER_VAR] === undefined) {
			for (const o of this.defaultOrdering()) {
				const name = o.replace(/^-/, '');
				const index = this.list_display.findIndex((attr) => this.get_ordering_field(attr) === name);
				if (index >= 0) columns.set(index, o.startsWith('-') ? 'desc' : 'asc');
			}
			return columns;
		}
		for (const part of this.params[ORDER_VAR].split('.')) {
			const m = /^(-?)(\d+)$/.exec(part);
			if (m) columns.set(Number(m[2]), m[1] === '-' ? 'desc' : 'asc');
		}
		return columns;
	}
}
