/**
 * `django.shortcuts`: `render`, `redirect`, `get_object_or_404`, `resolve_url`, the helpers
 * nearly every function view calls. Because there are no globals in the simulation, `render` and
 * `redirect` take the request first (Python's `redirect(post)` is `redirect(request, post)` here).
 *
 * `render` is where the view→template and template→view hops of the trace are recorded.
 */
import type { Model } from './db/model';
import type { ModelMeta } from './db/meta';
import { QuerySet, type Filter, type Manager } from './db/queryset';
import { ObjectDoesNotExist } from './db/errors';
import {
	Http404,
	HttpResponse,
	HttpResponsePermanentRedirect,
	HttpResponseRedirect,
	type HttpRequest
} from './http';
import { NoReverseMatch } from './urls';
import { displayContext } from './views/context-display';
import { recorderOf, reverseOf, templatesOf } from './views/runtime';
import { contextProcessors } from './views/context-processors';

/** A model class as the shortcuts need it (its manager and its `_meta`). */
export interface ModelType<I extends Model> {
	readonly objects: Manager<I>;
	readonly _meta: ModelMeta;
}

export interface RenderOptions {
	status?: number;
	content_type?: string;
}

/** `render(request, template_name, context)`: the template's HTML in an `HttpResponse`. */
export function render(
	request: HttpRequest,
	templateName: string,
	context: Record<string, unknown> = {},
	options: RenderOptions = {}
): HttpResponse {
	const html = renderToString(request, templateName, context);
	return new HttpResponse(html, { status: options.status, content_type: options.content_type });
}

/** `render_to_string(template_name, context, request)`, with the two template hops recorded. */
export function renderToString(
	request: HttpRequest,
	templateName: string,
	context: Record<string, unknown> = {}
): string {
	const full = { ...contextProcessors(request), ...context };
	const shown = displayContext(context);
	const recorder = recorderOf(request);
	const asked = recorder.render(templateName, shown);
	// A template that reads `post.author` or loops over `post.comments.all` runs those queries
	// itself, while it renders: the trace shows them leaving the template, not the view.
	const actor = recorder.actor;
	recorder.actor = 'template';
	let result: ReturnType<ReturnType<typeof templatesOf>['render']>;
	try {
		result = templatesOf(request).render(templateName, full);
	} finally {
		recorder.actor = actor;
	}
	const html = typeof result === 'string' ? result : result.html;
	const used = typeof result === 'string' ? [templateName] : (result.used ?? [templateName]);
	// Both template hops list every template used: the one asked for, what it extends, includes.
	if (asked.detail.template) asked.detail.template = { ...asked.detail.template, used };
	recorder.rendered({ name: templateName, used, context: shown, html });
	return html;
}

/** Anything `redirect()` accepts: a model instance, a URL name, or a URL. */
export type RedirectTarget = string | { get_absolute_url(): string };

export interface RedirectOptions {
	args?: unknown[];
	kwargs?: Record<string, unknown>;
	permanent?: boolean;
}

/** `resolve_url(to)`: a model's URL, a reversed URL name, or the URL itself. */
export function resolve_url(
	request: HttpRequest,
	to: RedirectTarget,
	options: RedirectOptions = {}
): string {
	if (typeof to !== 'string') return to.get_absolute_url();
	if (to.startsWith('./') || to.startsWith('../')) return to;
	try {
		return reverseOf(request)(to, { args: options.args, kwargs: options.kwargs });
	} catch (error) {
		if (!(error instanceof NoReverseMatch)) throw error;
		// Django: a string with no '/' or '.' was meant as a URL name, so the error stands.
		if (!to.includes('/') && !to.includes('.')) throw error;
		return to;
	}
}

/** `redirect(to, *args, permanent=False, **kwargs)`: 302 (or 301) to wherever `to` points. */
export function redirect(
	request: HttpRequest,
	to: RedirectTarget,
	options: RedirectOptions = {}
): HttpResponseRedirect {
	const url = resolve_url(request, to, options);
	return options.permanent ? new HttpResponsePermanentRedirect(url) : new HttpResponseRedirect(url);
}

/**
 * `get_object_or_404(klass, **lookups)`: the one matching row, or `Http404` with Django's message
 * "No Post matches the given query.".
 */
export function get_object_or_404<I extends Model>(
	klass: ModelType<I> | QuerySet<I>,
	...lookups: Filter[]
): I {
	// Django's `_get_queryset()` uses the model's manager; `Post.objects.get(pk=3)` is what runs.
	const queryset = klass instanceof QuerySet ? klass : klass.objects;
	try {
		return queryset.get(...lookups);
	} catch (error) {
		if (error instanceof ObjectDoesNotExist) {
			throw new Http404(`No ${queryset.model._meta.objectName} matches the given query.`);
		}
		throw error;
	}
}

/** `get_list_or_404(klass, **lookups)`: the rows, or `Http404` when there are none. */
export function get_list_or_404<I extends Model>(
	klass: ModelType<I> | QuerySet<I>,
	...lookups: Filter[]
): I[] {
	const queryset = klass instanceof QuerySet ? klass : klass.objects.all();
	const rows = queryset.filter(...lookups).list();
	if (rows.length === 0) {
		throw new Http404(`No ${queryset.model._meta.objectName} matches the given query.`);
	}
	return rows;
}
