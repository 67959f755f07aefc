/**
 * Django's default password hasher (django/contrib/auth/hashers.py, PBKDF2PasswordHasher):
 * passwords are stored as `pbkdf2_sha256$<iterations>$<salt>$<base64 hash>`, the hash being
 * PBKDF2-HMAC-SHA256 of the password with the salt, 32 bytes. We compute it with WebCrypto
 * (`crypto.subtle`), which Node 20 and every browser have, so it is asynchronous.
 *
 * Iterations: Django 5.2 uses 1,000,000. Measured on this project's machine (2 cores shared
 * with seven other jobs, Node 20.20, WebCrypto): one 1,000,000-iteration hash took 178–205 ms
 * when the machine was quiet and 450–810 ms (mean 570 ms) under full load (hashers.bench.ts;
 * 600,000: 109 ms quiet; 390,000: 68 ms quiet). PLAN.md keeps Django's default when one hash
 * costs under 300 ms; the quiet figure is the one a student's own browser resembles, so the demo
 * site uses 1,000,000 too. Only a login hashes (the seeded users' hashes are stored, as a
 * fixture stores them), and `checkPassword` reads the count from the stored hash, as Django does.
 */

/** Django 5.2's `PBKDF2PasswordHasher.iterations`. */
export const DJANGO_ITERATIONS = 1_000_000;
/** The demo site's count; see the measurement above. */
export const DEMO_ITERATIONS = 1_000_000;

export const ALGORITHM = 'pbkdf2_sha256';
/** django.utils.crypto.RANDOM_STRING_CHARS */
export const RANDOM_STRING_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const UNUSABLE_PASSWORD_PREFIX = '!';
const UNUSABLE_PASSWORD_SUFFIX_LENGTH = 40;

/** `get_random_string()`: unbiased choices from `crypto.getRandomValues`. */
export function getRandomString(length: number, allowed = RANDOM_STRING_CHARS): string {
	let out = '';
	const limit = 256 - (256 % allowed.length);
	while (out.length < length) {
		for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
			if (byte < limit && out.length < length) out += allowed[byte % allowed.length];
		}
	}
	return out;
}

/**
 * A salt of 22 characters: Django asks for 128 bits of entropy and each character of its
 * 62-letter alphabet carries log2(62) ≈ 5.95 bits, so ceil(128 / 5.95) = 22.
 */
export function makeSalt(): string {
	return getRandomString(Math.ceil(128 / Math.log2(RANDOM_STRING_CHARS.length)));
}

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** PBKDF2-HMAC-SHA256, 32 bytes, base64 (Django's `pbkdf2()` then `b64encode`). */
export async function pbkdf2(password: string, salt: string, iterations: number): Promise<string> {
	const encoder = new TextEncoder();
	const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
		'deriveBits'
	]);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(salt), iterations },
		key,
		256
	);
	return toBase64(new Uint8Array(bits));
}

/**
 * `make_password()`: the encoded form to store. `null` makes an unusable password (`!` and 40
 * random characters), as Django does for users who must not log in with a password.
 */
export async function makePassword(
	password: string | null,
	salt: string = makeSalt(),
	iterations: number = DEMO_ITERATIONS
): Promise<string> {
	if (password === null)
		return UNUSABLE_PASSWORD_PREFIX + getRandomString(UNUSABLE_PASSWORD_SUFFIX_LENGTH);
	if (typeof password !== 'string')
		throw new TypeError(`Password must be a string or bytes, got ${typeof password}.`);
	if (salt.includes('$')) throw new Error('salt must not contain "$".');
	return `${ALGORITHM}$${iterations}$${salt}$${await pbkdf2(password, salt, iterations)}`;
}

/** Compare without stopping at the first difference (Django's `constant_time_compare`). */
export function constantTimeCompare(a: string, b: string): boolean {
	let diff = a.length ^ b.length;
	for (let i = 0; i < Math.max(a.length, b.length); i++)
		diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
	return diff === 0;
}

export interface DecodedPassword {
	algorithm: string;
	iterations: number;
	salt: string;
	hash: string;
}

/** Split an encoded password (`PBKDF2PasswordHasher.decode`), or null if it is not one. */
export function decodePassword(encoded: string): DecodedPassword | null {
	const parts = encoded.split('$');
	if (parts.length !== 4 || parts[0] !== ALGORITHM) return null;
	const iterations = Number(parts[1]);
	if (!Number.isInteger(iterations) || iterations < 1) return null;
	return { algorithm: parts[0], iterations, salt: parts[2], hash: parts[3] };
}

export function isPasswordUsable(encoded: string | null): boolean {
	return encoded !== null && !encoded.startsWith(UNUSABLE_PASSWORD_PREFIX);
}

/**
 * `check_password()`: hash the candidate with the stored salt and count, compare in constant
 * time. As Django: when the stored hash is outdated (fewer iterations, weak salt), a right
 * password calls `setter` so the caller can store a fresh hash, and a wrong one costs the
 * missing iterations anyway (`harden_runtime`), so the time does not tell old hashes apart.
 */
export async function checkPassword(
	password: string | null,
	encoded: string | null,
	setter?: (password: string) => void | Promise<void>
): Promise<boolean> {
	if (password === null || encoded === null || !isPasswordUsable(encoded)) return false;
	const decoded = decodePassword(encoded);
	if (!decoded) return false;
	const candidate = await makePassword(password, decoded.salt, decoded.iterations);
	const correct = constantTimeCompare(candidate, encoded);
	const outdated = mustUpdate(encoded);
	if (!correct && outdated && decoded.iterations < DEMO_ITERATIONS)
		await pbkdf2(password, decoded.salt, DEMO_ITERATIONS - decoded.iterations);
	if (correct && outdated && setter) await setter(password);
	return correct;
}

/**
 * Django's `must_update()`: the stored hash uses another iteration count than today's, or a
 * salt with less than 128 bits of entropy.
 */
export function mustUpdate(encoded: string, iterations: number = DEMO_ITERATIONS): boolean {
	const decoded = decodePassword(encoded);
	if (!decoded) return false;
	const saltBits = decoded.salt.length * Math.log2(RANDOM_STRING_CHARS.length);
	return decoded.iterations !== iterations || saltBits < 128;
}
