import { beforeEach, describe, expect, it } from 'vitest';
import type { QueryInfo } from '../../types';
import { FieldError } from './errors';
import { Comment, Post, Product, seededDb, Writer } from './test-models';

let queries: QueryInfo[];
const titles = (qs: Iterable<{ title: string }>) => [...qs].map((p) => p.title);
const last = () => queries[queries.length - 1];

beforeEach(async () => {
	({ queries } = await seededDb());
});

describe('field lookups against SQLite', () => {
	it('exact, and =None as IS NULL', () => {
		expect(titles(Post.objects.filter({ title: 'Views' }))).toEqual(['Views']);
		expect(last().sql).toContain('WHERE "blog_post"."title" = ?');
		expect(titles(Post.objects.filter({ title__exact: 'views' }))).toEqual([]);
		expect(Product.objects.filter({ code: null }).count()).toBe(2);
		expect(last().sql).toContain('WHERE "shop_product"."code" IS NULL');
	});

	it('iexact uses LIKE without wildcards', () => {
		expect(titles(Post.objects.filter({ title__iexact: 'VIEWS' }))).toEqual(['Views']);
		expect(last().sql).toContain(`"blog_post"."title" LIKE ? ESCAPE '\\'`);
		expect(last().params).toEqual(['VIEWS']);
		expect(Post.objects.filter({ title__iexact: 'View_' }).count()).toBe(0);
	});

	it('contains and icontains, escaping % and _ in the value', () => {
		expect(titles(Post.objects.filter({ title__icontains: 'DJANGO' }))).toEqual(['Hello Django']);
		expect(last().params).toEqual(['%DJANGO%']);
		// On SQLite, LIKE ignores ASCII case, so `contains` does too (Django's database notes).
		expect(Post.objects.filter({ title__contains: 'django' }).count()).toBe(1);
		expect(titles(Post.objects.filter({ title__contains: '100%' }))).toEqual([
			'Models and 100% SQL'
		]);
		expect(last().params).toEqual(['%100\\%%']);
		expect(Post.objects.filter({ title__contains: '%' }).count()).toBe(1);
		expect(Post.objects.filter({ title__contains: '_' }).count()).toBe(0);
	});

	it('startswith, istartswith, endswith', () => {
		expect(titles(Post.objects.filter({ title__startswith: 'Hello' }))).toEqual(['Hello Django']);
		expect(last().params).toEqual(['Hello%']);
		expect(Post.objects.filter({ title__istartswith: 'hello' }).count()).toBe(1);
		expect(titles(Post.objects.filter({ title__endswith: 'SQL' }))).toEqual([
			'Models and 100% SQL'
		]);
		expect(last().params).toEqual(['%SQL']);
	});

	it('gt, gte, lt, lte on numbers and dates', () => {
		expect(Post.objects.filter({ pk__gt: 1 }).count()).toBe(2);
		expect(last().sql).toContain('WHERE "blog_post"."id" > ?');
		expect(Post.objects.filter({ pk__gte: 1 }).count()).toBe(3);
		expect(Post.objects.filter({ pk__lt: 2 }).count()).toBe(1);
		expect(Post.objects.filter({ pk__lte: 2 }).count()).toBe(2);
		const jan2 = new Date(Date.UTC(2024, 0, 2));
		expect(titles(Post.objects.filter({ created__lt: jan2 }))).toEqual(['Hello Django']);
		expect(last().params).toEqual(['2024-01-02 00:00:00']);
		expect(Product.objects.filter({ stock__gt: 0 }).count()).toBe(1);
	});

	it('in', () => {
		expect(titles(Post.objects.filter({ pk__in: [1, 3] }).order_by('pk'))).toEqual([
			'Hello Django',
			'Views'
		]);
		expect(last().sql).toContain('WHERE "blog_post"."id" IN (?, ?)');
		expect(Post.objects.filter({ pk__in: [] }).count()).toBe(0);
	});

	it('isnull', () => {
		expect(Product.objects.filter({ code__isnull: true }).count()).toBe(2);
		expect(last().sql).toContain('"shop_product"."code" IS NULL');
		expect(Product.objects.filter({ code__isnull: false }).count()).toBe(0);
		expect(last().sql).toContain('"shop_product"."code" IS NOT NULL');
	});

	it('year as a range, as Django does', () => {
		expect(titles(Post.objects.filter({ created__year: 2025 }))).toEqual(['Views']);
		expect(last().sql).toContain('WHERE "blog_post"."created" BETWEEN ? AND ?');
		expect(last().params).toEqual(['2025-01-01 00:00:00', '2025-12-31 23:59:59.999999']);
		expect(Post.objects.filter({ created__year__gte: 2024 }).count()).toBe(3);
		expect(Post.objects.filter({ created__year__lt: 2025 }).count()).toBe(2);
	});

	it('range', () => {
		expect(Post.objects.filter({ pk__range: [2, 3] }).count()).toBe(2);
		expect(last().sql).toContain('"blog_post"."id" BETWEEN ? AND ?');
	});

	it('follows a ForeignKey with an INNER JOIN', () => {
		const qs = Post.objects.filter({ author__username: 'alice' }).order_by('title');
		expect(titles(qs)).toEqual(['Hello Django', 'Models and 100% SQL']);
		expect(last().sql).toContain(
			'FROM "blog_post" INNER JOIN "auth_user" ON ("blog_post"."author_id" = "auth_user"."id") WHERE "auth_user"."username" = ?'
		);
		// Two hops: comment -> post -> user.
		expect(Comment.objects.filter({ post__author__username__startswith: 'ali' }).count()).toBe(2);
		// author__id needs no join: the id is in author_id.
		Post.objects.filter({ author__id: 2 }).count();
		expect(last().sql).toBe(
			'SELECT COUNT(*) AS "__count" FROM "blog_post" WHERE "blog_post"."author_id" = ?'
		);
	});

	it('filters on a model instance and across a reverse relation', () => {
		const alice = Writer.objects.get({ username: 'alice' });
		expect(Post.objects.filter({ author: alice }).count()).toBe(2);
		expect(last().params).toEqual([1]);
		expect(last().orm).toBe('Post.objects.filter(author=user).count()');
		const commenters = Writer.objects.filter({ posts__comment__name: 'Carol' });
		expect(commenters.list().map(String)).toEqual(['alice']);
		expect(last().sql).toContain(
			'INNER JOIN "blog_post" ON ("auth_user"."id" = "blog_post"."author_id") INNER JOIN "blog_comment" ON ("blog_post"."id" = "blog_comment"."post_id")'
		);
	});

	it('says which names exist when a field is unknown', () => {
		expect(() => Post.objects.filter({ titel: 'x' }).list()).toThrow(FieldError);
		expect(() => Post.objects.filter({ titel: 'x' }).list()).toThrow(
			"Cannot resolve keyword 'titel' into field. Choices are: author, author_id, body, comment, created, id, title"
		);
		expect(() => Post.objects.filter({ title__near: 'x' }).list()).toThrow(
			/Unsupported lookup 'near'/
		);
	});
});

describe('values the column cannot hold', () => {
	it("fails as Django does: Field 'id' expected a number", () => {
		expect(() => Post.objects.filter({ pk: 'abc' }).list()).toThrow(
			"Field 'id' expected a number but got 'abc'."
		);
		expect(Post.objects.get({ pk: '3' }).title).toBe('Views');
		expect(() => Post.objects.filter({ created__gt: 'yesterday' }).list()).toThrow(
			'“yesterday” value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format.'
		);
	});

	it('names a second join to the same table T3, as Django does', () => {
		expect(titles(Post.objects.filter({ author__posts__title: 'Views' }))).toEqual(['Views']);
		expect(last().sql).toContain(
			'INNER JOIN "auth_user" ON ("blog_post"."author_id" = "auth_user"."id") INNER JOIN "blog_post" T3 ON ("auth_user"."id" = T3."author_id") WHERE T3."title" = ?'
		);
	});
});
