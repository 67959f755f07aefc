/**
 * Django's class-based views (`django.views.generic.base`): `View` with `as_view()` and dispatch by
 * HTTP method (405 with `Allow` for the rest), `TemplateView` and `RedirectView`.
 *
 * A TypeScript subclass mirrors a Python class: class attributes become static fields read through
 * `this.cls` (`static model = Post`), methods keep Django's names. `as_view()` returns a `View`
 * function for the URLconf, with the dotted name the resolver and the trace show.
 */
import {
	defineView,
	HttpResponse,
	HttpResponseNotAllowed,
	HttpResponsePermanentRedirect,
	HttpResponseRedirect,
	type HttpRequest,
	type View as ViewFunction,
	type ViewKwargs
} from '../http';
import { render } from '../shortcuts';
import type { SourceRef } from '../../types';
import { step } from './runtime';

export const HTTP_METHOD_NAMES = [
	'get',
	'post',
	'put',
	'patch',
	'delete',
	'head',
	'options',
	'trace'
] as const;

export type Handler = (
	request: HttpRequest,
	kwargs: ViewKwargs
) => HttpResponse | Promise<HttpResponse>;

export interface AsViewOptions {
	/** Dotted Python name, e.g. `blog.views.PostListView`. */
	viewName: string;
	/** The class's lines in the project source, shown when the resolver calls the view. */
	source?: SourceRef;
}

export class View {
	static http_method_names: readonly string[] = HTTP_METHOD_NAMES;
	/**
	 * The Python class name of a generic view, for narration. A project's view gets its own from
	 * `as_view()`'s dotted name; `constructor.name` is never used (a production build minifies it).
	 */
	static python_name = 'View';

	/** The dotted Python name `as_view()` was given (`blog.views.PostListView`), if any. */
	view_name = '';

	request!: HttpRequest;
	kwargs: ViewKwargs = {};

	/** `cls.as_view()`: one new instance per request, then `dispatch()`. */
	static as_view<T extends View>(
		this: new () => T,
		options: AsViewOptions,
		initkwargs: Partial<T> = {}
	): ViewFunction {
		return defineView(
			options.viewName,
			(request, kwargs) => {
				const self = new this();
				self.view_name = options.viewName;
				Object.assign(self, initkwargs);
				self.setup(request, kwargs);
				return self.dispatch(request, kwargs);
			},
			{ source: options.source }
		);
	}

	/** The class's Python name: `PostListView`, or the generic view's own (`ListView`). */
	get class_name(): string {
		return this.view_name.split('.').pop() || (this.constructor as typeof View).python_name;
	}

	setup(request: HttpRequest, kwargs: ViewKwargs): void {
		this.request = request;
		this.kwargs = kwargs;
	}

	/** The method called `request.method.lower()`, or `http_method_not_allowed`. HEAD uses GET. */
	dispatch(request: HttpRequest, kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		const method = request.method.toLowerCase();
		const names = (this.constructor as typeof View).http_method_names;
		const handler = names.includes(method) ? this.handler(method) : undefined;
		return handler ? handler.call(this, request, kwargs) : this.http_method_not_allowed(request);
	}

	private handler(method: string): Handler | undefined {
		const own = (this as unknown as Record<string, unknown>)[method];
		if (typeof own === 'function') return own as Handler;
		if (method === 'head') return this.handler('get');
		return undefined;
	}

	/** Upper-case names of the methods this view answers, in Django's order. */
	_allowed_methods(): string[] {
		const names = (this.constructor as typeof View).http_method_names;
		return names.filter((name) => this.handler(name) !== undefined).map((n) => n.toUpperCase());
	}

	http_method_not_allowed(request: HttpRequest): HttpResponse {
		const allowed = this._allowed_methods();
		step(
			request,
			`${this.class_name} has no ${request.method.toLowerCase()}() method: 405, Allow: ${allowed.join(', ')}.`
		);
		return new HttpResponseNotAllowed(allowed);
	}

	/** OPTIONS: an empty 200 with `Allow`. */
	options(_request: HttpRequest, _kwargs: ViewKwargs = {}): HttpResponse {
		const response = new HttpResponse('');
		response.headers.set('Allow', this._allowed_methods().join(', '));
		response.headers.set('Content-Length', '0');
		return response;
	}
}

/** `TemplateResponseMixin` + `ContextMixin`, shared by the views that render a template. */
export class TemplateView extends View {
	static override python_name = 'TemplateView';
	template_name?: string;
	extra_context?: Record<string, unknown>;

	get_context_data(extra: Record<string, unknown> = {}): Record<string, unknown> {
		// ContextMixin: `kwargs.update(self.extra_context)`, so extra_context wins.
		return { view: this, ...extra, ...this.extra_context };
	}

	get_template_names(): string[] {
		if (!this.template_name) {
			throw new Error(
				"TemplateResponseMixin requires either a definition of 'template_name' or an implementation of 'get_template_names()'"
			);
		}
		return [this.template_name];
	}

	render_to_response(context: Record<string, unknown>, status?: number): HttpResponse {
		return render(this.request, this.get_template_names()[0], context, { status });
	}

	get(_request: HttpRequest, kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse> {
		return this.render_to_response(this.get_context_data({ ...kwargs }));
	}
}

/** `RedirectView`: 302 (or 301) to `url` or `get_redirect_url()`; 410 Gone when there is none. */
export class RedirectView extends View {
	static override python_name = 'RedirectView';
	permanent = false;
	url: string | null = null;
	query_string = false;

	get_redirect_url(_kwargs: ViewKwargs): string | null {
		if (this.url === null) return null;
		const query = this.request.META.QUERY_STRING;
		return this.query_string && query ? `${this.url}?${query}` : this.url;
	}

	get(_request: HttpRequest, kwargs: ViewKwargs): HttpResponse {
		const url = this.get_redirect_url(kwargs);
		// Django answers 410 Gone (and logs a warning) when there is nowhere to go.
		if (url === null) return new HttpResponse('', { status: 410 });
		return this.permanent ? new HttpResponsePermanentRedirect(url) : new HttpResponseRedirect(url);
	}
	head(request: HttpRequest, kwargs: ViewKwargs): HttpResponse {
		return this.get(request, kwargs);
	}
	post(request: HttpRequest, kwargs: ViewKwargs): HttpResponse {
		return this.get(request, kwargs);
	}
	delete(request: HttpRequest, kwargs: ViewKwargs): HttpResponse {
		return this.get(request, kwargs);
	}
	put(request: HttpRequest, kwargs: ViewKwargs): HttpResponse {
		return this.get(request, kwargs);
	}
	patch(request: HttpRequest, kwargs: ViewKwargs): HttpResponse {
		return this.get(request, kwargs);
	}
	/** RedirectView answers OPTIONS with the same redirect as GET. */
	override options(request: HttpRequest, kwargs: ViewKwargs = {}): HttpResponse {
		return this.get(request, kwargs);
	}
}
