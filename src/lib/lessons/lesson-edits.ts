/**
 * A challenge's reference edits to the demo project (`edits:` in a challenge step): replace one
 * piece of text in a file with another. The self-test applies them to the site before sending the
 * solution; the page shows them with the solution, for the student to make in the editor.
 */
import { z } from 'zod';

export const projectEditSchema = z.strictObject({
	/** Project path, e.g. `blog/urls.py` or `templates/blog/post_list.html`. */
	file: z.string().min(3),
	/** Text that is in the file exactly once. */
	replace: z.string().min(1),
	with: z.string()
});
export type ProjectEdit = z.infer<typeof projectEditSchema>;

/**
 * The files after `edits`, starting from `files` (the project as it now runs). Throws when a
 * text to replace is not in its file exactly once, so a lesson cannot drift from the project.
 */
export function applyProjectEdits(
	files: Readonly<Record<string, string>>,
	edits: readonly ProjectEdit[]
): Record<string, string> {
	const changed: Record<string, string> = {};
	for (const edit of edits) {
		const text = changed[edit.file] ?? files[edit.file];
		if (text === undefined) throw new Error(`The project has no file ${edit.file}`);
		const count = text.split(edit.replace).length - 1;
		if (count !== 1)
			throw new Error(
				`${edit.file} holds ${JSON.stringify(edit.replace)} ${count} times, not once`
			);
		changed[edit.file] = text.replace(edit.replace, () => edit.with);
	}
	return changed;
}
