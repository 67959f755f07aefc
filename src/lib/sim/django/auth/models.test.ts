import initSqlJs from 'sql.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrate, openDatabase, sqlForModel, ValidationError, type Database } from '../db';
import type { QueryInfo } from '../../types';
import { AnonymousUser, authenticate, AUTH_MODELS, User } from '.';
import { makePassword } from './hashers';

let db: Database;
const queries: QueryInfo[] = [];

beforeAll(async () => {
	db = openDatabase(await initSqlJs());
	migrate(db, AUTH_MODELS);
	await User.objects.create_user('alice', 'wonderland', { email: 'Alice@Example.COM' });
	const bob = await User.objects.create_user('bob', 'builder');
	bob.is_active = false;
	bob.save();
	db.onQuery((q) => queries.push(q));
});

afterEach(() => {
	vi.restoreAllMocks();
	queries.length = 0;
});

describe('User', () => {
	it("has Django's auth_user columns", () => {
		expect(sqlForModel(User as never)[0]).toBe(
			'CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "password" varchar(128) NOT NULL, "last_login" datetime NULL, "is_superuser" bool NOT NULL, "username" varchar(150) NOT NULL UNIQUE, "first_name" varchar(150) NOT NULL, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" bool NOT NULL, "is_active" bool NOT NULL, "date_joined" datetime NOT NULL);'
		);
	});

	it('create_user() hashes the password and normalizes the email domain', () => {
		const alice = User.objects.get({ username: 'alice' });
		expect(alice.password).toMatch(/^pbkdf2_sha256\$1000000\$[A-Za-z0-9]{22}\$[A-Za-z0-9+/]{43}=$/);
		expect(alice.email).toBe('Alice@example.com');
		expect(alice.is_authenticated).toBe(true);
		expect(alice.is_anonymous).toBe(false);
		expect(alice.is_staff).toBe(false);
		expect(String(alice)).toBe('alice');
		expect(alice.date_joined).toBeInstanceOf(Date);
	});

	it("validates usernames with Django's messages", () => {
		const taken = new User({ username: 'alice', password: 'x' });
		try {
			taken.full_clean();
			expect.unreachable();
		} catch (error) {
			expect((error as ValidationError).message_dict).toEqual({
				username: ['A user with that username already exists.']
			});
		}
		expect(() => new User({ username: 'bad name!', password: 'x' }).full_clean()).toThrow(
			'Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.'
		);
	});

	it('has_perm: active superusers have every permission, others what is granted', () => {
		const user = new User({ username: 'carol', is_superuser: true });
		expect(user.has_perm('blog.delete_post')).toBe(true);
		user.is_superuser = false;
		expect(user.has_perm('blog.delete_post')).toBe(false);
		expect(user.has_perm('blog.delete_post', ['blog.delete_post'])).toBe(true);
		user.is_active = false;
		expect(user.has_perm('blog.delete_post', ['blog.delete_post'])).toBe(false);
	});

	it('AnonymousUser is anonymous', () => {
		const anon = new AnonymousUser();
		expect([anon.is_authenticated, anon.is_anonymous, anon.pk, String(anon)]).toEqual([
			false,
			true,
			null,
			'AnonymousUser'
		]);
	});
});

describe('authenticate()', () => {
	it('returns the user for the right password', async () => {
		const user = await authenticate(db, 'alice', 'wonderland');
		expect(user?.username).toBe('alice');
		expect(queries[0].orm).toBe("User.objects.get_by_natural_key('alice')");
		expect(queries[0].sql).toMatch(/WHERE "auth_user"."username" = \? LIMIT 21$/);
	});

	it('returns null for a wrong password, an inactive user, an unknown user', async () => {
		expect(await authenticate(db, 'alice', 'Wonderland')).toBeNull();
		expect(await authenticate(db, 'bob', 'builder')).toBeNull();
		expect(await authenticate(db, 'nobody', 'x')).toBeNull();
	});

	it('runs the hasher once for an unknown user too, so timing does not tell', async () => {
		const derive = vi.spyOn(crypto.subtle, 'deriveBits');
		await authenticate(db, 'nobody', 'wonderland');
		expect(derive).toHaveBeenCalledTimes(1);
		derive.mockClear();
		await authenticate(db, 'alice', 'wrong');
		expect(derive).toHaveBeenCalledTimes(1);
		const [params] = derive.mock.calls[0] as unknown as [{ iterations: number }];
		expect(params.iterations).toBe(1_000_000);
	});

	it('a right password with an outdated hash is re-hashed and saved, as Django does', async () => {
		const old = new User({ username: 'olga', password: await makePassword('pw', 'seasalt', 1000) });
		old.save();
		expect(await authenticate(db, 'olga', 'pw')).not.toBeNull();
		expect(queries.at(-1)?.orm).toBe("user.save(update_fields=['password'])");
		const fresh = User.objects.get({ username: 'olga' });
		expect(fresh.password).toMatch(/^pbkdf2_sha256\$1000000\$[A-Za-z0-9]{22}\$/);
	});

	it('set_password() changes what check_password() accepts', async () => {
		const user = new User({ username: 'dora' });
		await user.set_password('explorer');
		expect(await user.check_password('explorer')).toBe(true);
		expect(await user.check_password('Explorer')).toBe(false);
		user.set_unusable_password();
		expect(user.has_usable_password()).toBe(false);
		expect(await user.check_password('explorer')).toBe(false);
	});
});
