/**
 * The full project's demo data for the admin, on top of mysite's seed: the admin's tables (with
 * the four permissions of every model), a superuser, and bob made staff with only some
 * permissions, so the admin shows what permissions change.
 *
 *   admin / controlroom   superuser: every app, every permission
 *   bob / builder         staff: may view posts (not change them), view and change products
 *   alice / wonderland    not staff: the admin's login page refuses her
 *
 * The superuser's hash was made once with Django's PBKDF2 (1,000,000 iterations, a fixed salt),
 * as seed.ts stores the others.
 */
import { grantPermissions, migrateAdmin } from '../../django/contrib/admin';
import { User } from '../../django/auth';
import type { Database } from '../../django/db';
import { MODELS } from '../seed';

export const ADMIN_USER = {
	username: 'admin',
	password: 'controlroom',
	hash: 'pbkdf2_sha256$1000000$Xa7Lq2Vd9RmT4sKp8WzN3e$vlv5wvYTCQKJaynBIn9l/jyEFaBukGxk+H1WFiOT6RQ='
} as const;

/** What bob may do in the admin. */
export const BOB_PERMISSIONS = ['blog.view_post', 'shop.view_product', 'shop.change_product'];

export function seedAdmin(db: Database): void {
	migrateAdmin(db, MODELS);
	db.quietly(() => {
		new User({
			username: ADMIN_USER.username,
			password: ADMIN_USER.hash,
			email: 'admin@mysite.test',
			is_staff: true,
			is_superuser: true,
			date_joined: new Date('2025-09-01T07:00:00Z')
		}).save();
		const bob = User.objects.get({ username: 'bob' });
		bob.is_staff = true;
		bob.save();
		grantPermissions(bob, BOB_PERMISSIONS);
	});
}
