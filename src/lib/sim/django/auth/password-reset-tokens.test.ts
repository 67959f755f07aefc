import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	base36_to_int,
	int_to_base36,
	numSeconds,
	PasswordResetTokenGenerator,
	urlsafe_base64_decode,
	urlsafe_base64_encode
} from './password-reset-tokens';

const SECRET = 'django-insecure-test-secret';
const user = {
	pk: 7,
	password: 'pbkdf2_sha256$1000000$salt$hash=',
	last_login: new Date('2026-12-01T09:30:15.123Z'),
	email: 'alice@mysite.test'
};

/** Django's algorithm written out independently: salted_hmac = HMAC-SHA256(sha256(salt+secret), value). */
function expected(timestamp: number): string {
	const value = `7${user.password}2026-12-01 09:30:15${timestamp}alice@mysite.test`;
	const key = createHash('sha256')
		.update('django.contrib.auth.tokens.PasswordResetTokenGenerator' + SECRET)
		.digest();
	const digest = createHmac('sha256', key).update(value).digest('hex');
	const half = [...digest].filter((_, i) => i % 2 === 0).join('');
	return `${timestamp.toString(36)}-${half}`;
}

describe('PasswordResetTokenGenerator', () => {
	const now = new Date('2026-12-06T11:00:00Z');
	const generator = new PasswordResetTokenGenerator(SECRET);

	it('counts seconds from 2001-01-01 and writes them in base 36', () => {
		expect(numSeconds(new Date('2001-01-01T00:00:10Z'))).toBe(10);
		expect(int_to_base36(1_000_000)).toBe('lfls');
		expect(base36_to_int('lfls')).toBe(1_000_000);
		expect(base36_to_int('12345678901234')).toBeNull();
	});

	it('makes the token Django makes: <ts_b36>-<every other hex digit of the salted HMAC>', async () => {
		const token = await generator.make_token(user, now);
		expect(token).toBe(expected(numSeconds(now)));
		expect(token.split('-')[1]).toHaveLength(32);
	});

	it('accepts its token until the timeout, and not a second later', async () => {
		const token = await generator.make_token(user, now);
		expect(await generator.check_token(user, token, now)).toBe(true);
		const limit = new Date(now.getTime() + 3 * 24 * 3600 * 1000);
		expect(await generator.check_token(user, token, limit)).toBe(true);
		expect(await generator.check_token(user, token, new Date(limit.getTime() + 1000))).toBe(false);
	});

	it('refuses it once the password changed or the user logged in again', async () => {
		const token = await generator.make_token(user, now);
		expect(await generator.check_token({ ...user, password: 'other' }, token, now)).toBe(false);
		expect(
			await generator.check_token(
				{ ...user, last_login: new Date('2026-12-06T10:00:00Z') },
				token,
				now
			)
		).toBe(false);
	});

	it('refuses malformed tokens and tokens made with another secret', async () => {
		const other = await new PasswordResetTokenGenerator('another').make_token(user, now);
		expect(await generator.check_token(user, other, now)).toBe(false);
		for (const bad of ['', 'abc', 'a-b-c', '!!-00', null]) {
			expect(await generator.check_token(user, bad, now)).toBe(false);
		}
		const withFallback = new PasswordResetTokenGenerator('another', undefined, [SECRET]);
		expect(await withFallback.check_token(user, await generator.make_token(user, now), now)).toBe(
			true
		);
	});

	it('encodes the uid as urlsafe base64 without padding', () => {
		expect(urlsafe_base64_encode('1')).toBe('MQ');
		expect(urlsafe_base64_encode('12')).toBe('MTI');
		expect(urlsafe_base64_decode('MTI')).toBe('12');
		expect(urlsafe_base64_decode('%%%')).toBeNull();
	});
});
