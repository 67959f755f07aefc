import { describe, expect, it } from 'vitest';
import {
	createResolver,
	ImproperlyConfigured,
	include,
	matchInfo,
	NoReverseMatch,
	path,
	rePath,
	routeToRegex,
	type ViewRef
} from './index';

const view = (viewName: string): ViewRef => ({ viewName });
const v = {
	special2003: view('news.views.special_case_2003'),
	year: view('news.views.year_archive'),
	month: view('news.views.month_archive'),
	detail: view('news.views.article_detail')
};

// The example from Django's "URL dispatcher" topic guide.
const docsPatterns = [
	path('articles/2003/', v.special2003),
	path('articles/<int:year>/', v.year),
	path('articles/<int:year>/<int:month>/', v.month),
	path('articles/<int:year>/<int:month>/<slug:slug>/', v.detail)
];

describe('resolve: the URL dispatcher docs example', () => {
	const resolver = createResolver(docsPatterns);

	it('/articles/2005/03/ matches the third entry with year=2005, month=3', () => {
		const { match, tried } = resolver.resolve('/articles/2005/03/');
		expect(match?.func).toBe(v.month);
		expect(match?.kwargs).toEqual({ year: 2005, month: 3 });
		expect(match?.route).toBe('articles/<int:year>/<int:month>/');
		expect(tried.map((t) => t.matched)).toEqual([false, false, true]);
	});

	it('/articles/2003/ matches the first pattern, not the second, and stops there', () => {
		const { match, tried } = resolver.resolve('/articles/2003/');
		expect(match?.func).toBe(v.special2003);
		expect(tried).toEqual([{ route: 'articles/2003/', matched: true }]);
	});

	it('/articles/2003 matches nothing: every pattern requires the trailing slash', () => {
		const { match, tried } = resolver.resolve('/articles/2003');
		expect(match).toBeNull();
		expect(tried).toHaveLength(4);
		expect(tried[1].reason).toBe('the path ends after "articles/2003", before "/"');
	});

	it('/articles/2003/03/building-a-django-site/ matches the final pattern', () => {
		const { match } = resolver.resolve('/articles/2003/03/building-a-django-site/');
		expect(match?.func).toBe(v.detail);
		expect(match?.kwargs).toEqual({ year: 2003, month: 3, slug: 'building-a-django-site' });
		expect(match?.viewName).toBe('news.views.article_detail');
	});

	it('explains each miss in plain words', () => {
		const { tried } = resolver.resolve('/articles/abc/');
		expect(tried.map((t) => t.reason)).toEqual([
			'after "articles/" the pattern expects "2003/", but the path has "abc/"',
			'"abc" is not a whole number, so <int:year> does not match',
			'"abc" is not a whole number, so <int:year> does not match',
			'"abc" is not a whole number, so <int:year> does not match'
		]);
		expect(resolver.resolve('/news/').tried[0].reason).toBe(
			'the path does not start with "articles/2003/"'
		);
		expect(resolver.resolve('/articles/2003/03/x/y/').tried[3].reason).toBe(
			'the path is longer than "articles/2003/03/x/"'
		);
	});

	it('a path without its leading slash matches nothing (the root pattern is ^/)', () => {
		expect(resolver.resolve('articles/2003/')).toEqual({ match: null, tried: [] });
	});
});

// A project like mysite: includes with namespaces.
const blog = {
	list: view('blog.views.PostListView'),
	detail: view('blog.views.post_detail'),
	comment: view('blog.views.add_comment'),
	archive: view('blog.views.archive_year')
};
const home = view('mysite.views.home');
const product = view('shop.views.ProductDetailView');
const blogPatterns = [
	path('', blog.list, { name: 'post_list' }),
	path('<int:pk>/', blog.detail, { name: 'post_detail' }),
	path('<int:pk>/comment/', blog.comment, { name: 'add_comment' }),
	path('archive/<int:year>/', blog.archive, { name: 'archive_year' })
];
const shopPatterns = [path('products/<slug:slug>/', product, { name: 'product_detail' })];
const root = [
	path('', home, { name: 'home' }),
	path('blog/', include(blogPatterns, { namespace: 'blog' })),
	path('shop/', include(shopPatterns, { namespace: 'shop' }))
];

describe('resolve: include and namespaces', () => {
	const resolver = createResolver(root);

	it('resolves through an include and reports the namespace', () => {
		const { match, tried } = resolver.resolve('/blog/3/');
		expect(match).toMatchObject({
			func: blog.detail,
			kwargs: { pk: 3 },
			route: 'blog/<int:pk>/',
			urlName: 'post_detail',
			namespace: 'blog',
			appNames: ['blog'],
			qualifiedName: 'blog:post_detail'
		});
		expect(tried).toEqual([
			{
				route: '',
				name: 'home',
				matched: false,
				reason: 'an empty route matches only the empty path, not "blog/3/"'
			},
			{
				route: 'blog/ ',
				name: 'blog:post_list',
				matched: false,
				reason: 'the path is longer than "blog/"'
			},
			{ route: 'blog/ <int:pk>/', name: 'blog:post_detail', matched: true }
		]);
		expect(matchInfo(match!)).toEqual({
			route: 'blog/<int:pk>/',
			viewName: 'blog.views.post_detail',
			urlName: 'post_detail',
			namespace: 'blog',
			args: [],
			kwargs: { pk: 3 }
		});
	});

	it('an include whose prefix does not match is listed once, by its prefix', () => {
		const { match, tried } = resolver.resolve('/shop/products/red-mug/');
		expect(match?.kwargs).toEqual({ slug: 'red-mug' });
		expect(tried.map((t) => t.route)).toEqual(['', 'blog/', 'shop/ products/<slug:slug>/']);
		expect(tried[1].reason).toBe('the path does not start with "blog/"');
	});

	it('lists every pattern tried when nothing matches, with reasons', () => {
		const { match, tried } = resolver.resolve('/blog/abc/');
		expect(match).toBeNull();
		expect(tried.map((t) => [t.route, t.reason])).toEqual([
			['', 'an empty route matches only the empty path, not "blog/abc/"'],
			['blog/ ', 'the path is longer than "blog/"'],
			['blog/ <int:pk>/', '"abc" is not a whole number, so <int:pk> does not match'],
			['blog/ <int:pk>/comment/', '"abc" is not a whole number, so <int:pk> does not match'],
			[
				'blog/ archive/<int:year>/',
				'after "blog/" the pattern expects "archive/", but the path has "abc/"'
			],
			['shop/', 'the path does not start with "shop/"']
		]);
	});

	it('reports the inner reason with what the outer pattern took', () => {
		const { tried } = resolver.resolve('/blog/3/edit/');
		expect(tried[3].reason).toBe(
			'after "blog/3/" the pattern expects "comment/", but the path has "edit/"'
		);
		expect(tried[2].reason).toBe('the path is longer than "blog/3/"');
	});

	it('prints the URLconf as the DEBUG 404 page does', () => {
		expect(resolver.patternsForDebug()).toEqual([
			" [name='home']",
			"blog/  [name='post_list']",
			"blog/ <int:pk>/ [name='post_detail']",
			"blog/ <int:pk>/comment/ [name='add_comment']",
			"blog/ archive/<int:year>/ [name='archive_year']",
			"shop/ products/<slug:slug>/ [name='product_detail']"
		]);
	});

	it('merges extra kwargs from path(..., kwargs=...)', () => {
		const r = createResolver([
			path('feed/<int:year>/', blog.list, { kwargs: { format: 'rss' } }),
			path('x/', include([path('<slug:s>/', blog.list, { kwargs: { b: 2 } })]), {
				kwargs: { a: 1 }
			})
		]);
		const { match } = r.resolve('/feed/2024/');
		expect(match?.kwargs).toEqual({ year: 2024, format: 'rss' });
		expect(match?.capturedKwargs).toEqual({ year: 2024 });
		expect(match?.extraKwargs).toEqual({ format: 'rss' });
		expect(r.resolve('/x/y/').match).toMatchObject({
			kwargs: { a: 1, s: 'y', b: 2 },
			capturedKwargs: { s: 'y' },
			extraKwargs: { a: 1, b: 2 }
		});
	});
});

describe('converters', () => {
	const uuidView = view('v.uuid');
	const pathView = view('v.path');
	const strView = view('v.str');
	const resolver = createResolver([
		path('u/<uuid:id>/', uuidView),
		path('files/<path:p>', pathView),
		path('users/<username>/', strView)
	]);

	it('uuid accepts lowercase 8-4-4-4-12 and refuses uppercase', () => {
		const id = '075194d3-6885-417e-a8a8-6c931e272f00';
		expect(resolver.resolve(`/u/${id}/`).match?.kwargs).toEqual({ id });
		const upper = resolver.resolve(`/u/${id.toUpperCase()}/`);
		expect(upper.match).toBeNull();
		expect(upper.tried[0].reason).toContain('is not a lowercase UUID');
	});

	it('path matches slashes; str (the default) does not', () => {
		expect(resolver.resolve('/files/a/b/c.txt').match?.kwargs).toEqual({ p: 'a/b/c.txt' });
		expect(resolver.resolve('/users/alice/').match?.kwargs).toEqual({ username: 'alice' });
		expect(resolver.resolve('/users/al/ice/').match).toBeNull();
	});

	it('slug refuses other characters', () => {
		const r = createResolver([path('p/<slug:s>/', view('x'))]);
		expect(r.resolve('/p/a_b-C9/').match?.kwargs).toEqual({ s: 'a_b-C9' });
		expect(r.resolve('/p/a.b/').tried[0].reason).toBe(
			'"a.b" is not a slug (only letters, digits, hyphens and underscores), so <slug:s> does not match'
		);
	});

	it('compiles routes to the regex Django builds', () => {
		expect(routeToRegex('articles/<int:year>/<slug:slug>/', true).regex).toBe(
			'^articles/(?P<year>[0-9]+)/(?P<slug>[-a-zA-Z0-9_]+)/\\Z'
		);
		expect(routeToRegex('a-b.c/<x>', false).regex).toBe('^a\\-b\\.c/(?P<x>[^/]+)');
	});

	it('refuses bad routes with Django wording', () => {
		expect(() => path('a/<foo:x>/', view('x'))).toThrow(
			new ImproperlyConfigured("URL route 'a/<foo:x>/' uses invalid converter 'foo'.")
		);
		expect(() => path('a/<int:>/', view('x'))).toThrow(
			new ImproperlyConfigured(
				"URL route 'a/<int:>/' uses parameter name 'int:' which isn't a valid Python identifier."
			)
		);
		expect(() => path('a/<int: pk>/', view('x'))).toThrow(
			"URL route 'a/<int: pk>/' cannot contain whitespace in angle brackets <…>."
		);
	});
});

describe('rePath', () => {
	it('matches named groups as text kwargs and reverses simple regexes', () => {
		const r = createResolver([rePath('^articles/(?P<year>[0-9]{4})/$', v.year, { name: 'y' })]);
		expect(r.resolve('/articles/2024/').match?.kwargs).toEqual({ year: '2024' });
		expect(r.resolve('/articles/24/').match).toBeNull();
		expect(r.reverse('y', { args: [2024] })).toBe('/articles/2024/');
		expect(() => r.reverse('y', { args: [24] })).toThrow(NoReverseMatch);
	});
});

describe('reverse', () => {
	const resolver = createResolver(root);

	it('round-trips names with namespaces, args and kwargs', () => {
		expect(resolver.reverse('blog:post_detail', { kwargs: { pk: 3 } })).toBe('/blog/3/');
		expect(resolver.reverse('blog:post_detail', { args: [3] })).toBe('/blog/3/');
		expect(resolver.reverse('blog:post_list')).toBe('/blog/');
		expect(resolver.reverse('home')).toBe('/');
		expect(resolver.reverse('shop:product_detail', { kwargs: { slug: 'red-mug' } })).toBe(
			'/shop/products/red-mug/'
		);
		for (const url of ['/blog/3/', '/blog/archive/2024/', '/shop/products/red-mug/']) {
			const { match } = resolver.resolve(url);
			const name = `${match!.namespace}:${match!.urlName}`;
			expect(resolver.reverse(name, { kwargs: match!.kwargs })).toBe(url);
		}
	});

	it('raises NoReverseMatch with Django messages', () => {
		expect(() => resolver.reverse('blog:post_detail', { kwargs: { pk: 'abc' } })).toThrow(
			new NoReverseMatch(
				"Reverse for 'post_detail' with keyword arguments '{'pk': 'abc'}' not found. 1 pattern(s) tried: ['blog/(?P<pk>[0-9]+)/\\\\Z']"
			)
		);
		expect(() => resolver.reverse('blog:post_detail', { args: [1, 2] })).toThrow(
			"Reverse for 'post_detail' with arguments '(1, 2)' not found. 1 pattern(s) tried:"
		);
		expect(() => resolver.reverse('blog:post_detail')).toThrow(
			"Reverse for 'post_detail' with no arguments not found."
		);
		expect(() => resolver.reverse('post_detail')).toThrow(
			new NoReverseMatch(
				"Reverse for 'post_detail' not found. 'post_detail' is not a valid view function or pattern name."
			)
		);
		expect(() => resolver.reverse('forum:topic')).toThrow(
			new NoReverseMatch("'forum' is not a registered namespace")
		);
		expect(() => resolver.reverse('blog:x:y')).toThrow(
			new NoReverseMatch("'x' is not a registered namespace inside 'blog'")
		);
		expect(() => resolver.reverse('blog:post_detail', { args: [1], kwargs: { pk: 1 } })).toThrow(
			"Don't mix *args and **kwargs in call to reverse()!"
		);
	});

	it('of two patterns with one name, the last one is used', () => {
		const r = createResolver([
			path('a/', view('x'), { name: 'n' }),
			path('b/', view('y'), { name: 'n' })
		]);
		expect(r.reverse('n')).toBe('/b/');
	});

	it('picks the pattern whose arguments fit, and quotes values', () => {
		const r = createResolver([
			path('archive/', v.year, { name: 'archive' }),
			path('archive/<int:year>/', v.year, { name: 'archive' }),
			path('tag/<str:t>/', v.year, { name: 'tag' })
		]);
		expect(r.reverse('archive')).toBe('/archive/');
		expect(r.reverse('archive', { args: [2024] })).toBe('/archive/2024/');
		expect(r.reverse('tag', { args: ['café & tea'] })).toBe('/tag/caf%C3%A9%20&%20tea/');
	});

	it('finds names in an include without a namespace', () => {
		const r = createResolver([
			path('api/', include([path('posts/<int:pk>/', v.detail, { name: 'api-post' })]))
		]);
		expect(r.reverse('api-post', { kwargs: { pk: 7 } })).toBe('/api/posts/7/');
		expect(r.resolve('/api/posts/7/').match?.namespace).toBe('');
	});
});
