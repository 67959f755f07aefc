/**
 * `{% load admin_urls %}` (django/contrib/admin/templatetags/admin_urls.py): `admin_urlname`
 * (`opts|admin_urlname:'change'` → `admin:blog_post_change`), `admin_urlquote`, and
 * `{% add_preserved_filters url %}`, which gives a URL the changelist's filters back. This
 * admin keeps no filters across pages (`preserved_filters` is always empty), so the URL is
 * returned as it is, as Django does when there is nothing to preserve.
 */
import type { Library } from '../../../template/parser';
import { simpleTag } from '../../../template/tags/custom-tags';
import type { FilterSpec } from '../../../template/variable';

interface Opts {
	app_label: string;
	model_name: string;
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
		add_preserved_filters: simpleTag((_context, url) => String(url ?? ''), { takesContext: true })
	},
	filters: {
		admin_urlname: {
			fn: (value: unknown, arg: unknown) => admin_urlname(value as Opts, String(arg)),
			arg: 'required'
		},
		admin_urlquote: { fn: (value: unknown) => admin_urlquote(value), arg: 'none' }
	} satisfies Record<string, FilterSpec>
};
