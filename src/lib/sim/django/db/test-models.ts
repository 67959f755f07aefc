/**
 * Models and a seeded database for the ORM's own tests: a small blog (users, posts, comments)
 * and a shop product, shaped like the demo site's.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { QueryInfo } from '../../types';
import { openDatabase, type Database } from './database';
import {
	BooleanField,
	CharField,
	DateTimeField,
	DecimalField,
	EmailField,
	ForeignKey,
	PositiveIntegerField,
	SlugField,
	TextField,
	UUIDField
} from './field-constructors';
import { migrate } from './migrate';
import { defineModel, type Model } from './model';
import type { Manager } from './queryset';
import { MinValueValidator } from './validators';

export const Writer = defineModel({
	app: 'auth',
	name: 'User',
	fields: {
		username: CharField({ maxLength: 150, unique: true }),
		email: EmailField({ blank: true }),
		is_active: BooleanField({ default: true })
	},
	str: (user) => user.username
});

const postFields = {
	title: CharField({ maxLength: 200 }),
	body: TextField({ blank: true }),
	author: ForeignKey<InstanceType<typeof Writer>>('auth.User', {
		onDelete: 'CASCADE',
		relatedName: 'posts'
	}),
	created: DateTimeField({ autoNowAdd: true })
};

export class Post extends defineModel({
	app: 'blog',
	name: 'Post',
	fields: postFields,
	meta: { ordering: ['-created'] },
	str: (post) => post.title
}) {
	declare static objects: Manager<Post>;
	get_absolute_url(): string {
		return `/blog/${this.pk}/`;
	}
}

export const Comment = defineModel({
	app: 'blog',
	name: 'Comment',
	fields: {
		post: ForeignKey<Post>(() => Post, { onDelete: 'CASCADE' }),
		name: CharField({ maxLength: 80 }),
		text: TextField(),
		created: DateTimeField({ autoNowAdd: true })
	}
});

export const Product = defineModel({
	app: 'shop',
	name: 'Product',
	fields: {
		name: CharField({ maxLength: 100 }),
		slug: SlugField({ unique: true }),
		price: DecimalField({ maxDigits: 8, decimalPlaces: 2 }),
		stock: PositiveIntegerField({ default: 0 }),
		quantity_min: PositiveIntegerField({ default: 1, validators: [MinValueValidator(1)] }),
		code: UUIDField({ null: true, blank: true })
	}
});

let SQL: SqlJsStatic | undefined;

export async function loadSql(): Promise<SqlJsStatic> {
	SQL ??= await initSqlJs();
	return SQL;
}

const day = (d: number) => new Date(Date.UTC(2024, 0, d, 9, 30));

/** A database with alice (posts 1, 2) and bob (post 3), comments on post 1, two products. */
export async function seededDb(): Promise<{ db: Database; queries: QueryInfo[] }> {
	const db = openDatabase(await loadSql());
	migrate(db, [Writer, Post, Comment, Product] as never);
	db.quietly(() => {
		const alice = Writer.objects.create({ username: 'alice', email: 'alice@example.com' });
		const bob = Writer.objects.create({ username: 'bob', email: 'bob@example.com' });
		const posts = [
			{ title: 'Hello Django', author: alice, created: day(1) },
			{ title: 'Models and 100% SQL', author: alice, created: day(2) },
			{ title: 'Views', author: bob, created: new Date(Date.UTC(2025, 1, 3, 12)) }
		];
		for (const values of posts) {
			const post = new Post(values);
			post.save();
			// auto_now_add overwrote `created`; put the fixed date back, as a fixture would.
			Post.objects.filter({ pk: post.pk }).update({ created: values.created });
		}
		Comment.objects.create({ post_id: 1, name: 'Bob', text: 'Nice' });
		Comment.objects.create({ post_id: 1, name: 'Carol', text: 'Thanks' });
		Product.objects.create({ name: 'Mug', slug: 'mug', price: '9.50', stock: 3 });
		Product.objects.create({ name: 'T-shirt', slug: 't-shirt', price: '19.99', stock: 0 });
	});
	const queries: QueryInfo[] = [];
	db.onQuery((query) => queries.push(query));
	return { db, queries };
}

export type { Model };
