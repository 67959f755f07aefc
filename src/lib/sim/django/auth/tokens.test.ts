import initSqlJs from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, sqlForModel, type Database } from '../db';
import {
	authenticateToken,
	AUTH_MODELS,
	parseTokenHeader,
	Token,
	tokenFor,
	User,
	userForToken
} from '.';

let db: Database;
let alice: User;

beforeEach(async () => {
	db = openDatabase(await initSqlJs());
	migrate(db, AUTH_MODELS);
	alice = new User({ username: 'alice', password: 'pbkdf2_sha256$1000$salt$x' });
	alice.save();
});

describe('DRF tokens', () => {
	it("has DRF's authtoken_token table", () => {
		expect(sqlForModel(Token as never)).toEqual([
			'CREATE TABLE "authtoken_token" ("key" varchar(40) NOT NULL PRIMARY KEY, "created" datetime NOT NULL, "user_id" integer NOT NULL UNIQUE REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED);'
		]);
	});

	it('tokenFor() makes a 40-hex key once, then returns the same token', () => {
		const token = tokenFor(db, alice);
		expect(token.key).toMatch(/^[0-9a-f]{40}$/);
		expect(tokenFor(db, alice).key).toBe(token.key);
		expect(Token.objects.using(db).count()).toBe(1);
		expect(() => tokenFor(db, new User({ username: 'x' }))).toThrow(
			"save() prohibited to prevent data loss due to unsaved related object 'user'."
		);
	});

	it('a fixed key (seed data) is kept', () => {
		const key = '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b';
		expect(tokenFor(db, alice, key).key).toBe(key);
		expect(userForToken(db, key)?.username).toBe('alice');
		expect((alice as unknown as { auth_token: Token }).auth_token.key).toBe(key);
	});

	it("authenticates by key with DRF's messages", () => {
		const token = tokenFor(db, alice);
		const ok = authenticateToken(db, token.key);
		expect('user' in ok && ok.user.username).toBe('alice');
		expect(authenticateToken(db, 'f'.repeat(40))).toEqual({ error: 'Invalid token.' });
		alice.is_active = false;
		alice.save();
		expect(authenticateToken(db, token.key)).toEqual({ error: 'User inactive or deleted.' });
		expect(userForToken(db, token.key)).toBeNull();
	});

	it("user.auth_token raises Django's RelatedObjectDoesNotExist when there is none", () => {
		expect(() => (alice as unknown as { auth_token: Token }).auth_token).toThrow(
			'User has no auth_token.'
		);
		try {
			void (alice as unknown as { auth_token: Token }).auth_token;
		} catch (error) {
			// A DoesNotExist: a template shows `{{ user.auth_token.key }}` as ''.
			expect(error).toHaveProperty('silent_variable_failure', true);
		}
	});

	it('deleting the user deletes the token (CASCADE)', () => {
		const token = tokenFor(db, alice);
		alice.delete();
		expect(Token.objects.using(db).filter({ key: token.key }).exists()).toBe(false);
	});

	it('parses the Authorization header as DRF does', () => {
		expect(parseTokenHeader(undefined)).toBeNull();
		expect(parseTokenHeader('Bearer abc')).toBeNull();
		expect(parseTokenHeader('Token abc')).toEqual({ key: 'abc' });
		expect(parseTokenHeader('token abc')).toEqual({ key: 'abc' });
		expect(parseTokenHeader('Token')).toEqual({
			error: 'Invalid token header. No credentials provided.'
		});
		expect(parseTokenHeader('Token a b')).toEqual({
			error: 'Invalid token header. Token string should not contain spaces.'
		});
	});
});
