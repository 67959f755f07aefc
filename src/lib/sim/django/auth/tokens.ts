/**
 * Django REST framework's token authentication (rest_framework/authtoken/models.py and
 * authentication.py): the `authtoken_token` table (a 40-hex-character key, the user, when it
 * was made), `tokenFor(user)` as `Token.objects.get_or_create(user=user)`, and reading an
 * `Authorization: Token <key>` header with DRF's error messages.
 */
import {
	CharField,
	DateTimeField,
	defineModel,
	ForeignKey,
	type Database,
	type Manager
} from '../db';
import { User } from './models';

/** Column order as DRF's first migration creates them: key, created, user_id. */
export class Token extends defineModel({
	app: 'authtoken',
	name: 'Token',
	fields: {
		key: CharField({ maxLength: 40, primaryKey: true, verboseName: 'Key' }),
		created: DateTimeField({ autoNowAdd: true, verboseName: 'Created' }),
		// A OneToOneField in DRF: a ForeignKey with a UNIQUE column.
		user: ForeignKey<User>(() => User, {
			onDelete: 'CASCADE',
			relatedName: 'auth_token',
			unique: true
		})
	},
	str: (token) => token.key
}) {
	declare static objects: Manager<Token>;

	/** `binascii.hexlify(os.urandom(20)).decode()`: 40 hexadecimal characters. */
	static generateKey(): string {
		return [...crypto.getRandomValues(new Uint8Array(20))]
			.map((b) => b.toString(16).padStart(2, '0'))
			.join('');
	}

	override save(options: Parameters<InstanceType<typeof User>['save']>[0] = {}): void {
		if (!this.key) this.key = Token.generateKey();
		super.save(options);
	}
}

Object.assign(Token.prototype.save, { alters_data: true });

/** The user's token, made on first use (what DRF's `obtain_auth_token` view does). */
export function tokenFor(db: Database, user: User, key?: string): Token {
	const [token] = Token.objects.using(db).get_or_create({ user }, key ? { key } : {});
	return token as Token;
}

export type TokenResult = { user: User; token: Token } | { error: string };

/** TokenAuthentication.authenticate_credentials(): the token's user, or DRF's message. */
export function authenticateToken(db: Database, key: string): TokenResult {
	let token: Token;
	try {
		token = Token.objects.using(db).select_related('user').get({ key });
	} catch (error) {
		if (error instanceof Token.DoesNotExist) return { error: 'Invalid token.' };
		throw error;
	}
	const user = token.user as User;
	if (!user.is_active) return { error: 'User inactive or deleted.' };
	return { user, token };
}

/** The user for a key, or null. */
export function userForToken(db: Database, key: string): User | null {
	const result = authenticateToken(db, key);
	return 'user' in result ? result.user : null;
}

/**
 * Read `Authorization: Token <key>` as DRF does: null when the header is absent or uses another
 * scheme (so other authentication may try), the key, or DRF's error for a malformed header.
 */
export function parseTokenHeader(
	header: string | null | undefined
): { key: string } | { error: string } | null {
	if (!header) return null;
	const parts = header.trim().split(/\s+/);
	if (parts[0].toLowerCase() !== 'token') return null;
	if (parts.length === 1) return { error: 'Invalid token header. No credentials provided.' };
	if (parts.length > 2)
		return { error: 'Invalid token header. Token string should not contain spaces.' };
	// eslint-disable-next-line no-control-regex
	if (!/^[\x00-\x7f]*$/.test(parts[1]))
		return { error: 'Invalid token header. Token string should not contain invalid characters.' };
	return { key: parts[1] };
}
