/**
 * `{% load admin_urls %}` (django/contrib/admin/templatetags/admin_urls.py): `admin_urlname`
 * (`opts|admin_urlname:'change'` → `admin:blog_post_change`), `admin_urlquote`, and
 * `{% add_preserved_filters url %}`, which gives a URL the changelist's filters back (the
 * page's `preserved_filters`), so that after a change the user returns to the list they came from.
 */
import type { Context } from '../../../template/context';
import type { Library } from '../../../template/parser';
import { simpleTag } from '../../../template/tags/custom-tags';
import type { FilterSpec } from '../../../template/variable';

interface Opts {
	app_label: string;
	model_name: string;
}

/**
 * `add_preserved_filters()`: the changelist's query string, kept as `_changelist_filters=…`,
 * added to a URL; a link back to the changelist itself gets the filters unwrapped.
 */
export function addPreservedFilters(
	url: string,
	preservedFilters: string,
	changelistUrl: string
): string {
	const queryAt = url.indexOf('?');
	const path = queryAt < 0 ? url : url.slice(0, queryAt);
	const query = queryAt < 0 ? '' : url.slice(queryAt + 1);
	let merged: Record<string, string> = {};
	if (preservedFilters) {
		merged = Object.fromEntries(new URLSearchParams(preservedFilters));
		if (path === changelistUrl && '_changelist_filters' in merged) {
			merged = Object.fromEntries(new URLSearchParams(merged._changelist_filters));
		}
	}
	Object.assign(merged, Object.fromEntries(new URLSearchParams(query)));
	const text = new URLSearchParams(merged).toString();
	return text ? `${path}?${text}` : path;
}

export function admin_urlname(value: Opts, arg: string): string {
	return `admin:${value.app_label}_${value.model_name}_${arg}`;
}

/** `quote()`: the characters that would confuse a URL, as `_XX`. */
export function admin_urlquote(value: unknown): string {
	return String(value).replace(
		/[:/_#?;@&=+$,"[\]<>%\n\\]/g,
		(c) => `_${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
	);
}

export const ADMIN_URLS: Library = {
	tags: {
		add_preserved_filters: simpleTag(
			(context, url) => {
				const c = context as Context;
				const opts = c.get('opts') as Opts | undefined;
				const preserved = String(c.get('preserved_filters') ?? '');
				if (!opts || !preserved) return addPreservedFilters(String(url ?? ''), '', '');
				const changelist = c.env.reverse?.(admin_urlname(opts, 'changelist'), [], {}) ?? '';
				return addPreservedFilters(String(url ?? ''), preserved, changelist);
			},
			{ takesContext: true }
		)
	},
	filters: {
		admin_urlname: {
			fn: (value: unknown, arg: unknown) => admin_urlname(value as Opts, String(arg)),
			arg: 'required'
		},
		admin_urlquote: { fn: (value: unknown) => admin_urlquote(value), arg: 'none' }
	} satisfies Record<string, FilterSpec>
};
