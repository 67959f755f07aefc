/**
 * What reading an edited Python file can raise: the Python (and Django) exceptions a real server
 * would raise on import, with their class names and messages, and the one answer that is ours,
 * `SimulationReadsOnly`, for Python this simulation does not read (it never guesses).
 */
import { DjangoException } from '../django/exceptions';

/** Where a Python exception happened: project path, 1-based line, that line's text. */
export interface PyLocation {
	file: string;
	line: number;
	text?: string;
}

/** A Python exception raised while importing one of the project's files. */
export class PythonError extends DjangoException {
	/** `SyntaxError`, `AttributeError`, `django.core.exceptions.ImproperlyConfigured`… */
	readonly type: string;
	readonly location?: PyLocation;
	constructor(type: string, message: string, location?: PyLocation) {
		super(message);
		this.type = type;
		this.location = location;
		this.name = type.split('.').pop() ?? type;
	}
	override get pythonName(): string {
		return this.type;
	}
}

/** Python's `SyntaxError`: str() adds "(file, line N)", as in `'(' was never closed (urls.py, line 9)`. */
export class PySyntaxError extends PythonError {
	readonly msg: string;
	constructor(type: 'SyntaxError' | 'IndentationError', msg: string, location: PyLocation) {
		super(type, `${msg} (${location.file.split('/').pop()}, line ${location.line})`, location);
		this.msg = msg;
	}
}

/** Python this simulation does not read: said plainly instead of guessing what it would do. */
export class SimulationReadsOnly extends Error {
	override name = 'SimulationReadsOnly';
	readonly location?: PyLocation;
	constructor(message: string, location?: PyLocation) {
		super(message);
		this.location = location;
	}
}

/** Where the project lives on the simulated server (as the DEBUG pages print paths). */
export const SERVER_ROOT = '/srv/mysite/';

/** The `Traceback (most recent call last):` text Python prints for an import-time exception. */
export function formatTraceback(error: PythonError | SimulationReadsOnly): string {
	const where = error.location;
	if (error instanceof SimulationReadsOnly) {
		const at = where ? `${where.file}, line ${where.line}: ` : '';
		return `${at}${error.message}`;
	}
	const lines = ['Traceback (most recent call last):'];
	if (where) {
		const inModule = error instanceof PySyntaxError ? '' : ', in <module>';
		lines.push(`  File "${SERVER_ROOT}${where.file}", line ${where.line}${inModule}`);
		if (where.text !== undefined) lines.push(`    ${where.text.trim()}`);
	}
	const message = error instanceof PySyntaxError ? error.msg : error.message;
	lines.push(`${error.type}: ${message}`);
	return lines.join('\n');
}
