/**
 * `ModelAdmin` (django/contrib/admin/options.py): how one model appears in the admin. The
 * options mysite's admin.py files use (`list_display`, `list_filter`, `search_fields`,
 * `readonly_fields`, `prepopulated_fields`, `list_editable`, `inlines`) and the permission
 * checks every admin view makes first, each reading `auth_permission` as Django does.
 */
import { Q } from '../../db/expressions';
import type { Field } from '../../db/fields';
import type { ModelMeta } from '../../db/meta';
import { MATCH_LOOKUPS } from '../../db/lookups';
import type { Model, ModelClass } from '../../db/model';
import type { QuerySet } from '../../db/queryset';
import { ModelForm } from '../../forms/models';
import type { HttpRequest } from '../../http-request';
import { has_module_perms, has_perm } from './permissions';

type PermUser = Parameters<typeof has_perm>[0];

/** `TabularInline`: the rows of a related model, edited on the parent's change form. */
export class TabularInline {
	model!: ModelClass;
	/** The ForeignKey to the parent (Django finds it; here it is named). */
	fk_name!: string;
	fields: string[] = [];
	extra = 3;

	get verbose_name_plural(): string {
		return this.model._meta.verboseNamePlural;
	}
}

/**
 * Django's `smart_split` of a search term, each quoted bit unquoted (`unescape_string_literal`):
 * words, or "quoted phrases".
 */
export function searchBits(term: string): string[] {
	return [...term.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** `construct_search()`: `^name` istartswith, `=name` iexact, a name with its lookup as is, else icontains. */
function constructSearch(opts: ModelMeta, name: string): string {
	if (name.startsWith('^')) return `${name.slice(1)}__istartswith`;
	if (name.startsWith('=')) return `${name.slice(1)}__iexact`;
	const parts = name.split('__');
	const last = parts[parts.length - 1];
	if (parts.length > 1 && SEARCH_LOOKUPS.has(last) && !opts.findField(last)) return name;
	return `${name}__icontains`;
}

// The lookups a search field may end with here. Django accepts any lookup registered on the field
// (`Field.get_lookup()`); this simulation keeps to the ones that match a value.
const SEARCH_LOOKUPS: ReadonlySet<string> = new Set(MATCH_LOOKUPS);

/**
 * `lookup_spawns_duplicates()`, for the first step of the path: a column or a ForeignKey of the
 * model reaches one row; anything else (a reverse relation, `post__comments`) may reach several.
 */
function spawnsDuplicates(opts: ModelMeta, lookup: string): boolean {
	const first = lookup.split('__')[0];
	return first !== 'pk' && opts.findField(first) === undefined;
}

export class ModelAdmin<I extends Model = Model> {
	list_display: string[] = ['__str__'];
	list_filter: string[] = [];
	search_fields: string[] = [];
	readonly_fields: string[] = [];
	prepopulated_fields: Record<string, string[]> = {};
	list_editable: string[] = [];
	inlines: Array<new () => TabularInline> = [];
	ordering: string[] | null = null;
	list_per_page = 100;
	list_max_show_all = 200;
	/** The Python class name, for the trace (`blog.admin.PostAdmin`). */
	python_name = 'django.contrib.admin.options.ModelAdmin';

	constructor(readonly model: ModelClass<I>) {}

	get opts() {
		return this.model._meta;
	}

	/** `"blog.change_post"`, as `get_permission_codename()` builds it. */
	perm(action: 'add' | 'change' | 'delete' | 'view'): string {
		return `${this.opts.appLabel}.${action}_${this.opts.modelName}`;
	}

	private user(request: HttpRequest): PermUser {
		return request.user as PermUser;
	}

	has_add_permission(request: HttpRequest): boolean {
		return has_perm(this.user(request), this.perm('add'));
	}
	has_change_permission(request: HttpRequest, _obj?: I | null): boolean {
		return has_perm(this.user(request), this.perm('change'));
	}
	has_delete_permission(request: HttpRequest, _obj?: I | null): boolean {
		return has_perm(this.user(request), this.perm('delete'));
	}
	/** View permission, or change permission (which includes viewing). */
	has_view_permission(request: HttpRequest, obj?: I | null): boolean {
		return (
			has_perm(this.user(request), this.perm('view')) || this.has_change_permission(request, obj)
		);
	}
	has_view_or_change_permission(request: HttpRequest, obj?: I | null): boolean {
		return this.has_view_permission(request, obj) || this.has_change_permission(request, obj);
	}
	has_module_permission(request: HttpRequest): boolean {
		return has_module_perms(this.user(request), this.opts.appLabel);
	}

	/** `get_queryset()`: every row, in `ordering` or the model's own. */
	get_queryset(): QuerySet<I> {
		const all = this.model.objects.all();
		return this.ordering ? all.order_by(...this.ordering) : all;
	}

	/**
	 * `get_search_results(request, queryset, search_term)`: every bit of the term must match one of
	 * `search_fields`. Returns the queryset and whether it may hold a row twice (a search through a
	 * many-valued relation). The changelist's search box and the autocomplete both search here.
	 */
	get_search_results(
		_request: HttpRequest,
		queryset: QuerySet<I>,
		search_term: string
	): [QuerySet<I>, boolean] {
		if (!this.search_fields.length || !search_term) return [queryset, false];
		const lookups = this.search_fields.map((name) => constructSearch(this.opts, name));
		for (const bit of searchBits(search_term)) {
			let any = Q({ [lookups[0]]: bit });
			for (const lookup of lookups.slice(1)) any = any.or(Q({ [lookup]: bit }));
			queryset = queryset.filter(any);
		}
		return [queryset, lookups.some((lookup) => spawnsDuplicates(this.opts, lookup))];
	}

	/** The fields a form may edit: editable, not the primary key, not read-only. */
	editable_fields(): Field[] {
		return this.opts.fields.filter(
			(field) =>
				field !== this.opts.pk &&
				!field.autoNowAdd &&
				!field.autoNow &&
				!this.readonly_fields.includes(field.name)
		);
	}

	/** `get_form()`: a ModelForm over the editable fields. */
	get_form(): typeof ModelForm<I> {
		const model = this.model;
		const names = this.editable_fields().map((field) => field.name);
		return class extends ModelForm<I> {
			static override model = model as unknown as ModelClass;
			static override fields = names;
			static override python_name = `${model._meta.objectName}Form`;
		};
	}

	/** The URL names, as `get_urls()` gives them: `blog_post_changelist`… */
	url_name(view: 'changelist' | 'add' | 'change' | 'delete' | 'history'): string {
		return `admin:${this.opts.appLabel}_${this.opts.modelName}_${view}`;
	}
}
