/**
 * Which files of the demo project a student may edit, and how: every template, each urls.py,
 * settings.py, and one line of blog/views.py chosen from a few variants (the PostListView
 * queryset with or without select_related). Small and free of the stack, for the editor's UI.
 */

/** Edited files by project path (`templates/base.html`, `blog/urls.py`). Others are unchanged. */
export type ProjectEdits = Readonly<Record<string, string>>;

export type FileKind = 'template' | 'urls' | 'settings' | 'view-line' | 'read-only';

/** A line of a view that may be swapped for one of a few variants that each teach something. */
export interface LineChoice {
	file: string;
	/** The line's text in the original file (trimmed). */
	original: string;
	variants: { text: string; label: string }[];
}

export const LINE_CHOICES: readonly LineChoice[] = [
	{
		file: 'blog/views.py',
		original: 'model = Post  # newest first, as Post.Meta.ordering says',
		variants: [
			{
				text: 'model = Post  # newest first, as Post.Meta.ordering says',
				label: 'model = Post: one query for the posts, then one per post for its author (N+1)'
			},
			{
				text: 'queryset = Post.objects.select_related("author")',
				label: 'queryset = Post.objects.select_related("author"): one query with a JOIN'
			}
		]
	}
];

export function fileKind(path: string): FileKind {
	if (path.startsWith('templates/') && path.endsWith('.html')) return 'template';
	if (path === 'mysite/settings.py') return 'settings';
	if (/^[a-z_]+\/urls\.py$/.test(path)) return 'urls';
	if (LINE_CHOICES.some((c) => c.file === path)) return 'view-line';
	return 'read-only';
}

/** Checks a view-line edit: the file must be the original with that one line swapped. */
export function checkLineChoice(path: string, original: string, edited: string): string | null {
	const choice = LINE_CHOICES.find((c) => c.file === path);
	if (!choice) return `${path} is read-only here.`;
	const before = original.split('\n');
	const after = edited.split('\n');
	const at = before.findIndex((l) => l.trim() === choice.original);
	const allowed = choice.variants.map((v) => v.text);
	if (
		before.length === after.length &&
		before.every((line, i) => i === at || line === after[i]) &&
		allowed.includes(after[at].trim()) &&
		after[at].startsWith(before[at].slice(0, before[at].length - before[at].trimStart().length))
	)
		return null;
	return `Views are read-only here, except one line of ${path}: ${allowed.join(' or ')}.`;
}

/** The file with its choice line swapped for `variant` (indentation kept). */
export function withLineChoice(text: string, choice: LineChoice, variant: string): string {
	return text
		.split('\n')
		.map((line) =>
			line.trim() === choice.original || choice.variants.some((v) => v.text === line.trim())
				? line.slice(0, line.length - line.trimStart().length) + variant
				: line
		)
		.join('\n');
}

/** The variant a file's choice line holds now. */
export function currentChoice(text: string, choice: LineChoice): string | undefined {
	const lines = text.split('\n').map((l) => l.trim());
	return choice.variants.find((v) => lines.includes(v.text))?.text;
}
