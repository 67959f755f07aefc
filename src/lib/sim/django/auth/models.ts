/**
 * `django.contrib.auth`'s User on the `auth_user` table (the columns Django's migrations make),
 * `AnonymousUser`, and `authenticate()` as ModelBackend does it.
 */
import {
	BooleanField,
	CharField,
	DateTimeField,
	defineModel,
	EmailField,
	Manager,
	pyRepr,
	type Database,
	type ModelClass
} from '../db';
import {
	checkPassword,
	decodePassword,
	DEMO_ITERATIONS,
	isPasswordUsable,
	makePassword,
	UNUSABLE_PASSWORD_PREFIX
} from './hashers';

/** UnicodeUsernameValidator (django/contrib/auth/validators.py). */
const usernameValidator = (value: unknown) =>
	typeof value === 'string' && !/^[\p{L}\p{N}_.@+-]+$/u.test(value)
		? 'Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.'
		: null;

const UserBase = defineModel({
	app: 'auth',
	name: 'User',
	fields: {
		password: CharField({ maxLength: 128, verboseName: 'password' }),
		last_login: DateTimeField({ null: true, blank: true, verboseName: 'last login' }),
		is_superuser: BooleanField({ default: false, verboseName: 'superuser status' }),
		username: CharField({
			maxLength: 150,
			unique: true,
			validators: [usernameValidator],
			errorMessages: { unique: 'A user with that username already exists.' }
		}),
		first_name: CharField({ maxLength: 150, blank: true, verboseName: 'first name' }),
		last_name: CharField({ maxLength: 150, blank: true, verboseName: 'last name' }),
		email: EmailField({ blank: true, verboseName: 'email address' }),
		is_staff: BooleanField({ default: false, verboseName: 'staff status' }),
		is_active: BooleanField({ default: true, verboseName: 'active' }),
		date_joined: DateTimeField({ default: () => new Date(), verboseName: 'date joined' })
	},
	str: (user) => user.username
});

/** `User.objects`, with `create_user()` and `create_superuser()`. */
export class UserManager extends Manager<User> {
	/** Django's `normalize_email()`: the domain part in lower case. */
	static normalizeEmail(email: string): string {
		const at = email.lastIndexOf('@');
		return at < 0 ? email : email.slice(0, at) + '@' + email.slice(at + 1).toLowerCase();
	}

	async create_user(
		username: string,
		password: string | null,
		extra: {
			email?: string;
			first_name?: string;
			last_name?: string;
			is_staff?: boolean;
			is_superuser?: boolean;
		} = {}
	): Promise<User> {
		const user = new User({
			...extra,
			username,
			email: UserManager.normalizeEmail(extra.email ?? '')
		});
		await user.set_password(password);
		user._state.db = this.db;
		user.save({ orm: `User.objects.create_user(username=${pyRepr(username)})` });
		return user;
	}

	create_superuser(username: string, password: string, extra: { email?: string } = {}) {
		return this.create_user(username, password, { ...extra, is_staff: true, is_superuser: true });
	}
}

export class User extends UserBase {
	static override get objects(): UserManager {
		return new UserManager(this as unknown as ModelClass<User>);
	}

	get is_authenticated(): boolean {
		return true;
	}
	get is_anonymous(): boolean {
		return false;
	}

	get_username(): string {
		return this.username;
	}
	get_full_name(): string {
		return `${this.first_name} ${this.last_name}`.trim();
	}
	get_short_name(): string {
		return this.first_name;
	}

	/** Hash and store a new password (not saved until `save()`), as Django's `set_password()`. */
	async set_password(raw: string | null): Promise<void> {
		this.password = await makePassword(raw);
	}

	set_unusable_password(): void {
		this.password = UNUSABLE_PASSWORD_PREFIX + 'x'.repeat(40);
	}

	/** As Django: a right password stored with an outdated hash is re-hashed and saved. */
	check_password(raw: string): Promise<boolean> {
		return checkPassword(raw, this.password, async (password) => {
			await this.set_password(password);
			if (this.pk !== null && this.pk !== undefined)
				this.save({ updateFields: ['password'], orm: "user.save(update_fields=['password'])" });
		});
	}

	has_usable_password(): boolean {
		return isPasswordUsable(this.password);
	}

	/**
	 * Django's ModelBackend answers: an active superuser has every permission; others have only
	 * those granted. This simulation keeps no permission tables, so `granted` lists them.
	 */
	has_perm(perm: string, granted: readonly string[] = []): boolean {
		if (!this.is_active) return false;
		return this.is_superuser || granted.includes(perm);
	}
}

/** `request.user` for a visitor who has not logged in. */
export class AnonymousUser {
	readonly id = null;
	readonly pk = null;
	readonly username = '';
	readonly is_staff = false;
	readonly is_active = false;
	readonly is_superuser = false;
	get is_authenticated(): boolean {
		return false;
	}
	get is_anonymous(): boolean {
		return true;
	}
	has_perm(): boolean {
		return false;
	}
	get_username(): string {
		return '';
	}
	toString(): string {
		return 'AnonymousUser';
	}
}

/**
 * ModelBackend.authenticate(): the user with this username and password, or null. For an
 * unknown username it hashes the password anyway, so both failures take the same time and an
 * attacker cannot tell which usernames exist (Django ticket #20760).
 */
export async function authenticate(
	db: Database,
	username: string,
	password: string,
	/** Told, in words, what the backend did (the login hop narrates the password check). */
	narrate?: (text: string) => void
): Promise<User | null> {
	const found = User.objects
		.using(db)
		.filter({ username })
		.withOrm(`User.objects.get_by_natural_key(${pyRepr(username)})`);
	let user: User;
	try {
		user = found.get();
	} catch (error) {
		if (!(error instanceof User.DoesNotExist)) throw error;
		await makePassword(password);
		narrate?.(
			`No user ${pyRepr(username)}: ModelBackend hashes the password anyway (pbkdf2_sha256, ${DEMO_ITERATIONS.toLocaleString('en')} iterations), so the time taken does not tell which usernames exist.`
		);
		return null;
	}
	const ok = await user.check_password(password);
	const stored = decodePassword(user.password ?? '');
	narrate?.(
		stored
			? `check_password(): hashes the typed password with ${stored.algorithm}, ${stored.iterations.toLocaleString('en')} iterations and ${user.username}'s salt, and compares the result with the stored hash in constant time: ${ok ? 'they match' : 'they differ'}.`
			: `check_password(): ${user.username} has no usable password: refused.`
	);
	// user_can_authenticate(): inactive users are refused, as ModelBackend does.
	return ok && user.is_active ? user : null;
}
