/** `rest_framework.permissions`: who may call a view, and who may touch one object. */
import type { HttpRequest } from '../../django/http';
import type { SourceRef } from '../../types';

export const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

export interface BasePermission {
	/** The Python class name, for the trace. */
	readonly name: string;
	/** The lines of `has_object_permission` (or `has_permission`) the trace shows. */
	readonly source?: SourceRef;
	message?: string;
	has_permission?(request: HttpRequest): boolean;
	has_object_permission?(request: HttpRequest, obj: unknown): boolean;
}

export const AllowAny: BasePermission = {
	name: 'AllowAny',
	has_permission: () => true
};

export const IsAuthenticated: BasePermission = {
	name: 'IsAuthenticated',
	has_permission: (request) => request.user.is_authenticated
};

export const IsAuthenticatedOrReadOnly: BasePermission = {
	name: 'IsAuthenticatedOrReadOnly',
	has_permission: (request) =>
		SAFE_METHODS.includes(request.method) || request.user.is_authenticated
};
