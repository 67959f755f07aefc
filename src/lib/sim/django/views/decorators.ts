/**
 * Access control for views: `login_required`, `user_passes_test`, `permission_required`,
 * `require_http_methods` / `require_POST` / `require_GET` / `require_safe`, and the class-based
 * `LoginRequiredMixin`. The answers are Django's: a 302 to `LOGIN_URL?next=/the/path/` for
 * someone not logged in, `PermissionDenied` (403) for someone who is but may not, and 405 with
 * `Allow` for a method the view does not take.
 */
import {
	defineView,
	HttpResponseNotAllowed,
	HttpResponseRedirect,
	PermissionDenied,
	type HttpRequest,
	type HttpResponse,
	type View as ViewFunction,
	type ViewKwargs
} from '../http';
import { resolve_url } from '../shortcuts';
import type { View } from './base';
import { step } from './runtime';

function wrap(
	view: ViewFunction,
	fn: (request: HttpRequest, kwargs: ViewKwargs) => HttpResponse | Promise<HttpResponse>
): ViewFunction {
	return defineView(view.viewName, fn, { source: view.source, csrf_exempt: view.csrf_exempt });
}

/** Python's `urllib.parse.quote(text, safe='/')`. */
function quote(text: string): string {
	return encodeURIComponent(text)
		.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
		.replaceAll('%2F', '/');
}

/** `redirect_to_login(next, login_url)`: 302 to the login page with `?next=` the page asked for. */
export function redirect_to_login(
	request: HttpRequest,
	next: string,
	loginUrl?: string,
	redirectFieldName = 'next'
): HttpResponseRedirect {
	const url = resolve_url(request, loginUrl ?? request.sim.settings.LOGIN_URL);
	const separator = url.includes('?') ? '&' : '?';
	return new HttpResponseRedirect(`${url}${separator}${redirectFieldName}=${quote(next)}`);
}

/** `@user_passes_test(test)`: runs the view only when `test(request.user)` holds. */
export function user_passes_test(
	test: (user: HttpRequest['user']) => boolean,
	options: { login_url?: string } = {}
): (view: ViewFunction) => ViewFunction {
	return (view) =>
		wrap(view, (request, kwargs) => {
			if (test(request.user)) return view(request, kwargs);
			step(request, 'Not logged in: the decorator sends the browser to the login page.');
			return redirect_to_login(request, request.get_full_path(), options.login_url);
		});
}

/** `@login_required`. */
export function login_required(view: ViewFunction): ViewFunction {
	return user_passes_test((user) => user.is_authenticated)(view);
}

/** `@permission_required('blog.change_post', raise_exception=True)`. */
export function permission_required(
	perm: string,
	options: { raise_exception?: boolean; login_url?: string } = {}
): (view: ViewFunction) => ViewFunction {
	return (view) =>
		wrap(view, (request, kwargs) => {
			const user = request.user as HttpRequest['user'] & { has_perm?(p: string): boolean };
			if (user.is_authenticated && user.has_perm?.(perm)) return view(request, kwargs);
			if (options.raise_exception) throw new PermissionDenied();
			return redirect_to_login(request, request.get_full_path(), options.login_url);
		});
}

/** `@require_http_methods(['GET', 'POST'])`: 405 with `Allow` for any other method. */
export function require_http_methods(
	methods: readonly string[]
): (view: ViewFunction) => ViewFunction {
	return (view) =>
		wrap(view, (request, kwargs) => {
			if (!methods.includes(request.method)) {
				step(request, `Only ${methods.join(', ')} may call this view: 405 Method Not Allowed.`);
				return new HttpResponseNotAllowed(methods);
			}
			return view(request, kwargs);
		});
}

export const require_GET = require_http_methods(['GET']);
export const require_POST = require_http_methods(['POST']);
export const require_safe = require_http_methods(['GET', 'HEAD']);

// The TypeScript mixin pattern needs a constructor that takes `any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ViewClass = new (...args: any[]) => View;

/**
 * `LoginRequiredMixin`: put it first, as in Python (`class PostCreateView(LoginRequiredMixin,
 * CreateView)` is `class PostCreateView extends LoginRequiredMixin(CreateView)`).
 */
export function LoginRequiredMixin<T extends ViewClass>(Base: T) {
	class LoginRequired extends Base {
		login_url?: string;
		raise_exception = false;

		override dispatch(
			request: HttpRequest,
			kwargs: ViewKwargs
		): HttpResponse | Promise<HttpResponse> {
			if (!request.user.is_authenticated) return this.handle_no_permission();
			return super.dispatch(request, kwargs);
		}

		handle_no_permission(): HttpResponse {
			if (this.raise_exception || this.request.user.is_authenticated) throw new PermissionDenied();
			step(this.request, 'LoginRequiredMixin: not logged in, so off to the login page.');
			return redirect_to_login(this.request, this.request.get_full_path(), this.login_url);
		}
	}
	return LoginRequired;
}
