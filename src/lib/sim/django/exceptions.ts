/**
 * The exceptions a view or middleware raises and the handler turns into responses, with Django's
 * class names (the technical 500 page and the trace show them as the student would see them):
 * `Http404` → 404, `PermissionDenied` → 403, `BadRequest` and every `SuspiciousOperation` → 400,
 * anything else → 500. (django/core/exceptions.py, django/http/response.py)
 */

/** Base for Django's exception classes: `pythonName` is the dotted name shown in tracebacks. */
export class DjangoException extends Error {
	static readonly pythonName: string = 'Exception';
	get pythonName(): string {
		return (this.constructor as typeof DjangoException).pythonName;
	}
}

export class Http404 extends DjangoException {
	static override readonly pythonName: string = 'django.http.Http404';
	override name = 'Http404';
}

export class PermissionDenied extends DjangoException {
	static override readonly pythonName: string = 'django.core.exceptions.PermissionDenied';
	override name = 'PermissionDenied';
}

export class BadRequest extends DjangoException {
	static override readonly pythonName: string = 'django.core.exceptions.BadRequest';
	override name = 'BadRequest';
}

/** The user did something suspicious (a forged host, too many fields): 400, and logged. */
export class SuspiciousOperation extends DjangoException {
	static override readonly pythonName: string = 'django.core.exceptions.SuspiciousOperation';
	override name = 'SuspiciousOperation';
}

export class DisallowedHost extends SuspiciousOperation {
	static override readonly pythonName: string = 'django.core.exceptions.DisallowedHost';
	override name = 'DisallowedHost';
}

export class TooManyFieldsSent extends SuspiciousOperation {
	static override readonly pythonName: string = 'django.core.exceptions.TooManyFieldsSent';
	override name = 'TooManyFieldsSent';
}

export class RequestDataTooBig extends SuspiciousOperation {
	static override readonly pythonName: string = 'django.core.exceptions.RequestDataTooBig';
	override name = 'RequestDataTooBig';
}

/** Python's `RuntimeError`, e.g. APPEND_SLASH meeting a POST in DEBUG. */
export class PythonRuntimeError extends DjangoException {
	static override readonly pythonName: string = 'RuntimeError';
	override name = 'RuntimeError';
}

/** Python's `ValueError`, e.g. `datetime(0, 1, 1)`: "year 0 is out of range". */
export class PythonValueError extends DjangoException {
	static override readonly pythonName: string = 'ValueError';
	override name = 'ValueError';
}

/** A JavaScript stack overflow is what Python reports as `RecursionError`. */
function isStackOverflow(error: Error): boolean {
	return error instanceof RangeError && /call stack/i.test(error.message);
}

/** The Python exception name for any error (never a JavaScript one on a Django page). */
export function pythonName(error: unknown): string {
	if (error instanceof DjangoException) return error.pythonName;
	if (!(error instanceof Error)) return 'Exception';
	if (isStackOverflow(error)) return 'RecursionError';
	return JS_TO_PYTHON[error.name] ?? error.name;
}

/** JavaScript's built-in error names that Python spells differently (TypeError is shared). */
const JS_TO_PYTHON: Record<string, string> = {
	Error: 'Exception',
	RangeError: 'ValueError',
	URIError: 'ValueError',
	ReferenceError: 'NameError',
	EvalError: 'Exception',
	AggregateError: 'ExceptionGroup'
};

/** The exception's message as Python would word it. */
export function pythonMessage(error: unknown): string {
	if (error instanceof Error && isStackOverflow(error)) return 'maximum recursion depth exceeded';
	return error instanceof Error ? error.message : String(error);
}
