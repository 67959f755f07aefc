/**
 * The exceptions Django's URL machinery raises, with Django's class names so that the student
 * sees the same words the real traceback shows.
 */

/** Raised when the URLconf itself is wrong (a bad route), as `django.core.exceptions` does. */
export class ImproperlyConfigured extends Error {
	override name = 'ImproperlyConfigured';
}

/** Raised by `reverse()` when no pattern fits the name and arguments (`django.urls.NoReverseMatch`). */
export class NoReverseMatch extends Error {
	override name = 'NoReverseMatch';
}
