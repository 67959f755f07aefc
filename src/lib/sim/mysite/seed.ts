/**
 * mysite's tables and demo data: what `manage.py migrate` and `manage.py loaddata demo.json` would
 * leave. Timestamps are fixed so that pages, traces and tests are the same on every run.
 *
 * The two password hashes were made once with Django's PBKDF2 (1,000,000 iterations, as Django
 * 5.2) and stored here as a fixture would store them: hashing at start-up would cost a second of
 * CPU for nothing. Logging in still hashes the typed password and compares, as Django does.
 */
import { AUTH_MODELS, Token, User } from '../django/auth';
import { migrate, type Database, type ModelClass } from '../django/db';
import { Comment, Post } from './blog/models';
import { Order, Product } from './shop/models';

/** Every model in migration order: Django's auth apps, then the project's apps. */
export const MODELS: ModelClass[] = [
	...AUTH_MODELS,
	Post as unknown as ModelClass,
	Comment as unknown as ModelClass,
	Product as unknown as ModelClass,
	Order as unknown as ModelClass
];

export const USERS = {
	alice: {
		password: 'wonderland',
		token: '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b',
		hash: 'pbkdf2_sha256$1000000$Q3vK8rTz1mWp5Lx2NcY7aB$piHdd4v7Si71hQNrx/0yuD7eeAAaWRFPF7Sui9o2HKE='
	},
	bob: {
		password: 'builder',
		token: '2f1c9e1b0d7a4e3c8b6a5f4d3c2b1a0f9e8d7c6b',
		hash: 'pbkdf2_sha256$1000000$h6DfR2sJ9uLq4VwE8kTzPm$HtbS2vOBzJ8JCMlGIGHavegQH/8q1yP2pkyJs62IbnY='
	}
} as const;

const at = (iso: string) => new Date(`${iso}Z`);

/** `auto_now_add` overwrote the timestamp on insert; put the fixed one back, as a fixture would. */
function fixCreated(
	model: { objects: { filter(f: object): { update(v: object): number } } },
	pk: number,
	created: Date
) {
	model.objects.filter({ pk }).update({ created });
}

export function seed(db: Database): void {
	migrate(db, MODELS);
	db.quietly(() => {
		const alice = new User({
			username: 'alice',
			password: USERS.alice.hash,
			first_name: 'Alice',
			last_name: 'Liddell',
			email: 'alice@mysite.test',
			date_joined: at('2025-09-01T08:00:00')
		});
		alice.save();
		const bob = new User({
			username: 'bob',
			password: USERS.bob.hash,
			first_name: 'Bob',
			last_name: 'Builder',
			email: 'bob@mysite.test',
			date_joined: at('2025-10-15T14:30:00')
		});
		bob.save();
		Token.objects.create({ key: USERS.alice.token, user: alice });
		Token.objects.create({ key: USERS.bob.token, user: bob });

		const posts: Array<[string, string, User, string]> = [
			[
				'Hello, Django',
				'This is the first post on mysite.\n\nEvery page you see here was made by a Django view.',
				alice,
				'2025-11-20T09:30:00'
			],
			[
				'How a request finds its view',
				'Django reads urls.py from top to bottom and stops at the first pattern that matches.',
				alice,
				'2026-01-12T16:05:00'
			],
			[
				'Building a shop with forms',
				'A form checks what the browser sent before anything is saved.',
				bob,
				'2026-02-03T11:20:00'
			]
		];
		for (const [title, body, author, created] of posts) {
			const post = Post.objects.create({ title, body, author });
			fixCreated(Post, post.pk, at(created));
		}
		const comments: Array<[number, string, string, string]> = [
			[1, 'Bob', 'Welcome to the web, Alice!', '2025-11-20T10:02:00'],
			[1, 'Carol', 'Looking forward to the next post.', '2025-11-21T08:45:00'],
			[3, 'Alice', 'Nice shop! I would like a teapot.', '2026-02-03T12:00:00']
		];
		for (const [postPk, name, body, created] of comments) {
			const comment = Comment.objects.create({
				post: Post.objects.get({ pk: postPk }),
				name,
				body
			});
			fixCreated(Comment, comment.pk, at(created));
		}

		const products: Array<[string, string, string, number, string]> = [
			['Coffee mug', 'coffee-mug', '12.50', 10, 'A big white mug for long mornings.'],
			['Teapot', 'teapot', '34.00', 2, 'A round teapot for four cups.'],
			['Tea towel', 'tea-towel', '8.90', 25, 'Soft cotton, printed with the Django pony.'],
			['Espresso cups', 'espresso-cups', '19.00', 0, 'Two small cups with saucers.']
		];
		for (const [name, slug, price, stock, description] of products) {
			Product.objects.create({ name, slug, price, stock, description });
		}
		const mug = Product.objects.get({ slug: 'coffee-mug' });
		const towel = Product.objects.get({ slug: 'tea-towel' });
		const first = Order.objects.create({ user: alice, product: mug, quantity: 1, status: 'paid' });
		fixCreated(Order, first.pk, at('2026-02-10T09:00:00'));
		const second = Order.objects.create({ user: bob, product: towel, quantity: 2, status: 'new' });
		fixCreated(Order, second.pk, at('2026-02-11T15:30:00'));
	});
}
