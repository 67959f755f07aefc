/**
 * `django.http` for the simulated Django: requests, responses, exceptions, and the `View` type
 * that URL patterns point to. Import Django's names from here, as a Django project imports
 * them from `django.http`.
 *
 * A view is a plain function `(request, kwargs) => HttpResponse | Promise<HttpResponse>` that
 * carries its dotted Python name (`blog.views.post_detail`). Make one with `defineView`; the
 * handler records url-resolver→view with `view.source` (the `def` line), and the view records
 * further lines with `request.sim.recorder.ran(source, summary)` (see trace.ts).
 */
import type { SourceRef } from '../types';
import type { HttpRequest } from './http-request';
import type { HttpResponse } from './http-response';

export * from './http-request';
export * from './http-response';
export * from './exceptions';
export { QueryDict } from './query-dict';
export { MultiPartParserError, type UploadedFile } from './multipart';
export type { SessionLike, SimContext, UserLike } from './context';
export { ANONYMOUS_USER } from './context';

export type ViewKwargs = Readonly<Record<string, string | number>>;

export interface View {
	(request: HttpRequest, kwargs: ViewKwargs): HttpResponse | Promise<HttpResponse>;
	/** Dotted Python name, as Django's `ResolverMatch.view_name`'s `_func_path`. */
	readonly viewName: string;
	/** Where the view is defined: shown on the url-resolver→view hop and the 500 page. */
	readonly source?: SourceRef;
	/** `@csrf_exempt`: CsrfViewMiddleware skips the check. */
	readonly csrf_exempt?: boolean;
}

export interface ViewOptions {
	source?: SourceRef;
	csrf_exempt?: boolean;
}

/** Gives a function its Python identity so the resolver, trace and error pages can name it. */
export function defineView(
	viewName: string,
	fn: (request: HttpRequest, kwargs: ViewKwargs) => HttpResponse | Promise<HttpResponse>,
	options: ViewOptions = {}
): View {
	const view = ((request: HttpRequest, kwargs: ViewKwargs) => fn(request, kwargs)) as View;
	Object.defineProperties(view, {
		viewName: { value: viewName, enumerable: true },
		source: { value: options.source, enumerable: true },
		csrf_exempt: { value: options.csrf_exempt ?? false, enumerable: true }
	});
	return view;
}

/** `@csrf_exempt`: a copy of the view that CsrfViewMiddleware lets through. */
export function csrfExempt(view: View): View {
	return defineView(view.viewName, view, { source: view.source, csrf_exempt: true });
}
