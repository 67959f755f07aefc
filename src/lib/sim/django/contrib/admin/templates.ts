/**
 * The admin's own templates, as `django/contrib/admin/templates/` ships them: with `APP_DIRS =
 * True` Django's loader finds them after the project's `DIRS`, so a project overrides one only by
 * writing a template of the same name in its own `templates/` (mysite does not). The copies here
 * are shortened (each says so in its first lines) and use the context Django's admin views give.
 */
const files = import.meta.glob('./templates/**/*.html', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

/** Template source by name (`admin/change_list.html` → text). */
export const adminTemplates: Readonly<Record<string, string>> = Object.freeze(
	Object.fromEntries(
		Object.entries(files)
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([path, text]) => [path.slice('./templates/'.length), text])
	)
);
