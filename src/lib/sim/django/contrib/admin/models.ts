/**
 * The tables the admin needs besides `auth_user`: `django_content_type` (one row per model),
 * `auth_permission` (the four permissions Django creates for every model after `migrate`:
 * add, change, delete, view), `auth_user_user_permissions` (which user has which) and
 * `django_admin_log` (LogEntry: every change made in the admin).
 *
 * Only the full project migrates them (`mysite/full`); the default project has no admin.
 */
import { User } from '../../auth/models';
import {
	CharField,
	DateTimeField,
	defineModel,
	ForeignKey,
	migrate,
	PositiveIntegerField,
	TextField,
	type Database,
	type Manager,
	type ModelClass
} from '../../db';

export class ContentType extends defineModel({
	app: 'contenttypes',
	name: 'ContentType',
	fields: {
		app_label: CharField({ maxLength: 100 }),
		model: CharField({ maxLength: 100, verboseName: 'python model class name' })
	},
	meta: { dbTable: 'django_content_type', verboseName: 'content type' },
	str: (ct) => `${ct.app_label} | ${ct.model}`
}) {
	declare static objects: Manager<ContentType>;

	/** `apps.get_model(app_label, model)`: every model `migrate` saw, by its content type. */
	static readonly models = new Map<string, ModelClass>();

	/** `model_class()`: the model this row stands for, or null when it is gone. */
	model_class(): ModelClass | null {
		return ContentType.models.get(`${this.app_label}.${this.model}`) ?? null;
	}

	/** `ContentType.objects.get_for_model(model)`. */
	static get_for_model(model: ModelClass): ContentType {
		const meta = model._meta;
		return ContentType.objects.get({ app_label: meta.appLabel, model: meta.modelName });
	}
}

export class Permission extends defineModel({
	app: 'auth',
	name: 'Permission',
	fields: {
		name: CharField({ maxLength: 255 }),
		content_type: ForeignKey<ContentType>(() => ContentType, {
			onDelete: 'CASCADE',
			verboseName: 'content type'
		}),
		codename: CharField({ maxLength: 100 })
	},
	str: (p) => `${String(p.content_type)} | ${p.name}`
}) {
	declare static objects: Manager<Permission>;
}

/** The through table of `User.user_permissions` (a ManyToManyField in Django). */
export class UserPermission extends defineModel({
	app: 'auth',
	name: 'User_user_permissions',
	fields: {
		user: ForeignKey<User>(() => User as unknown as ModelClass<User>, { onDelete: 'CASCADE' }),
		permission: ForeignKey<Permission>(() => Permission, { onDelete: 'CASCADE' })
	},
	meta: { dbTable: 'auth_user_user_permissions' }
}) {
	declare static objects: Manager<UserPermission>;
}

export const ADDITION = 1;
export const CHANGE = 2;
export const DELETION = 3;

export class LogEntry extends defineModel({
	app: 'admin',
	name: 'LogEntry',
	fields: {
		action_time: DateTimeField({ default: () => new Date(), verboseName: 'action time' }),
		user: ForeignKey<User>(() => User as unknown as ModelClass<User>, {
			onDelete: 'CASCADE',
			verboseName: 'user'
		}),
		content_type: ForeignKey<ContentType>(() => ContentType, {
			onDelete: 'SET_NULL',
			null: true,
			blank: true,
			verboseName: 'content type'
		}),
		object_id: TextField({ null: true, blank: true, verboseName: 'object id' }),
		object_repr: CharField({ maxLength: 200, verboseName: 'object repr' }),
		action_flag: PositiveIntegerField({ verboseName: 'action flag' }),
		change_message: TextField({ blank: true, verboseName: 'change message' })
	},
	meta: {
		dbTable: 'django_admin_log',
		ordering: ['-action_time'],
		verboseName: 'log entry',
		verboseNamePlural: 'log entries'
	},
	str: (entry) => entry.object_repr
}) {
	declare static objects: Manager<LogEntry>;
}

export const ADMIN_MODELS: ModelClass[] = [
	ContentType as unknown as ModelClass,
	Permission as unknown as ModelClass,
	UserPermission as unknown as ModelClass,
	LogEntry as unknown as ModelClass
];

const ACTIONS = ['add', 'change', 'delete', 'view'] as const;

/**
 * `migrate` for the admin's tables, then what Django's `post_migrate` signal does: a content type
 * for each model and its four default permissions ("Can add post", codename `add_post`…).
 */
export function migrateAdmin(db: Database, models: readonly ModelClass[]): void {
	migrate(db, ADMIN_MODELS);
	db.quietly(() => {
		for (const model of [...models, ...ADMIN_MODELS]) {
			const meta = model._meta;
			ContentType.models.set(`${meta.appLabel}.${meta.modelName}`, model);
			const ct = ContentType.objects.create({ app_label: meta.appLabel, model: meta.modelName });
			if (model === (UserPermission as unknown as ModelClass)) continue;
			for (const action of ACTIONS) {
				Permission.objects.create({
					name: `Can ${action} ${meta.verboseName}`,
					content_type: ct,
					codename: `${action}_${meta.modelName}`
				});
			}
		}
	});
}

/** Give a user permissions by their `app_label.codename` names (the seed's fixtures). */
export function grantPermissions(user: User, perms: readonly string[]): void {
	for (const perm of perms) {
		const [app_label, codename] = perm.split('.');
		const permission = Permission.objects.get({
			codename,
			content_type__app_label: app_label
		});
		UserPermission.objects.create({ user, permission });
	}
}
