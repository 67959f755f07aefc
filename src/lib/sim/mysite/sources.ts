/**
 * The demo project's files as the student reads them (Python, templates, static files), and the
 * bridge from the TypeScript that plays each view to the Python lines it stands for.
 *
 * A view finds its block once, when its module loads (`pySource('blog/views.py', 'post_detail')`
 * throws if the file has no such `def` or `class`), and names each line it runs by its exact
 * text (`code.ref('post = get_object_or_404(Post, pk=pk)')`), which throws when the text is not
 * in that block or is there twice. So when someone edits the Python and not the TypeScript (or
 * the other way round), the first request through that view fails loudly, and the source test,
 * which sends every URL of the site, fails with it.
 */
import { countsIn } from '../source-as-run';
import type { SourceRef } from '../types';

// Never Python's bytecode caches (`__pycache__/`, left behind when the project runs under Django).
const projectFiles = import.meta.glob(['./project/**/*', '!**/__pycache__/**', '!**/*.pyc'], {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

const staticFiles = import.meta.glob('./static/**/*', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

function strip(prefix: string, files: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	// In code-point order: a locale's collation (`localeCompare`) would first load the browser's
	// collation data, ~15 ms of the page's start; whoever shows the files sorts them for reading.
	for (const [path, text] of Object.entries(files).sort(([a], [b]) =>
		a < b ? -1 : a > b ? 1 : 0
	)) {
		out[path.slice(prefix.length)] = text;
	}
	return out;
}

/** Every file of the project by its path in the project (`blog/views.py`, `templates/base.html`). */
export const projectSources: Readonly<Record<string, string>> = Object.freeze(
	strip('./project/', projectFiles)
);

/** The files nginx serves under `/static/`, by their path after `/static/` (`css/site.css`). */
export const staticSources: Readonly<Record<string, string>> = Object.freeze(
	strip('./static/', staticFiles)
);

/** Templates by the name a view asks for (`blog/post_list.html`). */
export const templateSources: Readonly<Record<string, string>> = Object.freeze(
	Object.fromEntries(
		Object.entries(projectSources)
			.filter(([path]) => path.startsWith('templates/'))
			.map(([path, text]) => [path.slice('templates/'.length), text])
	)
);

export function sourceText(file: string): string {
	const text = projectSources[file];
	if (text === undefined) throw new Error(`mysite has no file ${file}`);
	return text;
}

/** A top-level `def`/`class` of a Python file: its lines, decorators included. */
export class PySource {
	/** 1-based, inclusive. */
	readonly start: number;
	readonly end: number;
	readonly #text: string;
	readonly #lines: readonly string[];
	readonly #found = new Map<string, number>();

	constructor(
		readonly file: string,
		readonly symbol: string
	) {
		this.#text = sourceText(file);
		const lines = this.#text.split('\n');
		this.#lines = lines;
		const header = new RegExp(`^(?:async\\s+)?(?:def|class)\\s+${symbol}\\b`);
		const at = lines.findIndex((line) => header.test(line));
		if (at < 0) throw new Error(`${file} has no def or class named ${symbol}`);
		let start = at;
		while (start > 0 && lines[start - 1].startsWith('@')) start--;
		let end = at + 1;
		while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end]))) end++;
		while (end > at + 1 && lines[end - 1].trim() === '') end--;
		this.start = start + 1;
		this.end = end;
	}

	/** The 1-based number of the one line in this block whose text (trimmed) is `text`. */
	line(text: string): number {
		const known = this.#found.get(text);
		if (known !== undefined) return known;
		const wanted = text.trim();
		const found: number[] = [];
		for (let n = this.start; n <= this.end; n++) {
			if (this.#lines[n - 1].trim() === wanted) found.push(n);
		}
		if (found.length !== 1) {
			const why = found.length ? `appears ${found.length} times` : 'is not there';
			throw new Error(`${this.file} (${this.symbol}): the line "${wanted}" ${why}`);
		}
		this.#found.set(text, found[0]);
		return found[0];
	}

	/** A source reference to some lines of this block, for a hop's `detail.source`. */
	ref(...texts: string[]): SourceRef {
		const lines = texts.map((text) => this.line(text));
		return countsIn({ file: this.file, symbol: this.symbol, lines }, this.#text);
	}

	/** The whole block: the `def` line and its body. */
	get whole(): SourceRef {
		const lines: number[] = [];
		for (let n = this.start; n <= this.end; n++) lines.push(n);
		return countsIn({ file: this.file, symbol: this.symbol, lines }, this.#text);
	}

	/** The `def`/`class` line (and decorators), shown when the resolver calls the view. */
	get header(): SourceRef {
		const lines: number[] = [];
		for (let n = this.start; n <= this.end; n++) {
			lines.push(n);
			if (/^(?:async\s+)?(?:def|class)\s/.test(this.#lines[n - 1])) break;
		}
		return countsIn({ file: this.file, symbol: this.symbol, lines }, this.#text);
	}
}

/** The block of `symbol` in `file`; throws at once if there is none. */
export function pySource(file: string, symbol: string): PySource {
	return new PySource(file, symbol);
}

/** A reference to one line anywhere in a file (a URL pattern, a setting). */
export function fileLine(file: string, text: string): SourceRef {
	const whole = sourceText(file);
	const lines = whole.split('\n');
	const wanted = text.trim();
	const found = lines.flatMap((line, i) => (line.trim() === wanted ? [i + 1] : []));
	if (found.length !== 1)
		throw new Error(`${file}: the line "${wanted}" is not there exactly once`);
	return countsIn({ file, lines: found }, whole);
}
