/**
 * Django's `salted_hmac()` (django/utils/crypto.py) with SHA-256, via WebCrypto: the key is
 * SHA-256(key_salt + SECRET_KEY) and the result HMAC(key, value). Login stores
 * `salted_hmac("django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash", password)`
 * in the session, so changing the password logs out every other session.
 */
const encoder = new TextEncoder();

/** The demo site's SECRET_KEY. A real site keeps its secret out of the source. */
export const DEMO_SECRET_KEY = 'django-insecure-request-flow-demo-key-not-for-production';

function hex(buffer: ArrayBuffer): string {
	return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function saltedHmac(
	keySalt: string,
	value: string,
	secret = DEMO_SECRET_KEY
): Promise<string> {
	const key = await crypto.subtle.digest('SHA-256', encoder.encode(keySalt + secret));
	const hmacKey = await crypto.subtle.importKey(
		'raw',
		key,
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign']
	);
	return hex(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(value)));
}

/** `AbstractBaseUser.get_session_auth_hash()`. */
export function sessionAuthHash(password: string, secret = DEMO_SECRET_KEY): Promise<string> {
	return saltedHmac(
		'django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash',
		password,
		secret
	);
}
