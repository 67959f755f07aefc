import { beforeEach, describe, expect, it } from 'vitest';
import type { QueryInfo } from '../../types';
import type { Database } from './database';
import { ProtectedError } from './deletion';
import { F, Q } from './expressions';
import { Comment, Post, Product, seededDb, Writer } from './test-models';

let db: Database;
let queries: QueryInfo[];
const titles = (qs: Iterable<{ title: string }>) => [...qs].map((p) => p.title);
const last = () => queries[queries.length - 1];

beforeEach(async () => {
	({ db, queries } = await seededDb());
});

describe('QuerySet laziness and evaluation', () => {
	it('runs nothing until evaluated, then once', () => {
		const qs = Post.objects.filter({ author__username: 'alice' }).exclude({ title: 'x' });
		expect(queries).toHaveLength(0);
		expect(qs.length).toBe(2);
		expect(titles(qs)).toHaveLength(2);
		expect(qs.count()).toBe(2); // uses the cached rows, as Django does
		expect(queries).toHaveLength(1);
	});

	it('is immutable: chaining returns new QuerySets', () => {
		const all = Post.objects.all();
		const some = all.filter({ pk: 1 });
		expect(all.count()).toBe(3);
		expect(some.count()).toBe(1);
	});

	it('orders by Meta.ordering, by order_by(), and reverses', () => {
		expect(titles(Post.objects.all())).toEqual(['Views', 'Models and 100% SQL', 'Hello Django']);
		expect(last().sql).toMatch(/ORDER BY "blog_post"."created" DESC$/);
		expect(titles(Post.objects.order_by('title'))).toEqual([
			'Hello Django',
			'Models and 100% SQL',
			'Views'
		]);
		Post.objects.order_by('-author__username', 'title').list();
		expect(last().sql).toContain('ORDER BY "auth_user"."username" DESC, "blog_post"."title" ASC');
		expect(titles(Post.objects.all().reverse())[0]).toBe('Hello Django');
		Post.objects.order_by().list();
		expect(last().sql).not.toContain('ORDER BY');
	});

	it('slices with LIMIT and OFFSET', () => {
		expect(titles(Post.objects.order_by('pk').slice(0, 2))).toEqual([
			'Hello Django',
			'Models and 100% SQL'
		]);
		expect(last().sql).toMatch(/LIMIT 2$/);
		expect(last().orm).toBe("Post.objects.order_by('pk')[:2]");
		expect(titles(Post.objects.order_by('pk').slice(1, 3))).toEqual([
			'Models and 100% SQL',
			'Views'
		]);
		expect(last().sql).toMatch(/LIMIT 2 OFFSET 1$/);
		expect(titles(Post.objects.order_by('pk').slice(2))).toEqual(['Views']);
		expect(last().sql).toMatch(/LIMIT -1 OFFSET 2$/);
		expect(Post.objects.order_by('pk').at(1).title).toBe('Models and 100% SQL');
		expect(last().orm).toBe("Post.objects.order_by('pk')[1]");
		expect(() => Post.objects.order_by('pk').at(7)).toThrow(RangeError);
		expect(() => Post.objects.all().slice(0, 1).filter({ pk: 1 })).toThrow(
			'Cannot filter a query once a slice has been taken.'
		);
		expect(Post.objects.all().slice(0, 2).count()).toBe(2);
	});
});

describe('get(), first(), last(), exists(), count()', () => {
	it('get() returns one object with LIMIT 21 and no ORDER BY', () => {
		expect(Post.objects.get({ pk: 3 }).title).toBe('Views');
		expect(last().orm).toBe('Post.objects.get(pk=3)');
		expect(last().sql).toMatch(/WHERE "blog_post"."id" = \? LIMIT 21$/);
	});

	it("get() raises DoesNotExist and MultipleObjectsReturned with Django's messages", () => {
		expect(() => Post.objects.get({ pk: 99 })).toThrow(Post.DoesNotExist);
		expect(() => Post.objects.get({ pk: 99 })).toThrow('Post matching query does not exist.');
		expect(() => Post.objects.get({ author__username: 'alice' })).toThrow(
			Post.MultipleObjectsReturned
		);
		expect(() => Post.objects.get({ author__username: 'alice' })).toThrow(
			'get() returned more than one Post -- it returned 2!'
		);
		// The DoesNotExist of one model is not another's.
		expect(() => Post.objects.get({ pk: 99 })).not.toThrow(Writer.DoesNotExist);
	});

	it('first() and last() order by pk when the QuerySet is unordered', () => {
		expect(Writer.objects.first()?.username).toBe('alice');
		expect(last().sql).toMatch(/ORDER BY "auth_user"."id" ASC LIMIT 1$/);
		expect(Writer.objects.last()?.username).toBe('bob');
		expect(last().sql).toMatch(/ORDER BY "auth_user"."id" DESC LIMIT 1$/);
		expect(Post.objects.first()?.title).toBe('Views');
		expect(last().orm).toBe('Post.objects.first()');
		expect(Post.objects.filter({ pk: 99 }).first()).toBeNull();
	});

	it('exists() selects 1 with LIMIT 1; count() selects COUNT(*)', () => {
		expect(Post.objects.filter({ pk: 1 }).exists()).toBe(true);
		// As Django 5 sends it: `SELECT %s AS "a" ... LIMIT 1` with params (1, 1).
		expect(last().sql).toBe('SELECT ? AS "a" FROM "blog_post" WHERE "blog_post"."id" = ? LIMIT 1');
		expect(last().params).toEqual([1, 1]);
		expect(Post.objects.filter({ pk: 9 }).exists()).toBe(false);
		expect(Post.objects.count()).toBe(3);
		expect(last().sql).toBe('SELECT COUNT(*) AS "__count" FROM "blog_post"');
	});
});

describe('Q objects and exclude()', () => {
	it('combines with OR and NOT', () => {
		const qs = Post.objects.filter(
			Q({ title__startswith: 'Hello' }).or(Q({ author__username: 'bob' }))
		);
		expect(titles(qs.order_by('pk'))).toEqual(['Hello Django', 'Views']);
		expect(last().sql).toContain(
			'WHERE ("blog_post"."title" LIKE ? ESCAPE \'\\\' OR "auth_user"."username" = ?)'
		);
		expect(last().orm).toBe(
			"Post.objects.filter(Q(title__startswith='Hello') | Q(author__username='bob')).order_by('pk')"
		);
		expect(Post.objects.filter(Q({ pk: 1 }).not()).count()).toBe(2);
		expect(last().sql).toContain('WHERE NOT ("blog_post"."id" = ?)');
	});

	it('exclude() negates, and keeps NULL rows out of the comparison as Django does', () => {
		expect(titles(Post.objects.exclude({ author__username: 'alice' }))).toEqual(['Views']);
		Product.objects.exclude({ code: '0123456789abcdef0123456789abcdef' }).count();
		expect(last().sql).toContain(
			'WHERE NOT ("shop_product"."code" = ? AND "shop_product"."code" IS NOT NULL)'
		);
		expect(Product.objects.exclude({ code: '0123456789abcdef0123456789abcdef' }).count()).toBe(2);
	});

	it('exclude() across a reverse relation asks EXISTS, as split_exclude() does', () => {
		// alice has posts 1 and 2; only post 1 has comments. "Users with no post titled Views":
		expect(Writer.objects.exclude({ posts__title: 'Views' }).list().map(String)).toEqual(['alice']);
		expect(last().sql).toContain(
			'WHERE NOT (EXISTS(SELECT ? AS "a" FROM "blog_post" U1 WHERE (U1."title" = ? AND U1."author_id" = ("auth_user"."id")) LIMIT 1))'
		);
		// A join would wrongly keep alice here: her post 2 has no comment by Bob, post 1 has one.
		expect(Writer.objects.exclude({ posts__comment__name: 'Bob' }).list().map(String)).toEqual([
			'bob'
		]);
		expect(last().sql).toContain(
			'FROM "blog_post" U1 INNER JOIN "blog_comment" U2 ON (U1."id" = U2."post_id") WHERE (U2."name" = ? AND U1."author_id" = ("auth_user"."id"))'
		);
	});

	it('sorts keyword arguments and brackets several conditions', () => {
		Post.objects.filter({ title: 'Views', pk: 3 }).exclude({ body: 'x' }).count();
		expect(last().sql).toBe(
			'SELECT COUNT(*) AS "__count" FROM "blog_post" WHERE ("blog_post"."id" = ? AND "blog_post"."title" = ? AND NOT ("blog_post"."body" = ?))'
		);
		expect(last().orm).toBe("Post.objects.filter(title='Views', pk=3).exclude(body='x').count()");
	});
});

describe('writes', () => {
	it('create() inserts and returns the saved object', () => {
		const post = Post.objects.create({ title: 'New', author_id: 2 });
		expect(post.pk).toBe(4);
		expect(last().orm).toBe("Post.objects.create(title='New', author_id=2)");
		expect(last().sql).toBe(
			'INSERT INTO "blog_post" ("title", "body", "author_id", "created") VALUES (?, ?, ?, ?) RETURNING "blog_post"."id"'
		);
		expect(post.created).toBeInstanceOf(Date);
	});

	it('update() with F() changes rows in one statement', () => {
		const n = Product.objects.filter({ pk: 1 }).update({ stock: F('stock').sub(1) });
		expect(n).toBe(1);
		expect(last().orm).toBe("Product.objects.filter(pk=1).update(stock=F('stock') - 1)");
		expect(last().sql).toBe(
			'UPDATE "shop_product" SET "stock" = ("shop_product"."stock" - ?) WHERE "shop_product"."id" = ?'
		);
		expect(last().params).toEqual([1, 1]);
		expect(Product.objects.get({ pk: 1 }).stock).toBe(2);
		// PositiveIntegerField's CHECK refuses a negative stock.
		expect(() => Product.objects.filter({ pk: 2 }).update({ stock: F('stock').sub(1) })).toThrow(
			/CHECK constraint failed/
		);
	});

	it('update() across a join uses a subquery', () => {
		expect(Post.objects.filter({ author__username: 'bob' }).update({ title: 'Renamed' })).toBe(1);
		expect(last().sql).toBe(
			'UPDATE "blog_post" SET "title" = ? WHERE "blog_post"."id" IN (SELECT U0."id" FROM "blog_post" U0 INNER JOIN "auth_user" U1 ON (U0."author_id" = U1."id") WHERE U1."username" = ?)'
		);
		expect(Post.objects.get({ pk: 3 }).title).toBe('Renamed');
	});

	it('delete() cascades to related rows in one transaction', () => {
		const [total, counts] = Post.objects.filter({ pk: 1 }).delete();
		expect(total).toBe(3);
		expect(counts).toEqual({ 'blog.Comment': 2, 'blog.Post': 1 });
		const sql = queries.map((q) => q.sql);
		expect(sql).toContain('DELETE FROM "blog_comment" WHERE "blog_comment"."post_id" IN (?)');
		expect(sql).toContain('DELETE FROM "blog_post" WHERE "blog_post"."id" IN (?)');
		expect(sql[1]).toBe('BEGIN');
		expect(Comment.objects.count()).toBe(0);
		const alice = Writer.objects.get({ username: 'alice' });
		queries.length = 0;
		const [n, byModel] = alice.delete();
		// As Django's Collector: ids of the children that have children, then one transaction.
		expect(queries.map((q) => q.sql)).toEqual([
			'SELECT "blog_post"."id" FROM "blog_post" WHERE "blog_post"."author_id" IN (?) ORDER BY "blog_post"."created" DESC',
			'BEGIN',
			'DELETE FROM "blog_comment" WHERE "blog_comment"."post_id" IN (?)',
			'DELETE FROM "blog_post" WHERE "blog_post"."id" IN (?)',
			'DELETE FROM "auth_user" WHERE "auth_user"."id" IN (?)',
			'COMMIT'
		]);
		expect(queries[0].orm).toBe('user.delete()');
		expect(n).toBe(2);
		expect(byModel).toEqual({ 'blog.Post': 1, 'auth.User': 1 });
		expect(alice.pk).toBeNull();
	});

	it('a model nothing points to is deleted with one statement', () => {
		expect(Comment.objects.filter({ name: 'Bob' }).delete()).toEqual([1, { 'blog.Comment': 1 }]);
		expect(last().sql).toBe('DELETE FROM "blog_comment" WHERE "blog_comment"."name" = ?');
	});

	it('get_or_create() finds or makes', () => {
		const [found, created] = Writer.objects.get_or_create({ username: 'alice' });
		expect([found.pk, created]).toEqual([1, false]);
		const [made, wasCreated] = Writer.objects.get_or_create(
			{ username: 'zoe' },
			{ email: 'z@x.io' }
		);
		expect([made.pk, wasCreated, made.email]).toEqual([3, true, 'z@x.io']);
	});
});

describe('relations', () => {
	it('loads a ForeignKey lazily, once', () => {
		const post = Post.objects.get({ pk: 1 });
		const count = queries.length;
		expect(String(post.author)).toBe('alice');
		expect(String(post.author)).toBe('alice');
		expect(queries.length).toBe(count + 1);
		expect(last().orm).toBe('post.author');
		expect(post.author_id).toBe(1);
	});

	it('select_related() joins and fills the cache', () => {
		const posts = Post.objects.select_related('author').order_by('pk').list();
		expect(last().sql).toContain(
			'"blog_post"."created", "auth_user"."id", "auth_user"."username", "auth_user"."email", "auth_user"."is_active" FROM "blog_post" INNER JOIN "auth_user"'
		);
		const count = queries.length;
		expect(posts.map((p) => String(p.author))).toEqual(['alice', 'alice', 'bob']);
		expect(queries.length).toBe(count);
	});

	it('follows reverse relations by related_name and by <model>_set', () => {
		const alice = Writer.objects.get({ username: 'alice' });
		const posts = alice.related<ReturnType<typeof Post.objects.all>>('posts');
		expect(posts.count()).toBe(2);
		expect(last().orm).toBe('user.posts.count()');
		expect(last().sql).toBe(
			'SELECT COUNT(*) AS "__count" FROM "blog_post" WHERE "blog_post"."author_id" = ?'
		);
		const post = Post.objects.get({ pk: 1 });
		const comments = (post as unknown as { comment_set: ReturnType<typeof Comment.objects.all> })
			.comment_set;
		expect(
			comments
				.all()
				.list()
				.map((c) => c.name)
		).toEqual(['Bob', 'Carol']);
		expect(last().orm).toBe('post.comment_set.all()');
		const made = comments.create({ name: 'Dan', text: 'Hi' });
		expect(made.post_id).toBe(1);
	});

	it('PROTECT refuses to delete a referenced row', async () => {
		// A fresh model pair on this database: an Order that protects its Product.
		const { defineModel } = await import('./model');
		const { ForeignKey } = await import('./field-constructors');
		const { migrate } = await import('./migrate');
		const Order = defineModel({
			app: 'shop',
			name: 'Order',
			fields: { product: ForeignKey(() => Product, { onDelete: 'PROTECT' }) }
		});
		migrate(db, [Order as never]);
		Order.objects.using(db).create({ product_id: 1 });
		expect(() => Product.objects.filter({ pk: 1 }).delete()).toThrow(ProtectedError);
		expect(() => Product.objects.filter({ pk: 1 }).delete()).toThrow(
			"Cannot delete some instances of model 'Product' because they are referenced through protected foreign keys: 'Order.product'."
		);
		expect(Product.objects.count()).toBe(2);
	});
});

describe('values() and values_list()', () => {
	it('returns dicts and tuples, following relations', () => {
		expect(Post.objects.order_by('pk').values('id', 'author__username')).toEqual([
			{ id: 1, author__username: 'alice' },
			{ id: 2, author__username: 'alice' },
			{ id: 3, author__username: 'bob' }
		]);
		expect(last().sql).toBe(
			'SELECT "blog_post"."id", "auth_user"."username" FROM "blog_post" INNER JOIN "auth_user" ON ("blog_post"."author_id" = "auth_user"."id") ORDER BY "blog_post"."id" ASC'
		);
		expect(Writer.objects.values_list('id', 'username')).toEqual([
			[1, 'alice'],
			[2, 'bob']
		]);
		expect(Writer.objects.values_list('username', { flat: true })).toEqual(['alice', 'bob']);
		expect(last().orm).toBe("User.objects.values_list('username', flat=True)");
	});
});

describe('none(), distinct(), bulk_create()', () => {
	it('none() asks nothing', () => {
		const qs = Post.objects.none();
		expect([qs.list(), qs.count(), qs.exists(), qs.update({ title: 'x' })]).toEqual([
			[],
			0,
			false,
			0
		]);
		expect(queries).toEqual([]);
	});

	it('distinct() removes the duplicates a reverse join makes', () => {
		expect(Post.objects.filter({ comment__name__in: ['Bob', 'Carol'] }).count()).toBe(2);
		const qs = Post.objects.filter({ comment__name__in: ['Bob', 'Carol'] }).distinct();
		expect(qs.list().map((p) => p.pk)).toEqual([1]);
		expect(last().sql.startsWith('SELECT DISTINCT "blog_post"."id"')).toBe(true);
	});

	it('bulk_create() inserts many rows in one statement and sets their ids', () => {
		const made = Writer.objects.bulk_create([
			new Writer({ username: 'carol' }),
			new Writer({ username: 'dave' })
		]);
		expect(made.map((w) => w.pk)).toEqual([3, 4]);
		expect(queries.map((q) => q.sql.split(' ')[0])).toEqual(['BEGIN', 'INSERT', 'COMMIT']);
		expect(queries[1].sql).toBe(
			'INSERT INTO "auth_user" ("username", "email", "is_active") VALUES (?, ?, ?), (?, ?, ?) RETURNING "auth_user"."id"'
		);
		expect(queries.map((q) => q.sql.split(' ')[0])).toEqual(['BEGIN', 'INSERT', 'COMMIT']);
	});
});

describe('Python protocol for templates', () => {
	it('repr() of instances and QuerySets, as the shell prints them', () => {
		const post = Post.objects.get({ pk: 1 });
		expect(post.__repr__()).toBe('<Post: Hello Django>');
		expect(post.__str__()).toBe('Hello Django');
		const qs = Post.objects.order_by('pk');
		expect(String(qs)).toBe(
			'<QuerySet [<Post: Hello Django>, <Post: Models and 100% SQL>, <Post: Views>]>'
		);
		expect(last().sql).toMatch(/LIMIT 21$/);
	});

	it('marks data-changing methods so templates never call them', () => {
		const flags = (fn: unknown) => (fn as { alters_data?: boolean }).alters_data;
		expect(flags(Post.objects.delete)).toBe(true);
		expect(flags(Post.objects.update)).toBe(true);
		expect(flags(Post.objects.create)).toBe(true);
		expect(flags(Post.objects.get({ pk: 1 }).save)).toBe(true);
		expect(flags(Post.objects.count)).toBeUndefined();
	});

	it('DoesNotExist is silent in templates, MultipleObjectsReturned is not', () => {
		expect(new Post.DoesNotExist()).toHaveProperty('silent_variable_failure', true);
		expect(new Post.MultipleObjectsReturned(2, 21)).not.toHaveProperty('silent_variable_failure');
	});
});

describe('queryset.query', () => {
	it("prints like Django's str(queryset.query): values pasted in, unquoted", () => {
		const qs = Post.objects.filter({ author__username: 'alice', pk__gt: 1 }).order_by('-created');
		expect(qs.query.params).toEqual(['alice', 1]);
		expect(String(qs.query)).toBe(
			'SELECT "blog_post"."id", "blog_post"."title", "blog_post"."body", "blog_post"."author_id", "blog_post"."created" FROM "blog_post" INNER JOIN "auth_user" ON ("blog_post"."author_id" = "auth_user"."id") WHERE ("auth_user"."username" = alice AND "blog_post"."id" > 1) ORDER BY "blog_post"."created" DESC'
		);
		expect(queries).toEqual([]);
	});
});

describe('F() in filters and Q() with &', () => {
	it('compares two columns of the row', () => {
		expect(Product.objects.filter({ quantity_min__gt: F('stock') }).count()).toBe(1);
		expect(last().sql).toContain('WHERE "shop_product"."quantity_min" > "shop_product"."stock"');
		expect(last().orm).toBe("Product.objects.filter(quantity_min__gt=F('stock')).count()");
		expect(F('stock').add(1).mul(2).toPython()).toBe("(F('stock') + 1) * 2");
	});

	it('combines with AND', () => {
		const qs = Post.objects.filter(Q({ author__username: 'alice' }).and(Q({ pk__gt: 1 }).not()));
		expect(qs.list().map((p) => p.pk)).toEqual([1]);
		expect(last().orm).toBe("Post.objects.filter(Q(author__username='alice') & ~Q(pk__gt=1))");
	});
});
