/**
 * `ModelAdmin` (django/contrib/admin/options.py): how one model appears in the admin. The
 * options mysite's admin.py files use (`list_display`, `list_filter`, `search_fields`,
 * `readonly_fields`, `prepopulated_fields`, `list_editable`, `inlines`) and the permission
 * checks every admin view makes first, each reading `auth_permission` as Django does.
 */
import type { Field } from '../../db/fields';
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
