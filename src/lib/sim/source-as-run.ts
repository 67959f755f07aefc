/**
 * A source reference as it ran. A `SourceRef` names lines of a project file. When the student has
 * edited that file and the server runs the edited one, the inspector must show the file as it
 * ran, not the project's own: the hop then carries the edited text, with the lines counted in it.
 *
 * Two things are remembered beside the objects, never copied into traces: which files of a
 * loaded project were edited (`load-project.ts` marks them), and the text a reference made when
 * a module loads counts its lines in (the project's own file, `mysite/sources.ts`). A reference
 * made while a request runs (the URLconf read from an edited urls.py) counts in the running file.
 * A project nobody edited costs one lookup per hop with a source.
 */
import type { SourceRef } from './types';

const countedIn = new WeakMap<SourceRef, string>();
const editedIn = new WeakMap<object, ReadonlySet<string>>();
/** One result per reference and running text, so a trace shares it between its hops. */
const asRunCache = new WeakMap<SourceRef, { running: string; ref: SourceRef }>();

/** Remembers that `ref`'s line numbers count in `text`; returns `ref`. */
export function countsIn(ref: SourceRef, text: string): SourceRef {
	countedIn.set(ref, text);
	return ref;
}

/** Remembers which of a loaded project's `files` differ from the project's own; returns `files`. */
export function withEdited<T extends Readonly<Record<string, string>>>(
	files: T,
	edited: Iterable<string>
): T {
	editedIn.set(files, new Set(edited));
	return files;
}

/**
 * `ref` as it runs on `files` (the project's files as the server runs them): itself when its file
 * is the project's own, else with `text` (the edited file) and its lines counted in it.
 */
export function asRun(ref: SourceRef, files: Readonly<Record<string, string>>): SourceRef {
	if (!editedIn.get(files)?.has(ref.file)) return ref;
	const running = files[ref.file];
	if (running === undefined) return ref;
	const cached = asRunCache.get(ref);
	if (cached?.running === running) return cached.ref;
	const counted = countedIn.get(ref);
	const lines =
		counted === undefined || counted === running ? ref.lines : linesIn(counted, running, ref.lines);
	const edited: SourceRef = { ...ref, lines, text: running };
	asRunCache.set(ref, { running, ref: edited });
	return edited;
}

/**
 * Where lines of `before` are in `after`: the lines before the first change and after the last
 * keep their place (shifted by what was added or removed between); a line inside the changed part
 * is found there by its text, or, when that part kept its length (a line rewritten in place, as
 * the editor's view-line choice does), it is the line now in its place. A line that is gone is left out.
 */
export function linesIn(before: string, after: string, lines: readonly number[]): number[] {
	const a = before.split('\n');
	const b = after.split('\n');
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) head++;
	let tail = 0;
	while (
		tail < a.length - head &&
		tail < b.length - head &&
		a[a.length - 1 - tail] === b[b.length - 1 - tail]
	)
		tail++;
	const changedA = a.length - head - tail;
	const changedB = b.length - head - tail;
	const out: number[] = [];
	for (const n of lines) {
		const i = n - 1;
		let at: number | undefined;
		if (i < head) at = i;
		else if (i >= a.length - tail) at = i + (b.length - a.length);
		else if (changedA === changedB) at = i;
		else {
			const wanted = a[i].trim();
			const found: number[] = [];
			for (let j = head; j < head + changedB; j++) if (b[j].trim() === wanted) found.push(j);
			if (found.length === 1) at = found[0];
		}
		if (at !== undefined && !out.includes(at + 1)) out.push(at + 1);
	}
	return out;
}
