/**
 * `django.contrib.admin`: `admin.site`, `ModelAdmin`, `TabularInline`, and the tables the admin
 * needs (content types, permissions, the log). A project registers its models in its admin.py
 * (the admin.ts beside each app of mysite) and includes `site.urls` under `admin/`.
 */
export { ADMIN_MODELS, grantPermissions, LogEntry, migrateAdmin, Permission } from './models';
export { ModelAdmin, TabularInline } from './options';
export { AdminSite, site } from './sites';
export { has_perm, has_module_perms } from './permissions';
