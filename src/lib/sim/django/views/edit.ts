/**
 * The editing views (`django.views.generic.edit`): `FormView`, `CreateView`, `UpdateView` and
 * `DeleteView`. GET shows the form; POST binds `request.POST`, and an invalid form is drawn again
 * with its errors (status 200, as Django does), while a valid one is saved and answered with a
 * 302 to `success_url` or the object's `get_absolute_url()`.
 */
import type { Model } from '../db/model';
import { Form, formClassName, type FormOptions } from '../forms/forms';
import type { ModelForm, ModelFormOptions } from '../forms/models';
import {
	HttpResponseRedirect,
	type HttpRequest,
	type HttpResponse,
	type ViewKwargs
} from '../http';
import { ImproperlyConfigured } from '../urls';
import { TemplateView } from './base';
import { SingleObjectView } from './list-detail';
import { step } from './runtime';

/** `form.is_valid()`, told in the trace: which fields failed, or that all is well. */
function checked(request: HttpRequest, form: Form): boolean {
	const valid = form.is_valid();
	const failed = Object.keys(form.errors).map((name) => (name === '__all__' ? 'the form' : name));
	step(
		request,
		valid
			? `${formClassName(form)} is valid.`
			: `${formClassName(form)} has errors (${failed.join(', ')}): the form is shown again, status 200.`
	);
	return valid;
}

export type FormClass<F extends Form = Form> = new (options?: FormOptions) => F;

/** `FormMixin` + `ProcessFormView`. */
export class FormView<F extends Form = Form> extends TemplateView {
	static override python_name = 'FormView';
	form_class?: FormClass<F>;
	initial: Record<string, unknown> = {};
	success_url: string | null = null;

	get_form_kwargs(): FormOptions {
		const kwargs: FormOptions = { initial: { ...this.initial } };
		if (['POST', 'PUT'].includes(this.request.method)) kwargs.data = this.request.POST;
		return kwargs;
	}

	get_form(): F {
		if (!this.form_class) throw new ImproperlyConfigured(`${this.class_name} has no form_class.`);
		return new this.form_class(this.get_form_kwargs());
	}

	get_success_url(): string {
		if (!this.success_url)
			throw new ImproperlyConfigured('No URL to redirect to. Provide a success_url.');
		return this.success_url;
	}

	form_valid(_form: F): HttpResponse | Promise<HttpResponse> {
		return new HttpResponseRedirect(this.get_success_url());
	}

	/** Draw the form again with its errors: status 200, as Django does. */
	form_invalid(form: F): HttpResponse | Promise<HttpResponse> {
		return this.render_to_response(this.get_context_data({ form }));
	}

	override get_context_data(extra: Record<string, unknown> = {}): Record<string, unknown> {
		const context = { ...extra };
		if (!('form' in context)) context.form = this.get_form();
		return super.get_context_data(context);
	}

	override get(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		return this.render_to_response(this.get_context_data());
	}

	post(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		const form = this.get_form();
		return checked(this.request, form) ? this.form_valid(form) : this.form_invalid(form);
	}

	put(request: HttpRequest, kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		return this.post(request, kwargs);
	}
}

export type ModelFormClass<I extends Model> = new (options?: ModelFormOptions<I>) => ModelForm<I>;

/** `ModelFormMixin` over a single object: shared by CreateView and UpdateView. */
class ModelFormView<I extends Model> extends SingleObjectView<I> {
	form_class?: ModelFormClass<I>;
	initial: Record<string, unknown> = {};
	success_url: string | null = null;
	override template_name_suffix = '_form';

	get_form(): ModelForm<I> {
		if (!this.form_class) {
			throw new ImproperlyConfigured(
				`Using ModelFormMixin (base class of ${this.class_name}) without the 'fields' attribute is prohibited.`
			);
		}
		const kwargs: ModelFormOptions<I> = { initial: { ...this.initial } };
		if (this.object) kwargs.instance = this.object;
		if (['POST', 'PUT'].includes(this.request.method)) kwargs.data = this.request.POST;
		return new this.form_class(kwargs);
	}

	get_success_url(): string {
		if (this.success_url)
			return this.success_url.replace(/\{(\w+)\}/g, (_, key: string) =>
				String((this.object as unknown as Record<string, unknown>)?.[key] ?? '')
			);
		const target = this.object as unknown as { get_absolute_url?: () => string } | null;
		if (target?.get_absolute_url) return target.get_absolute_url();
		throw new ImproperlyConfigured(
			'No URL to redirect to.  Either provide a url or define a get_absolute_url method on the Model.'
		);
	}

	form_valid(form: ModelForm<I>): HttpResponse | Promise<HttpResponse> {
		this.object = form.save();
		return new HttpResponseRedirect(this.get_success_url());
	}

	form_invalid(form: ModelForm<I>): HttpResponse | Promise<HttpResponse> {
		return this.render_to_response(this.get_context_data({ form }));
	}

	override get_context_data(extra: Record<string, unknown> = {}): Record<string, unknown> {
		const context = { ...extra };
		if (!('form' in context)) context.form = this.get_form();
		return super.get_context_data(context);
	}

	override get(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		return this.render_to_response(this.get_context_data());
	}

	post(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		const form = this.get_form();
		return checked(this.request, form) ? this.form_valid(form) : this.form_invalid(form);
	}

	put(request: HttpRequest, kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		return this.post(request, kwargs);
	}
}

export class CreateView<I extends Model = Model> extends ModelFormView<I> {
	static override python_name = 'CreateView';
	override get(request: HttpRequest, kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		this.object = null;
		return super.get(request, kwargs);
	}
	override post(request: HttpRequest, kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		this.object = null;
		return super.post(request, kwargs);
	}
}

export class UpdateView<I extends Model = Model> extends ModelFormView<I> {
	static override python_name = 'UpdateView';
	override get(request: HttpRequest, kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		this.object = this.get_object();
		return super.get(request, kwargs);
	}
	override post(request: HttpRequest, kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		this.object = this.get_object();
		return super.post(request, kwargs);
	}
}

/** GET asks "are you sure?" (`<model>_confirm_delete.html`); POST deletes and redirects. */
export class DeleteView<I extends Model = Model> extends SingleObjectView<I> {
	static override python_name = 'DeleteView';
	success_url: string | null = null;
	override template_name_suffix = '_confirm_delete';

	override get(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		this.object = this.get_object();
		return this.render_to_response(this.get_context_data());
	}

	get_success_url(): string {
		if (!this.success_url)
			throw new ImproperlyConfigured('No URL to redirect to. Provide a success_url.');
		return this.success_url;
	}

	post(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		this.object = this.get_object();
		const url = this.get_success_url();
		this.object.delete();
		return new HttpResponseRedirect(url);
	}
}
