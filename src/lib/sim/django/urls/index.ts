/**
 * Django's URL dispatcher (`django.urls`), hand-written so the student can read it: `path()`,
 * `re_path()` (here `rePath`), `include()`, the five path converters, resolving a path to a view
 * (first match wins, every pattern tried recorded with a reason) and `reverse()`.
 *
 * ```ts
 * const urlpatterns = [
 *   path('', home, { name: 'home' }),
 *   path('blog/', include([path('<int:pk>/', postDetail, { name: 'post_detail' })], { namespace: 'blog' }))
 * ];
 * const resolver = createResolver(urlpatterns);
 * resolver.resolve('/blog/3/');   // { match: { func: postDetail, kwargs: { pk: 3 }, route: 'blog/<int:pk>/', … }, tried }
 * resolver.reverse('blog:post_detail', { kwargs: { pk: 3 } });   // '/blog/3/'
 * ```
 *
 * Views are opaque: any object with a `viewName` (the dotted Python name). Errors are Django's:
 * `ImproperlyConfigured` for a bad route, `NoReverseMatch` from `reverse()`.
 */
export { CONVERTERS, type PathConverter, type RouteValue } from './converters';
export { ImproperlyConfigured, NoReverseMatch } from './errors';
export {
	include,
	path,
	rePath,
	type Included,
	type PathOptions,
	type UrlEntry,
	type UrlPattern,
	type UrlResolverEntry,
	type ViewRef
} from './patterns';
export { routeToRegex } from './route-pattern';
export type { ReverseOptions } from './reverse';
export {
	createResolver,
	matchInfo,
	type ResolveResult,
	type ResolverMatch,
	type UrlResolver
} from './url-resolver';
