/**
 * Django REST framework's exceptions (`rest_framework.exceptions`), with its status codes and
 * default messages. `APIView` turns each into a JSON answer: `{"detail": "..."}`, or for a
 * `ValidationError` the field errors themselves (`{"quantity": ["..."]}`).
 */

import type { SourceRef } from '../../types';

export class APIException extends Error {
	static readonly pythonName: string = 'rest_framework.exceptions.APIException';
	status_code = 500;
	/** What goes into the JSON body: a `detail` message, or field errors. */
	detail: unknown;
	/** Extra headers (`WWW-Authenticate`, `Allow`). */
	headers: Record<string, string> = {};

	constructor(detail?: unknown, fallback = 'A server error occurred.') {
		const value = detail ?? fallback;
		super(typeof value === 'string' ? value : JSON.stringify(value));
		this.detail = value;
	}

	get pythonName(): string {
		return (this.constructor as typeof APIException).pythonName;
	}

	/** The JSON body: `{"detail": ...}` unless the detail is already a dict or list. */
	body(): unknown {
		return typeof this.detail === 'string' ? { detail: this.detail } : this.detail;
	}
}

export class ValidationError extends APIException {
	static override readonly pythonName: string = 'rest_framework.exceptions.ValidationError';
	override status_code = 400;
	override name = 'ValidationError';
	constructor(detail: Record<string, string[]> | string[] | string) {
		// DRF wraps a single message in a list, as serializer errors always are.
		super(typeof detail === 'string' ? [detail] : detail, 'Invalid input.');
	}
}

export class ParseError extends APIException {
	static override readonly pythonName: string = 'rest_framework.exceptions.ParseError';
	override status_code = 400;
	override name = 'ParseError';
	constructor(detail?: string) {
		super(detail, 'Malformed request.');
	}
}

export class AuthenticationFailed extends APIException {
	static override readonly pythonName: string = 'rest_framework.exceptions.AuthenticationFailed';
	override status_code = 401;
	override name = 'AuthenticationFailed';
	constructor(detail?: string) {
		super(detail, 'Incorrect authentication credentials.');
	}
}

export class NotAuthenticated extends APIException {
	static override readonly pythonName: string = 'rest_framework.exceptions.NotAuthenticated';
	override status_code = 401;
	override name = 'NotAuthenticated';
	constructor(detail?: string) {
		super(detail, 'Authentication credentials were not provided.');
	}
}

export class PermissionDenied extends APIException {
	static override readonly pythonName: string = 'rest_framework.exceptions.PermissionDenied';
	override status_code = 403;
	override name = 'PermissionDenied';
	constructor(
		detail?: string,
		/** The permission class that refused, for the trace. */
		readonly permission?: { readonly name: string; readonly source?: SourceRef }
	) {
		super(detail, 'You do not have permission to perform this action.');
	}
}

export class NotFound extends APIException {
	static override readonly pythonName: string = 'rest_framework.exceptions.NotFound';
	override status_code = 404;
	override name = 'NotFound';
	constructor(detail?: string) {
		super(detail, 'Not found.');
	}
}

export class MethodNotAllowed extends APIException {
	static override readonly pythonName: string = 'rest_framework.exceptions.MethodNotAllowed';
	override status_code = 405;
	override name = 'MethodNotAllowed';
	constructor(method: string) {
		super(`Method "${method}" not allowed.`);
	}
}

export class UnsupportedMediaType extends APIException {
	static override readonly pythonName: string = 'rest_framework.exceptions.UnsupportedMediaType';
	override status_code = 415;
	override name = 'UnsupportedMediaType';
	constructor(mediaType: string) {
		super(`Unsupported media type "${mediaType}" in request.`);
	}
}
