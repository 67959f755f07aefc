import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnonymousUser, AUTH_MODELS, User } from '../../auth';
import { migrate, openDatabase, type Database, type ModelClass } from '../../db';
import { grantPermissions, migrateAdmin, Permission } from './models';
import { get_all_permissions, has_module_perms, has_perm, is_active_staff } from './permissions';

let db: Database;
const users: Record<string, User> = {};

beforeAll(async () => {
	db = openDatabase(await initSqlJs());
	migrate(db, AUTH_MODELS);
	migrateAdmin(db, [User as unknown as ModelClass]);
	db.quietly(() => {
		const make = (username: string, extra: Partial<User> = {}) => {
			const user = new User({ username, password: '!', ...extra });
			user.save();
			users[username] = user;
		};
		make('root', { is_staff: true, is_superuser: true });
		make('clerk', { is_staff: true });
		make('visitor');
		make('gone', { is_staff: true, is_superuser: true, is_active: false });
		grantPermissions(users.clerk, ['auth.view_user']);
	});
});

describe('default permissions (post_migrate)', () => {
	it('creates add, change, delete and view for every model, named as Django names them', () => {
		const names = Permission.objects
			.filter({ content_type__app_label: 'auth', content_type__model: 'user' })
			.list()
			.map((p) => [p.codename, p.name]);
		expect(names).toEqual([
			['add_user', 'Can add user'],
			['change_user', 'Can change user'],
			['delete_user', 'Can delete user'],
			['view_user', 'Can view user']
		]);
	});
});

describe('has_perm', () => {
	it('gives an active superuser every permission', () => {
		expect(has_perm(users.root, 'auth.delete_user')).toBe(true);
		expect(has_module_perms(users.root, 'blog')).toBe(true);
	});

	it('gives anyone else only the rows of auth_user_user_permissions', () => {
		expect(has_perm(users.clerk, 'auth.view_user')).toBe(true);
		expect(has_perm(users.clerk, 'auth.change_user')).toBe(false);
		expect(has_module_perms(users.clerk, 'auth')).toBe(true);
		expect(has_module_perms(users.clerk, 'blog')).toBe(false);
		expect([...get_all_permissions(users.clerk)]).toEqual(['auth.view_user']);
	});

	it('gives an inactive user, even a superuser, nothing', () => {
		expect(has_perm(users.gone, 'auth.view_user')).toBe(false);
		expect(is_active_staff(users.gone)).toBe(false);
	});

	it('gives anonymous visitors and users with no rows nothing', () => {
		expect(has_perm(new AnonymousUser() as never, 'auth.view_user')).toBe(false);
		expect(has_perm(users.visitor, 'auth.view_user')).toBe(false);
		expect(is_active_staff(users.visitor)).toBe(false);
		expect(is_active_staff(users.clerk)).toBe(true);
	});

	it('reads the permissions once per user object (Django caches them on the user)', () => {
		const queries: string[] = [];
		db.onQuery((q) => queries.push(q.sql));
		const fresh = User.objects.get({ username: 'clerk' });
		queries.length = 0;
		has_perm(fresh, 'auth.view_user');
		has_perm(fresh, 'auth.add_user');
		expect(queries.filter((sql) => sql.includes('auth_user_user_permissions'))).toHaveLength(1);
	});
});
