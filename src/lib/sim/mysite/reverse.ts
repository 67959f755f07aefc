/**
 * `django.urls.reverse` for mysite's own code (models' `get_absolute_url()`), which runs outside
 * any view and so cannot reach `request.sim`. The root URLconf registers itself here when it
 * loads; a model method calls `reverse()` only later, so the order of imports does not matter.
 */
import type { View } from '../django/http';
import type { ReverseOptions, UrlResolver } from '../django/urls';

let root: UrlResolver<View> | undefined;

export function setRootUrlconf(resolver: UrlResolver<View>): void {
	root = resolver;
}

export function reverse(name: string, options?: ReverseOptions): string {
	if (!root) throw new Error('mysite/urls.ts has not been loaded yet');
	return root.reverse(name, options);
}
