/**
 * YAML with line numbers: parses a YAML snippet from a lesson and validates it with a Zod schema,
 * turning every problem into "line: what is wrong" so an author can find it in the file.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';

export interface LessonIssue {
	line: number;
	message: string;
}

export type YamlResult<T> = { ok: true; value: T } | { ok: false; issues: LessonIssue[] };

/** The line of the key `key` in the map at `path`, if there is one. */
function keyLine(doc: Document, counter: LineCounter, path: PropertyKey[], key: PropertyKey) {
	const node = doc.getIn(path, true);
	if (!isMap(node)) return undefined;
	const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
	const range = (pair?.key as Node | undefined)?.range;
	return range ? counter.linePos(range[0]).line : undefined;
}

/** The line of the node at `path` (its key's line, in a map), or of its nearest ancestor. */
function lineOf(doc: Document, counter: LineCounter, path: PropertyKey[], key?: string): number {
	if (key !== undefined) {
		const line = keyLine(doc, counter, path, key);
		if (line) return line;
	}
	if (path.length > 0) {
		const line = keyLine(doc, counter, path.slice(0, -1), path[path.length - 1]);
		if (line) return line;
	}
	for (let depth = path.length; depth >= 0; depth--) {
		const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
		if (node && typeof node === 'object' && 'range' in node && node.range) {
			return counter.linePos(node.range[0]).line;
		}
	}
	const first = doc.contents?.range?.[0] ?? 0;
	return counter.linePos(first).line;
}

/** A word of advice for the YAML mistakes lesson authors make most. */
function hint(code: string): string {
	return code === 'UNEXPECTED_TOKEN' || code === 'BLOCK_AS_IMPLICIT_KEY'
		? ' (a value that starts with a quote, or contains ": ", needs quotes around all of it)'
		: '';
}

function describe(issue: z.core.$ZodIssue): string {
	const where = issue.path.length ? `"${issue.path.join('.')}" ` : '';
	if (issue.code === 'unrecognized_keys')
		return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where ? ` in ${where.trim()}` : ''}`;
	if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}is required`;
	if (issue.code === 'invalid_type') return `${where}must be ${article(issue.expected)}`;
	if (issue.code === 'invalid_value')
		return `${where}must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
	if (issue.code === 'invalid_union') return `${where}is not in a form I know`;
	return `${where}${issue.message}`;
}

function article(type: string): string {
	return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Parses `text` (which starts at line `firstLine` of the file) and validates it. An empty snippet
 * is validated as `{}`, so the schema reports what is missing.
 */
export function parseYaml<S extends z.ZodType>(
	text: string,
	firstLine: number,
	schema: S
): YamlResult<z.output<S>> {
	const counter = new LineCounter();
	const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
	const at = (line: number) => line + firstLine - 1;
	if (doc.errors.length > 0) {
		return {
			ok: false,
			issues: doc.errors.map((e) => ({
				line: at(e.linePos?.[0].line ?? 1),
				message: `YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}${hint(e.code)}`
			}))
		};
	}
	const result = schema.safeParse(doc.toJS() ?? {}, { reportInput: true });
	if (result.success) return { ok: true, value: result.data };
	return {
		ok: false,
		issues: result.error.issues.map((issue) => ({
			line: at(
				lineOf(
					doc,
					counter,
					issue.path,
					issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
				)
			),
			message: describe(issue)
		}))
	};
}
