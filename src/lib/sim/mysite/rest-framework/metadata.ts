/**
 * DRF's `SimpleMetadata`, the body of an `OPTIONS` answer: the view's name and description, what
 * it renders and parses, and under `actions` the fields a `POST` (list views) or `PUT` (detail
 * views) takes, for a user who passes the permission checks (and, for PUT, the object's).
 */
import type { HttpRequest } from '../../django/http';
import { APIException } from './exceptions';
import { Http404, PermissionDenied } from '../../django/http';
import type { APIView } from './views';
import { serializerInfo, type ModelSerializer } from './serializers';

interface MetadataView {
	get_view_name(): string;
	parser_classes: readonly { media_type: string }[];
	_allowed_methods(): string[];
	check_permissions(request: HttpRequest): void;
	get_serializer?(instance: null): ModelSerializer;
	get_object?(): unknown;
	request: HttpRequest;
}

export function determineMetadata(request: HttpRequest, apiView: APIView): Record<string, unknown> {
	const view = apiView as unknown as MetadataView;
	const metadata: Record<string, unknown> = {
		name: view.get_view_name(),
		// A view class's own docstring (mysite's views have none; `__doc__` is not inherited).
		description: '',
		renders: ['application/json'],
		parses: view.parser_classes.map((parser) => parser.media_type)
	};
	if (typeof view.get_serializer === 'function') {
		const actions = determineActions(request, view);
		if (Object.keys(actions).length) metadata.actions = actions;
	}
	return metadata;
}

function determineActions(request: HttpRequest, view: MetadataView): Record<string, unknown> {
	const actions: Record<string, unknown> = {};
	const allowed = view._allowed_methods();
	for (const method of ['PUT', 'POST'].filter((m) => allowed.includes(m))) {
		// `clone_request(request, method)`: the same request, asking as if it were a PUT or POST.
		const clone = Object.create(request, { method: { value: method } }) as HttpRequest;
		view.request = clone;
		try {
			view.check_permissions(clone);
			if (method === 'PUT' && typeof view.get_object === 'function') view.get_object();
			actions[method] = serializerInfo(view.get_serializer!(null));
		} catch (error) {
			const refused =
				error instanceof APIException ||
				error instanceof Http404 ||
				error instanceof PermissionDenied;
			if (!refused) throw error;
		} finally {
			view.request = request;
		}
	}
	return actions;
}
