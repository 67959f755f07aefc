/**
 * `django.contrib.auth.tokens.PasswordResetTokenGenerator` (Django 5.2), exactly:
 *
 *     token = "<ts_b36>-<hash>"
 *     ts    = whole seconds since 2001-01-01 (the server's naive local time; UTC here)
 *     hash  = salted_hmac(key_salt, f"{user.pk}{user.password}{login_timestamp}{ts}{email}",
 *                         secret=SECRET_KEY, algorithm="sha256").hexdigest()[::2]
 *
 * The hash covers the password hash and the last login, so the link stops working as soon as
 * the password changes or the user logs in; the timestamp makes it expire after
 * PASSWORD_RESET_TIMEOUT seconds (3 days by default). The uid in the link is
 * `urlsafe_base64_encode(force_bytes(user.pk))`.
 */
import { constantTimeCompare } from './hashers';
import { saltedHmac } from './salted-hmac';

export const KEY_SALT = 'django.contrib.auth.tokens.PasswordResetTokenGenerator';
/** `global_settings.PASSWORD_RESET_TIMEOUT`: three days, in seconds. */
export const PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3;
/** `INTERNAL_RESET_SESSION_TOKEN` in django/contrib/auth/views.py. */
export const INTERNAL_RESET_SESSION_TOKEN = '_password_reset_token';

const EPOCH_2001 = Date.UTC(2001, 0, 1);

/** What the generator reads from a user. */
export interface ResetUser {
	pk: number | string | null;
	password: string | null;
	last_login: Date | string | null | undefined;
	email: string | null | undefined;
}

/** `django.utils.http.int_to_base36`. */
export function int_to_base36(value: number): string {
	if (value < 0) throw new Error('Negative base36 conversion input.');
	return value.toString(36);
}

/** `django.utils.http.base36_to_int`: at most 13 characters, else ValueError (here: null). */
export function base36_to_int(text: string): number | null {
	if (text.length > 13 || !/^[0-9a-z]+$/i.test(text)) return null;
	return parseInt(text, 36);
}

/** `urlsafe_base64_encode(force_bytes(value))`, without padding. */
export function urlsafe_base64_encode(value: string): string {
	let binary = '';
	for (const b of new TextEncoder().encode(value)) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `urlsafe_base64_decode(s).decode()`, or null where Django raises (and the view finds no user). */
export function urlsafe_base64_decode(text: string): string | null {
	try {
		const padded = text.replace(/-/g, '+').replace(/_/g, '/');
		const binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
		return new TextDecoder('utf-8', { fatal: true }).decode(
			Uint8Array.from(binary, (c) => c.charCodeAt(0))
		);
	} catch {
		return null;
	}
}

/** `str(dt.replace(microsecond=0, tzinfo=None))`: `2026-12-06 11:21:16`. */
export function pythonNaiveDatetime(value: Date | string): string {
	const date = value instanceof Date ? value : new Date(value);
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** `_num_seconds(dt)`: whole seconds from 2001-01-01 to `now`. */
export function numSeconds(now: Date): number {
	return Math.floor((now.getTime() - EPOCH_2001) / 1000);
}

export function makeHashValue(user: ResetUser, timestamp: number): string {
	const login = user.last_login ? pythonNaiveDatetime(user.last_login) : '';
	return `${user.pk}${user.password ?? ''}${login}${timestamp}${user.email ?? ''}`;
}

export class PasswordResetTokenGenerator {
	readonly key_salt = KEY_SALT;
	readonly algorithm = 'sha256';

	constructor(
		readonly secret: string,
		readonly timeoutS = PASSWORD_RESET_TIMEOUT,
		readonly secretFallbacks: readonly string[] = []
	) {}

	async makeTokenWithTimestamp(user: ResetUser, timestamp: number, secret = this.secret) {
		const digest = await saltedHmac(this.key_salt, makeHashValue(user, timestamp), secret);
		const hash = [...digest].filter((_, i) => i % 2 === 0).join('');
		return `${int_to_base36(timestamp)}-${hash}`;
	}

	make_token(user: ResetUser, now: Date): Promise<string> {
		return this.makeTokenWithTimestamp(user, numSeconds(now));
	}

	/** True only for a token made for this user as they are now, and not older than the timeout. */
	async check_token(user: ResetUser | null, token: unknown, now: Date): Promise<boolean> {
		if (!user || typeof token !== 'string' || !token) return false;
		const parts = token.split('-');
		if (parts.length !== 2) return false;
		const ts = base36_to_int(parts[0]);
		if (ts === null) return false;
		let matched = false;
		for (const secret of [this.secret, ...this.secretFallbacks]) {
			if (constantTimeCompare(await this.makeTokenWithTimestamp(user, ts, secret), token)) {
				matched = true;
				break;
			}
		}
		if (!matched) return false;
		return numSeconds(now) - ts <= this.timeoutS;
	}
}
