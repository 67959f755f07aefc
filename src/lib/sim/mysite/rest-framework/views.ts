/**
 * DRF's `APIView` (the generic views are in generics.ts). An APIView authenticates (token, then
 * session), checks permissions, runs the handler, and turns every exception into a JSON answer
 * with DRF's status and message. The body is parsed only when the handler reads `request.data`
 * (`this.data`), so a request refused by authentication or permissions never has its body read.
 * Every answer carries `Allow`; with a single renderer (JSON) DRF sends no `Vary: Accept`.
 * Like DRF's, the view is `csrf_exempt`: SessionAuthentication does the CSRF check itself.
 */
import { AnonymousUser } from '../../django/auth';
import {
	defineView,
	Http404,
	HttpResponse,
	PermissionDenied as DjangoPermissionDenied,
	type HttpRequest,
	type View as ViewFunction,
	type ViewKwargs
} from '../../django/http';
import { View } from '../../django/views';
import { recorderOf, step } from '../../django/views/runtime';
import { SessionAuthentication, TokenAuthentication, type Authenticator } from './authentication';
import {
	APIException,
	MethodNotAllowed,
	NotAuthenticated,
	NotFound,
	PermissionDenied
} from './exceptions';
import { PyFloat } from './json-errors';
import { determineMetadata } from './metadata';
import { DEFAULT_PARSERS, parseBody, type Parser } from './parsers';
import { AllowAny, type BasePermission } from './permissions';
import type { AsViewOptions } from '../../django/views';

/**
 * DRF's JSONRenderer: compact separators, UTF-8 (not `\u` escapes), U+2028 and U+2029 escaped,
 * integers with every digit (a `bigint` such as 2^63 − 1).
 */
export function renderJson(data: unknown): string {
	if (typeof data === 'bigint') return data.toString();
	if (data instanceof PyFloat) return JSON.stringify(data.value);
	if (Array.isArray(data)) return `[${data.map((item) => renderJson(item ?? null)).join(',')}]`;
	if (data !== null && typeof data === 'object' && !(data instanceof Date)) {
		const entries = Object.entries(data).filter(([, value]) => value !== undefined);
		return `{${entries.map(([key, value]) => `${escapeJs(JSON.stringify(key))}:${renderJson(value)}`).join(',')}}`;
	}
	return escapeJs(JSON.stringify(data) ?? 'null');
}

function escapeJs(json: string): string {
	return json.replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}

export function Response(
	data: unknown,
	status = 200,
	headers: Record<string, string> = {}
): HttpResponse {
	const body = data === undefined ? '' : renderJson(data);
	const response = new HttpResponse(body, { status, content_type: 'application/json', headers });
	// DRF drops Content-Type when there is no body (a 204).
	if (body === '') response.headers.delete('Content-Type');
	return response;
}

export class APIView extends View {
	authentication_classes: Authenticator[] = [TokenAuthentication, SessionAuthentication];
	permission_classes: BasePermission[] = [AllowAny];
	parser_classes: readonly Parser[] = DEFAULT_PARSERS;
	successful_authenticator: Authenticator | null = null;
	/** The Python class name (a JavaScript class name is minified in the build). */
	view_class_name = '';
	#data: { value: unknown } | undefined;

	static override as_view<T extends View>(
		this: new () => T,
		options: AsViewOptions,
		initkwargs: Partial<T> = {}
	): ViewFunction {
		const view = View.as_view.call(this, options, {
			...initkwargs,
			view_class_name: options.viewName.split('.').pop() ?? ''
		} as Partial<T>);
		return defineView(view.viewName, view, { source: view.source, csrf_exempt: true });
	}

	override async dispatch(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		let response: HttpResponse;
		try {
			this.initial(request);
			const method = request.method.toLowerCase();
			const self = this as unknown as Record<string, unknown>;
			const handler = self[method] ?? (method === 'head' ? self.get : undefined);
			if (!this.http_method_names().includes(method) || typeof handler !== 'function') {
				throw new MethodNotAllowed(request.method);
			}
			response = await (handler as (r: HttpRequest, k: ViewKwargs) => Promise<HttpResponse>).call(
				this,
				request,
				kwargs
			);
		} catch (error) {
			response = this.handle_exception(error);
		}
		response.headers.set('Allow', this._allowed_methods().join(', '));
		return response;
	}

	/** OPTIONS: DRF's `SimpleMetadata` (see metadata.ts). */
	override options(request: HttpRequest): HttpResponse {
		return Response(determineMetadata(request, this));
	}

	/** `get_view_name()`: the class name without `View`, camel case spread into words. */
	get_view_name(): string {
		const name = (this.view_class_name || this.constructor.name).replace(/View(Set)?$/, '');
		return name.replace(/(((?<=[a-z])[A-Z])|([A-Z](?![A-Z]|$)))/g, ' $1').trim();
	}

	/** `request.data`: the body, parsed on first use by the parser its Content-Type picks. */
	get data(): unknown {
		if (this.#data) return this.#data.value;
		try {
			const { data, parser } = parseBody(this.request, this.parser_classes);
			if (parser) step(this.request, `request.data: ${parser.name} reads the body.`);
			this.#data = { value: data };
		} catch (error) {
			// DRF leaves empty data behind, so an error handler reading request.data does not fail again.
			this.#data = { value: {} };
			throw error;
		}
		return this.#data.value;
	}

	http_method_names(): readonly string[] {
		return (this.constructor as typeof View).http_method_names;
	}

	/** Authenticate, check permissions: DRF's `initial()`. The body waits for `request.data`. */
	initial(request: HttpRequest): void {
		this.perform_authentication(request);
		this.check_permissions(request);
	}

	perform_authentication(request: HttpRequest): void {
		for (const authenticator of this.authentication_classes) {
			let user;
			try {
				user = authenticator.authenticate(request);
			} catch (error) {
				// DRF's Request._not_authenticated(): the user becomes AnonymousUser before the error
				// goes on, so answering it never reads Django's request.user (nor the session).
				request.user = new AnonymousUser();
				throw error;
			}
			if (user) {
				this.successful_authenticator = authenticator;
				request.user = user;
				authenticated(
					request,
					`${authenticator.name}: the request is from ${user.username}.`,
					user.username
				);
				return;
			}
		}
		request.user = new AnonymousUser();
		authenticated(request, 'No credentials: the request is anonymous.', 'anonymous');
	}

	check_permissions(request: HttpRequest): void {
		for (const permission of this.permission_classes) {
			if (permission.has_permission && !permission.has_permission(request)) {
				this.permission_denied(request, permission);
			}
		}
	}

	check_object_permissions(request: HttpRequest, obj: unknown): void {
		for (const permission of this.permission_classes) {
			if (!permission.has_object_permission) continue;
			const granted = permission.has_object_permission(request, obj);
			const who = request.user.is_authenticated ? request.user.username : 'AnonymousUser';
			recorderOf(request).hop(
				'view',
				'view',
				'call',
				'in',
				`${permission.name}.has_object_permission(request, view, obj) for ${request.method} on ${String(obj)} by ${who}: ${granted ? 'True, allowed' : 'False, refused'}.`,
				{
					...(permission.source ? { source: permission.source } : {}),
					state: { user: who },
					note: `${permission.name}.has_object_permission() → ${granted ? 'True' : 'False'}`
				},
				0.05
			);
			if (!granted) this.permission_denied(request, permission);
		}
	}

	permission_denied(_request: HttpRequest, permission: BasePermission): never {
		if (this.authentication_classes.length && !this.successful_authenticator) {
			throw new NotAuthenticated();
		}
		throw new PermissionDenied(permission.message, permission);
	}

	/** DRF's exception handler: JSON for API errors; 401 becomes 403 without a WWW-Authenticate scheme. */
	handle_exception(error: unknown): HttpResponse {
		let exc = error;
		if (exc instanceof Http404) exc = new NotFound(exc.message || undefined);
		if (exc instanceof DjangoPermissionDenied) exc = new PermissionDenied(exc.message || undefined);
		if (!(exc instanceof APIException)) throw error;
		const headers = { ...exc.headers };
		let status = exc.status_code;
		if (status === 401) {
			const scheme = this.authentication_classes[0]?.authenticate_header;
			if (scheme) headers['WWW-Authenticate'] = scheme;
			else status = 403;
		}
		const refused = exc instanceof PermissionDenied ? exc.permission : undefined;
		const user = this.request.user.is_authenticated ? this.request.user.username : 'AnonymousUser';
		recorderOf(this.request).hop(
			'view',
			'view',
			'call',
			'in',
			`DRF answers ${status}: ${exc.message}`,
			{
				...(refused?.source ? { source: refused.source } : {}),
				state: { user },
				note: `${exc.pythonName}: ${exc.message}`
			},
			0.05
		);
		return Response(exc.body(), status, headers);
	}
}

/** DRF decides who the user is inside the view: the trace records it, as the middleware does. */
function authenticated(request: HttpRequest, summary: string, user: string): void {
	recorderOf(request).hop('view', 'view', 'call', 'in', summary, { state: { user } }, 0.05);
}
