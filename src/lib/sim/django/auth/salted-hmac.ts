/**
 * Django's `salted_hmac()` (django/utils/crypto.py) with SHA-256, via WebCrypto: the key is
 * SHA-256(key_salt + SECRET_KEY) and the result HMAC(key, value). Login stores
 * `salted_hmac("django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash", password)`
 * in the session, so changing the password logs out every other session.
 */
import { saltedHmacDigest } from '../core/signing';

/** The demo site's SECRET_KEY. A real site keeps its secret out of the source. */
export const DEMO_SECRET_KEY = 'django-insecure-request-flow-demo-key-not-for-production';

function hex(bytes: Uint8Array): string {
	return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function saltedHmac(
	keySalt: string,
	value: string,
	secret = DEMO_SECRET_KEY
): Promise<string> {
	return hex(await saltedHmacDigest(keySalt, value, secret));
}

/** `AbstractBaseUser.get_session_auth_hash()`. */
export function sessionAuthHash(password: string, secret = DEMO_SECRET_KEY): Promise<string> {
	return saltedHmac(
		'django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash',
		password,
		secret
	);
}
