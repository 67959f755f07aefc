/**
 * Path converters, exactly as `django/urls/converters.py` defines the five built-in ones: the
 * regex a part of the URL must match, and how a matched text becomes a Python value (and back).
 */

export type RouteValue = string | number;

export interface PathConverter {
	/** The name used in routes: `<int:pk>`. */
	readonly name: string;
	/** The regex fragment Django puts into the compiled pattern (same in Python and JS). */
	readonly regex: string;
	/** Turns the matched text into the value the view receives. */
	toPython(value: string): RouteValue;
	/** Turns a value given to `reverse()` back into URL text. */
	toUrl(value: RouteValue): string;
	/** Plain words for a student when a text does not fit, e.g. `is not a whole number`. */
	readonly mismatch: string;
}

const int: PathConverter = {
	name: 'int',
	regex: '[0-9]+',
	toPython: (value) => Number.parseInt(value, 10),
	toUrl: (value) => String(value),
	mismatch: 'is not a whole number'
};

const str: PathConverter = {
	name: 'str',
	regex: '[^/]+',
	toPython: (value) => value,
	toUrl: (value) => String(value),
	mismatch: 'is not a non-empty text without "/"'
};

const slug: PathConverter = {
	name: 'slug',
	regex: '[-a-zA-Z0-9_]+',
	toPython: (value) => value,
	toUrl: (value) => String(value),
	mismatch: 'is not a slug (only letters, digits, hyphens and underscores)'
};

const uuid: PathConverter = {
	name: 'uuid',
	regex: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
	// Django gives the view a uuid.UUID; its str() is this same lowercase text.
	toPython: (value) => value,
	toUrl: (value) => String(value),
	mismatch: 'is not a lowercase UUID like 075194d3-6885-417e-a8a8-6c931e272f00'
};

const path: PathConverter = {
	name: 'path',
	regex: '.+',
	toPython: (value) => value,
	toUrl: (value) => String(value),
	mismatch: 'is empty'
};

/** Django's DEFAULT_CONVERTERS. */
export const CONVERTERS: Readonly<Record<string, PathConverter>> = { int, str, slug, uuid, path };
