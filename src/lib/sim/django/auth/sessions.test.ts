import initSqlJs from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Database } from '../db';
import type { QueryInfo } from '../../types';
import {
	AUTH_MODELS,
	BACKEND_SESSION_KEY,
	getUser,
	HASH_SESSION_KEY,
	login,
	logout,
	Session,
	SESSION_KEY,
	sessionAuthHash,
	SessionStore,
	User
} from '.';

let db: Database;
let alice: User;
let queries: QueryInfo[];
let SQL: Awaited<ReturnType<typeof initSqlJs>>;

beforeEach(async () => {
	SQL ??= await initSqlJs();
	db = openDatabase(SQL);
	migrate(db, AUTH_MODELS);
	// A cheap hash keeps these tests quick; the format is the same.
	alice = new User({ username: 'alice', password: 'pbkdf2_sha256$1000$salt$x' });
	alice.save();
	queries = [];
	db.onQuery((q) => queries.push(q));
});

describe('SessionStore', () => {
	it('creates a 32-character [a-z0-9] key, checking it is unused, then INSERTs', () => {
		const session = new SessionStore(db);
		expect(session.is_empty()).toBe(true);
		session.set('cart', [1, 2]);
		expect(session.modified).toBe(true);
		session.save();
		expect(session.session_key).toMatch(/^[a-z0-9]{32}$/);
		expect(queries.map((q) => q.sql.split(' (')[0])).toEqual([
			'SELECT ? AS "a" FROM "django_session" WHERE "django_session"."session_key" = ? LIMIT 1',
			'INSERT INTO "django_session"'
		]);
		const row = Session.objects.using(db).get({ session_key: session.session_key });
		expect(JSON.parse(row.session_data)).toEqual({ cart: [1, 2] });
		const days = (row.expire_date.getTime() - Date.now()) / 86_400_000;
		expect(Math.round(days)).toBe(14);
	});

	it('loads what was saved, and UPDATEs on the next save', () => {
		const first = new SessionStore(db);
		first.set('visits', 1);
		first.save();
		const again = new SessionStore(db, first.session_key);
		expect(again.get('visits')).toBe(1);
		expect(again.modified).toBe(false);
		expect(queries.at(-1)?.orm).toMatch(
			/^Session\.objects\.get\(session_key='[a-z0-9]{32}', expire_date__gt=timezone\.now\(\)\)$/
		);
		again.set('visits', 2);
		again.save();
		expect(queries.at(-1)?.sql).toBe(
			'UPDATE "django_session" SET "session_data" = ?, "expire_date" = ? WHERE "django_session"."session_key" = ?'
		);
		expect(new SessionStore(db, first.session_key).get('visits')).toBe(2);
	});

	it('forgets an unknown, expired or malformed key', () => {
		const unknown = new SessionStore(db, 'abcdefghijklmnopqrstuvwxyz012345');
		expect(unknown.get('x')).toBeUndefined();
		expect(unknown.session_key).toBeNull();
		const old = new SessionStore(db, null, () => new Date(Date.UTC(2020, 0, 1)));
		old.set('x', 1);
		old.save();
		expect(new SessionStore(db, old.session_key).get('x')).toBeUndefined();
		expect(new SessionStore(db, 'short').session_key).toBeNull();
		const attack = new SessionStore(db, "x' OR 1=1 --");
		expect(attack.get('x')).toBeUndefined();
		expect(queries.at(-1)?.params).toContain("x' OR 1=1 --");
		expect(attack.session_key).toBeNull();
	});

	it('cycle_key() keeps the data under a new key and deletes the old row', () => {
		const session = new SessionStore(db);
		session.set('theme', 'dark');
		session.save();
		const old = session.session_key;
		session.cycle_key();
		expect(session.session_key).not.toBe(old);
		expect(session.get('theme')).toBe('dark');
		session.save();
		expect(Session.objects.using(db).filter({ session_key: old }).exists()).toBe(false);
		expect(new SessionStore(db, session.session_key).get('theme')).toBe('dark');
	});

	it('flush() empties the session and deletes its row', () => {
		const session = new SessionStore(db);
		session.set('a', 1);
		session.save();
		const key = session.session_key;
		session.flush();
		expect(session.session_key).toBeNull();
		expect(session.is_empty()).toBe(true);
		expect(Session.objects.using(db).filter({ session_key: key }).exists()).toBe(false);
	});

	it('pop(), delete(), has() and keys() behave as a dict', () => {
		const session = new SessionStore(db);
		session.set('a', 1);
		session.set('b', 2);
		expect(session.pop('a')).toBe(1);
		session.delete('missing');
		expect(session.has('a')).toBe(false);
		expect(session.keys()).toEqual(['b']);
	});
});

describe('login(), get_user(), logout()', () => {
	it('stores the user id as a string, the backend and the hash, on a new key', async () => {
		const session = new SessionStore(db);
		session.set('before', true);
		session.save();
		const planted = session.session_key;
		await login(session, alice);
		session.save();
		expect(session.session_key).not.toBe(planted);
		expect(session.items()).toEqual({
			before: true,
			[SESSION_KEY]: '1',
			[BACKEND_SESSION_KEY]: 'django.contrib.auth.backends.ModelBackend',
			[HASH_SESSION_KEY]: await sessionAuthHash(alice.password)
		});
		expect(queries.some((q) => q.orm === "user.save(update_fields=['last_login'])")).toBe(true);
		const reloaded = await getUser(db, new SessionStore(db, session.session_key));
		expect(String(reloaded)).toBe('alice');
		expect(reloaded.is_authenticated).toBe(true);
	});

	it('computes the session hash as Django’s salted_hmac does', async () => {
		// Python: hmac.new(sha256(key_salt + SECRET_KEY).digest(), password, sha256).hexdigest()
		expect(await sessionAuthHash('pbkdf2_sha256$1000000$abc$def')).toBe(
			'b22b87a49c8d70601cee69ff093c8d36cdc50e7a9949ae0b83766f95280034d5'
		);
	});

	it('logs other sessions out when the password changes', async () => {
		const session = new SessionStore(db);
		await login(session, alice);
		session.save();
		alice.password = 'pbkdf2_sha256$1000$salt$changed';
		alice.save();
		const later = new SessionStore(db, session.session_key);
		expect((await getUser(db, later)).is_anonymous).toBe(true);
		expect(later.session_key).toBeNull();
	});

	it('flushes when a different user logs in on the same session', async () => {
		const bob = new User({ username: 'bob', password: 'pbkdf2_sha256$1000$salt$y' });
		bob.save();
		const session = new SessionStore(db);
		await login(session, alice);
		session.set('cart', [3]);
		await login(session, bob);
		expect(session.get('cart')).toBeUndefined();
		expect(session.get(SESSION_KEY)).toBe('2');
	});

	it('logout() flushes and returns an AnonymousUser', async () => {
		const session = new SessionStore(db);
		await login(session, alice);
		session.save();
		const key = session.session_key;
		expect(logout(session).is_anonymous).toBe(true);
		expect(Session.objects.using(db).filter({ session_key: key }).exists()).toBe(false);
		expect((await getUser(db, session)).is_anonymous).toBe(true);
	});
});

describe('expiry', () => {
	it('is two weeks by default; set_expiry() changes it; 0 means at browser close', () => {
		const now = new Date(Date.UTC(2026, 0, 1));
		const session = new SessionStore(db, null, () => now);
		expect(session.get_expiry_age()).toBe(1_209_600);
		expect(session.get_expiry_date()).toEqual(new Date(Date.UTC(2026, 0, 15)));
		expect(session.get_expire_at_browser_close()).toBe(false);
		session.set_expiry(300);
		expect(session.get_expiry_age()).toBe(300);
		session.set_expiry(new Date(Date.UTC(2026, 0, 2)));
		expect(session.get_expiry_age()).toBe(86_400);
		session.set_expiry(0);
		expect(session.get_expire_at_browser_close()).toBe(true);
		session.set_expiry(null);
		expect(session.get_expiry_age()).toBe(1_209_600);
	});

	it('initial() is the data as loaded, before the view changed it', () => {
		const first = new SessionStore(db);
		first.set('n', 1);
		first.save();
		const again = new SessionStore(db, first.session_key);
		expect(again.initial()).toBeUndefined();
		again.set('n', 2);
		expect(again.initial()).toEqual({ n: 1 });
		expect(again.items()).toEqual({ n: 2 });
	});
});
