import { beforeEach, describe, expect, it } from 'vitest';
import type { QueryInfo } from '../../types';
import { ValidationError } from './errors';
import { migrate, sqlForModel, indexName } from './migrate';
import { openDatabase } from './database';
import { loadSql, Comment, Post, Product, seededDb, Writer } from './test-models';

let queries: QueryInfo[];

beforeEach(async () => {
	({ queries } = await seededDb());
});

function messages(run: () => void): Record<string, readonly string[]> {
	try {
		run();
	} catch (error) {
		if (error instanceof ValidationError) return error.message_dict;
		throw error;
	}
	return {};
}

describe('full_clean() with Django messages', () => {
	it('reports blank, null and too-long values per field', () => {
		const post = new Post({ title: 'x'.repeat(250), author_id: 1 });
		expect(messages(() => post.full_clean())).toEqual({
			title: ['Ensure this value has at most 200 characters (it has 250).']
		});
		const empty = new Post({});
		expect(messages(() => empty.full_clean())).toEqual({
			title: ['This field cannot be blank.'],
			author: ['This field cannot be null.']
		});
	});

	it('checks that a ForeignKey points at an existing row', () => {
		const post = new Post({ title: 'x', author_id: 99 });
		expect(messages(() => post.full_clean())).toEqual({
			author: ['user instance with id 99 does not exist.']
		});
		expect(queries.at(-1)?.sql).toBe(
			'SELECT ? AS "a" FROM "auth_user" WHERE "auth_user"."id" = ? LIMIT 1'
		);
	});

	it('checks numbers, validators, emails, slugs, decimals and UUIDs', () => {
		const product = new Product({
			name: 'Pen',
			slug: 'a pen!',
			price: '12345678.999',
			stock: -1,
			quantity_min: 0,
			code: 'not-a-uuid'
		});
		expect(messages(() => product.full_clean())).toEqual({
			slug: ['Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.'],
			price: ['Ensure that there are no more than 8 digits in total.'],
			stock: ['Ensure this value is greater than or equal to 0.'],
			quantity_min: ['Ensure this value is greater than or equal to 1.'],
			code: ['“not-a-uuid” is not a valid UUID.']
		});
		expect(messages(() => new Writer({ username: 'eve', email: 'eve@' }).full_clean())).toEqual({
			email: ['Enter a valid email address.']
		});
		expect(
			messages(() =>
				new Product({ name: 'P', slug: 'p', price: '1.5', stock: 'lots' as never }).full_clean()
			)
		).toEqual({
			stock: ['“lots” value must be an integer.']
		});
	});

	it('checks uniqueness with a query, as validate_unique() does', () => {
		const dup = new Writer({ username: 'alice' });
		expect(messages(() => dup.full_clean())).toEqual({
			username: ['User with this Username already exists.']
		});
		expect(queries.at(-1)?.sql).toBe(
			'SELECT ? AS "a" FROM "auth_user" WHERE "auth_user"."username" = ? LIMIT 1'
		);
		// Saving an existing row does not collide with itself.
		const alice = Writer.objects.get({ username: 'alice' });
		expect(() => alice.full_clean()).not.toThrow();
		expect(queries.at(-1)?.sql).toContain('NOT ("auth_user"."id" = ?)');
	});

	it('converts clean values, as clean_fields() assigns them', () => {
		const product = new Product({
			name: 'Pen',
			slug: 'pen',
			price: 2 as never,
			stock: '7' as never
		});
		product.full_clean();
		expect(product.stock).toBe(7);
		expect(product.price).toBe('2.00');
	});
});

describe('instances', () => {
	it('save() inserts, then updates every field', () => {
		const post = new Post({ title: 'Draft', author_id: 2 });
		expect(post.pk).toBeNull();
		expect(String(new Comment({}))).toBe('Comment object (None)');
		post.save();
		expect(post.pk).toBe(4);
		expect(queries.at(-1)?.orm).toBe('post.save()');
		post.title = 'Final';
		post.save();
		expect(queries.at(-1)?.sql).toBe(
			'UPDATE "blog_post" SET "title" = ?, "body" = ?, "author_id" = ?, "created" = ? WHERE "blog_post"."id" = ?'
		);
		expect(Post.objects.get({ pk: 4 }).title).toBe('Final');
		post.save({ updateFields: ['title'] });
		expect(queries.at(-1)?.sql).toBe(
			'UPDATE "blog_post" SET "title" = ? WHERE "blog_post"."id" = ?'
		);
	});

	it('refresh_from_db() reloads, toString() uses str, methods come from the subclass', () => {
		const post = Post.objects.get({ pk: 1 });
		Post.objects.filter({ pk: 1 }).update({ title: 'Elsewhere' });
		expect(post.title).toBe('Hello Django');
		post.refresh_from_db();
		expect(post.title).toBe('Elsewhere');
		expect(queries.at(-1)?.orm).toBe('post.refresh_from_db()');
		expect(String(post)).toBe('Elsewhere');
		expect(post.get_absolute_url()).toBe('/blog/1/');
		expect(String(Comment.objects.get({ pk: 1 }))).toBe('Comment object (1)');
	});

	it('reads typed values back: Date, boolean, decimal string, UUID', () => {
		const product = Product.objects.create({
			name: 'Cap',
			slug: 'cap',
			price: '7.10',
			code: '12345678-1234-5678-1234-567812345678'
		});
		expect(queries.at(-1)?.params).toContain('12345678123456781234567812345678');
		const fresh = Product.objects.get({ pk: product.pk });
		expect(fresh.price).toBe('7.10');
		expect(fresh.code).toBe('12345678-1234-5678-1234-567812345678');
		expect(Writer.objects.get({ pk: 1 }).is_active).toBe(true);
		expect(Post.objects.get({ pk: 3 }).created).toEqual(new Date(Date.UTC(2025, 1, 3, 12)));
		expect(Product.objects.filter({ price__gt: '9.00' }).count()).toBe(2);
	});

	it('an assigned related object sets the _id column', () => {
		const bob = Writer.objects.get({ username: 'bob' });
		const post = Post.objects.get({ pk: 1 });
		post.author = bob;
		expect(post.author_id).toBe(2);
		post.save();
		expect(Post.objects.filter({ author: bob }).count()).toBe(2);
	});
});

describe('DDL as sqlmigrate prints it for SQLite', () => {
	it('creates the tables with Django column types and constraints', () => {
		expect(sqlForModel(Post as never)).toEqual([
			'CREATE TABLE "blog_post" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "title" varchar(200) NOT NULL, "body" text NOT NULL, "author_id" integer NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED, "created" datetime NOT NULL);',
			'CREATE INDEX "blog_post_author_id_dd7a8485" ON "blog_post" ("author_id");'
		]);
		expect(sqlForModel(Product as never)[0]).toBe(
			'CREATE TABLE "shop_product" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NOT NULL, "slug" varchar(50) NOT NULL UNIQUE, "price" decimal NOT NULL, "stock" integer unsigned NOT NULL CHECK ("stock" >= 0), "quantity_min" integer unsigned NOT NULL CHECK ("quantity_min" >= 0), "code" char(32) NULL);'
		);
	});

	it("names indexes with Django's MD5 digest", () => {
		// names_digest('blog_post', 'author_id') in Python: hashlib.md5(b'blog_postauthor_id').hexdigest()[:8]
		expect(indexName('blog_post', 'author_id')).toBe('blog_post_author_id_dd7a8485');
		expect(indexName('django_session', 'expire_date')).toBe('django_session_expire_date_a5c62663');
	});

	it('migrate() refuses a ForeignKey to a model that is not migrated', async () => {
		const db = openDatabase(await loadSql());
		expect(() => migrate(db, [Post as never])).toThrow(
			"blog.Post.author points to 'auth.User', which is not migrated in this database."
		);
	});
});

describe('save() with a key already set', () => {
	it('tries an UPDATE first, then INSERTs with that id, as Django does', () => {
		const writer = new Writer({ id: 40, username: 'skua' });
		writer.save();
		expect(queries.slice(-2).map((q) => q.sql)).toEqual([
			'UPDATE "auth_user" SET "username" = ?, "email" = ?, "is_active" = ? WHERE "auth_user"."id" = ?',
			'INSERT INTO "auth_user" ("id", "username", "email", "is_active") VALUES (?, ?, ?, ?) RETURNING "auth_user"."id"'
		]);
		expect(writer.pk).toBe(40);
	});
});

describe('related objects and save()', () => {
	it('takes the id of an object saved after it was assigned; a changed _id wins', () => {
		const carol = new Writer({ username: 'carol' });
		const post = new Post({ title: 'Hers', author: carol });
		expect(() => post.save()).toThrow(
			"save() prohibited to prevent data loss due to unsaved related object 'author'."
		);
		carol.save();
		post.save();
		expect(post.author_id).toBe(carol.pk);
		post.author_id = 1;
		post.save();
		expect(String(post.author)).toBe('alice');
	});
});
