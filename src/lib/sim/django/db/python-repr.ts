/**
 * Python source text for values, so the trace can show the ORM call exactly as a student would
 * type it in a Django view: `Post.objects.filter(title__icontains='django')`.
 */

/** An object that knows its own Python spelling (F expressions, Q objects, model instances). */
export interface PythonReprable {
	toPython(): string;
}

function isReprable(value: unknown): value is PythonReprable {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as PythonReprable).toPython === 'function'
	);
}

/** Python's `repr()` of a string: single quotes unless the text holds one and no double quote. */
export function pyString(text: string): string {
	const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
	let out = '';
	for (const ch of text) {
		if (ch === '\\') out += '\\\\';
		else if (ch === quote) out += '\\' + ch;
		else if (ch === '\n') out += '\\n';
		else if (ch === '\r') out += '\\r';
		else if (ch === '\t') out += '\\t';
		else out += ch;
	}
	return quote + out + quote;
}

/** A `datetime.datetime(...)` call in UTC, as the shell prints an aware datetime. */
function pyDatetime(date: Date): string {
	const parts = [
		date.getUTCFullYear(),
		date.getUTCMonth() + 1,
		date.getUTCDate(),
		date.getUTCHours(),
		date.getUTCMinutes()
	];
	const seconds = date.getUTCSeconds();
	const micro = date.getUTCMilliseconds() * 1000;
	if (seconds || micro) parts.push(seconds);
	if (micro) parts.push(micro);
	return `datetime.datetime(${parts.join(', ')}, tzinfo=datetime.timezone.utc)`;
}

export function pyRepr(value: unknown): string {
	if (value === null || value === undefined) return 'None';
	if (value === true) return 'True';
	if (value === false) return 'False';
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') return pyString(value);
	if (value instanceof Date) return pyDatetime(value);
	if (isReprable(value)) return value.toPython();
	if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
	return pyString(String(value));
}

/** Keyword arguments: `title='x', pk=3`. */
export function pyKwargs(kwargs: Readonly<Record<string, unknown>>): string {
	return Object.entries(kwargs)
		.map(([key, value]) => `${key}=${pyRepr(value)}`)
		.join(', ');
}

/** Positional then keyword arguments, comma separated. */
export function pyArgs(args: readonly unknown[], kwargs: Readonly<Record<string, unknown>> = {}) {
	return [...args.map(pyRepr), ...(Object.keys(kwargs).length ? [pyKwargs(kwargs)] : [])].join(
		', '
	);
}
