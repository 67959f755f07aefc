/** Test helper: logging a visitor in to the full project's admin, as the login form does. */
import { USERS } from '../index';
import type { Answer, Visitor } from '../test-site';
import { ADMIN_USER } from './admin-seed';

/** The demo passwords of the admin's users: the superuser, alice (no staff), bob (some rights). */
export const ADMIN_PASSWORDS: Readonly<Record<string, string>> = {
	admin: ADMIN_USER.password,
	alice: USERS.alice.password,
	bob: USERS.bob.password
};

/** GET the admin's login page (for the CSRF cookie), then POST the username and password. */
export async function adminLogIn(visitor: Visitor, username: string): Promise<Answer> {
	await visitor.get('/admin/login/?next=/admin/');
	return visitor.post('/admin/login/?next=/admin/', {
		username,
		password: ADMIN_PASSWORDS[username],
		next: '/admin/'
	});
}
