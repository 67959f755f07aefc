/**
 * `ListView` and `DetailView` (`django.views.generic.list` / `.detail`): the model's rows or one
 * row, found by `pk` or `slug` from the URL, rendered with Django's default template names
 * (`blog/post_list.html`, `shop/product_detail.html`) and context names (`object_list` and
 * `post_list`; `object` and `product`).
 */
import type { Model } from '../db/model';
import type { ModelType } from '../shortcuts';
import type { QuerySet } from '../db/queryset';
import { ObjectDoesNotExist } from '../db/errors';
import { Http404, type HttpRequest, type HttpResponse, type ViewKwargs } from '../http';
import { TemplateView } from './base';
import { step } from './runtime';

/** `MultipleObjectMixin` / `SingleObjectMixin`'s common ground: where the rows come from. */
function baseQueryset<I extends Model>(
	model: ModelType<I> | undefined,
	queryset: QuerySet<I> | undefined,
	viewName: string
): QuerySet<I> {
	if (queryset) return queryset.all();
	if (model) return model.objects.all();
	throw new Error(
		`${viewName} is missing a QuerySet. Define ${viewName}.model, ${viewName}.queryset, or override ${viewName}.get_queryset().`
	);
}

export class ListView<I extends Model = Model> extends TemplateView {
	static override python_name = 'ListView';
	model?: ModelType<I>;
	queryset?: QuerySet<I>;
	context_object_name?: string;
	template_name_suffix = '_list';
	object_list!: QuerySet<I>;

	get_queryset(): QuerySet<I> {
		return baseQueryset(this.model, this.queryset, this.class_name);
	}

	get_context_object_name(): string | undefined {
		if (this.context_object_name) return this.context_object_name;
		const model = this.object_list?.model ?? this.model;
		return model ? `${model._meta.modelName}_list` : undefined;
	}

	override get_context_data(extra: Record<string, unknown> = {}): Record<string, unknown> {
		const context: Record<string, unknown> = {
			paginator: null,
			page_obj: null,
			is_paginated: false,
			object_list: this.object_list
		};
		const name = this.get_context_object_name();
		if (name) context[name] = this.object_list;
		return super.get_context_data({ ...context, ...extra });
	}

	override get_template_names(): string[] {
		if (this.template_name) return [this.template_name];
		const meta = (this.object_list?.model ?? this.model)?._meta;
		if (!meta) return super.get_template_names();
		return [`${meta.appLabel}/${meta.modelName}${this.template_name_suffix}.html`];
	}

	override get(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		this.object_list = this.get_queryset();
		step(
			this.request,
			`${this.class_name} (a ListView) renders its QuerySet with ${this.get_template_names()[0]}.`
		);
		return this.render_to_response(this.get_context_data());
	}
}

/** `SingleObjectMixin` + `SingleObjectTemplateResponseMixin`, shared with the edit views. */
export class SingleObjectView<I extends Model = Model> extends TemplateView {
	static override python_name = 'BaseDetailView';
	model?: ModelType<I>;
	queryset?: QuerySet<I>;
	slug_field = 'slug';
	slug_url_kwarg = 'slug';
	pk_url_kwarg = 'pk';
	context_object_name?: string;
	template_name_suffix = '_detail';
	object: I | null = null;

	get_queryset(): QuerySet<I> {
		return baseQueryset(this.model, this.queryset, this.class_name);
	}

	/** The row named by the URL's `pk` or `slug`; Http404 "No post found matching the query". */
	get_object(queryset?: QuerySet<I>): I {
		let qs = queryset ?? this.get_queryset();
		const pk = this.kwargs[this.pk_url_kwarg];
		const slug = this.kwargs[this.slug_url_kwarg];
		if (pk !== undefined) qs = qs.filter({ pk });
		if (slug !== undefined && pk === undefined) qs = qs.filter({ [this.slug_field]: slug });
		if (pk === undefined && slug === undefined) {
			throw new Error(
				`Generic detail view ${this.class_name} must be called with either an object pk or a slug in the URLconf.`
			);
		}
		try {
			return qs.get();
		} catch (error) {
			if (error instanceof ObjectDoesNotExist) {
				throw new Http404(`No ${qs.model._meta.verboseName} found matching the query`);
			}
			throw error;
		}
	}

	get_context_object_name(obj: I | null): string | undefined {
		if (this.context_object_name) return this.context_object_name;
		return obj ? obj.meta.modelName : undefined;
	}

	override get_context_data(extra: Record<string, unknown> = {}): Record<string, unknown> {
		const context: Record<string, unknown> = {};
		if (this.object) {
			context.object = this.object;
			const name = this.get_context_object_name(this.object);
			if (name) context[name] = this.object;
		}
		return super.get_context_data({ ...context, ...extra });
	}

	override get_template_names(): string[] {
		if (this.template_name) return [this.template_name];
		const meta = this.object?.meta ?? this.model?._meta;
		if (!meta) return super.get_template_names();
		return [`${meta.appLabel}/${meta.modelName}${this.template_name_suffix}.html`];
	}
}

export class DetailView<I extends Model = Model> extends SingleObjectView<I> {
	static override python_name = 'DetailView';
	override get(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		this.object = this.get_object();
		step(this.request, `${this.class_name} (a DetailView) found ${String(this.object)}.`);
		return this.render_to_response(this.get_context_data());
	}
}
