/**
 * Permission checks as Django's `ModelBackend` makes them: an inactive user has none, an active
 * superuser has all, anyone else has the rows of `auth_user_user_permissions`, read once per
 * request (`user._perm_cache`) as `"app_label.codename"` names.
 */
import type { UserLike } from '../../context';
import { UserPermission } from './models';

interface PermUser extends UserLike {
	is_active?: boolean;
	is_superuser?: boolean;
	is_staff?: boolean;
}

const caches = new WeakMap<object, Set<string>>();

/** `user.get_all_permissions()` for a user who is not a superuser. */
export function get_all_permissions(user: PermUser): Set<string> {
	if (!user.is_active || !user.is_authenticated) return new Set();
	let cached = caches.get(user);
	if (!cached) {
		const rows = UserPermission.objects
			.filter({ user: user.pk })
			.withOrm('user.user_permissions.values_list("content_type__app_label", "codename")')
			.values_list('permission__content_type__app_label', 'permission__codename') as Array<
			[string, string]
		>;
		cached = new Set(rows.map(([app, codename]) => `${app}.${codename}`));
		caches.set(user, cached);
	}
	return cached;
}

/** `user.has_perm("blog.change_post")`. */
export function has_perm(user: PermUser, perm: string): boolean {
	if (!user.is_active || !user.is_authenticated) return false;
	if (user.is_superuser) return true;
	return get_all_permissions(user).has(perm);
}

/** `user.has_module_perms("blog")`: any permission in that app. */
export function has_module_perms(user: PermUser, appLabel: string): boolean {
	if (!user.is_active || !user.is_authenticated) return false;
	if (user.is_superuser) return true;
	return [...get_all_permissions(user)].some((perm) => perm.startsWith(`${appLabel}.`));
}

/** `AdminSite.has_permission(request)`: an active staff member. */
export function is_active_staff(user: PermUser): boolean {
	return Boolean(user.is_active && user.is_staff);
}
