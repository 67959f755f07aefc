/**
 * DRF's `APIView` (the generic views are in generics.ts). An APIView parses the body (JSON or a form), authenticates
 * (token, then session), checks permissions, runs the handler, and turns every exception into a
 * JSON answer with DRF's status and message. Every answer carries `Allow` and `Vary: Accept`.
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
	ParseError,
	PermissionDenied,
	UnsupportedMediaType
} from './exceptions';
import { pythonJsonError } from './json-errors';
import { decodeUtf8 } from '../../http/bytes';
import { AllowAny, type BasePermission } from './permissions';
import type { AsViewOptions } from '../../django/views';

/** DRF's JSONRenderer: compact separators, UTF-8 (not `\u` escapes). */
export function Response(
	data: unknown,
	status = 200,
	headers: Record<string, string> = {}
): HttpResponse {
	const body = data === undefined ? '' : JSON.stringify(data);
	const response = new HttpResponse(body, { status, content_type: 'application/json', headers });
	// DRF drops Content-Type when there is no body (a 204).
	if (body === '') response.headers.delete('Content-Type');
	return response;
}

export class APIView extends View {
	authentication_classes: Authenticator[] = [TokenAuthentication, SessionAuthentication];
	permission_classes: BasePermission[] = [AllowAny];
	/** `request.data`: the parsed JSON or form body. */
	data: unknown = {};
	successful_authenticator: Authenticator | null = null;

	static override as_view<T extends View>(
		this: new () => T,
		options: AsViewOptions,
		initkwargs: Partial<T> = {}
	): ViewFunction {
		const view = View.as_view.call(this, options, initkwargs);
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
		response.headers.set('Vary', 'Accept');
		return response;
	}

	/** OPTIONS: DRF's SimpleMetadata (without the per-field `actions`). */
	override options(_request: HttpRequest): HttpResponse {
		const name = this.constructor.name.replace(/View$/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
		return Response({
			name,
			description: '',
			renders: ['application/json'],
			parses: ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data']
		});
	}

	http_method_names(): readonly string[] {
		return (this.constructor as typeof View).http_method_names;
	}

	/** Parse the body, authenticate, check permissions: DRF's `initial()`. */
	initial(request: HttpRequest): void {
		this.data = this.parse(request);
		this.perform_authentication(request);
		this.check_permissions(request);
	}

	parse(request: HttpRequest): unknown {
		if (!request.body.length) return {};
		const type = request.content_type;
		if (type === 'application/json') {
			const text = decodeUtf8(request.body);
			const problem = pythonJsonError(text);
			if (problem) throw new ParseError(`JSON parse error - ${problem}`);
			try {
				return JSON.parse(text);
			} catch (error) {
				throw new ParseError(`JSON parse error - ${(error as Error).message}`);
			}
		}
		if (type === 'application/x-www-form-urlencoded')
			return Object.fromEntries(request.POST.items());
		throw new UnsupportedMediaType(type || 'application/octet-stream');
	}

	perform_authentication(request: HttpRequest): void {
		for (const authenticator of this.authentication_classes) {
			const user = authenticator.authenticate(request);
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
			if (permission.has_object_permission && !permission.has_object_permission(request, obj)) {
				this.permission_denied(request, permission);
			}
		}
	}

	permission_denied(_request: HttpRequest, permission: BasePermission): never {
		if (this.authentication_classes.length && !this.successful_authenticator) {
			throw new NotAuthenticated();
		}
		throw new PermissionDenied(permission.message);
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
		step(this.request, `DRF answers ${status}: ${exc.message}`);
		return Response(exc.body(), status, headers);
	}
}

/** DRF decides who the user is inside the view: the trace records it, as the middleware does. */
function authenticated(request: HttpRequest, summary: string, user: string): void {
	recorderOf(request).hop('view', 'view', 'call', 'in', summary, { state: { user } }, 0.05);
}
