/**
 * JSON Web Tokens signed with RS256 (RSASSA-PKCS1-v1_5 with SHA-256), with the browser's and
 * Node's WebCrypto (`crypto.subtle`): the identity provider signs ID tokens with its private key,
 * and mysite checks them against the public key the provider publishes in its JWKS, as PyJWT's
 * `jwt.decode(token, key, algorithms=["RS256"], ...)` does.
 */

const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

export function base64url(bytes: Uint8Array): string {
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('Invalid base64url');
	const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
	const binary = atob(padded);
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const jsonPart = (value: unknown) => base64url(utf8(JSON.stringify(value)));

/** A public key as a JWKS lists it. */
export interface PublicJwk {
	kty: 'RSA';
	kid: string;
	use: 'sig';
	alg: 'RS256';
	n: string;
	e: string;
}

export interface SigningKey {
	kid: string;
	privateKey: CryptoKey;
	publicJwk: PublicJwk;
}

/** A new RSA key pair (2048 bits) for signing, with its public half as a JWK. */
export async function makeSigningKey(kid: string): Promise<SigningKey> {
	const pair = await crypto.subtle.generateKey(
		{ ...RS256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
		true,
		['sign', 'verify']
	);
	const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
	return {
		kid,
		privateKey: pair.privateKey,
		publicJwk: { kty: 'RSA', kid, use: 'sig', alg: 'RS256', n: jwk.n!, e: jwk.e! }
	};
}

/** `header.claims.signature`, signed with `key` (the header names the key: `kid`). */
export async function signJwt(claims: Record<string, unknown>, key: SigningKey): Promise<string> {
	const input = `${jsonPart({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${jsonPart(claims)}`;
	const signature = await crypto.subtle.sign(RS256, key.privateKey, utf8(input));
	return `${input}.${base64url(new Uint8Array(signature))}`;
}

export interface DecodedJwt {
	header: Record<string, unknown>;
	claims: Record<string, unknown>;
	/** What was signed (`header.claims`) and the signature's bytes. */
	signingInput: string;
	signature: Uint8Array;
}

/** Splits and decodes a JWT without checking anything (PyJWT's `verify_signature: False`). */
export function decodeJwt(token: string): DecodedJwt {
	const parts = token.split('.');
	if (parts.length !== 3) throw new Error('Not enough segments');
	const json = (part: string) => {
		const value = JSON.parse(new TextDecoder().decode(fromBase64url(part)));
		if (typeof value !== 'object' || value === null || Array.isArray(value))
			throw new Error('Invalid token segment');
		return value as Record<string, unknown>;
	};
	return {
		header: json(parts[0]),
		claims: json(parts[1]),
		signingInput: `${parts[0]}.${parts[1]}`,
		signature: fromBase64url(parts[2])
	};
}

/** Whether `decoded`'s RS256 signature was made by the private half of `jwk`. */
export async function verifyRs256(decoded: DecodedJwt, jwk: PublicJwk): Promise<boolean> {
	const key = await crypto.subtle.importKey(
		'jwk',
		{ kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true },
		RS256,
		false,
		['verify']
	);
	return crypto.subtle.verify(
		RS256,
		key,
		decoded.signature as Uint8Array<ArrayBuffer>,
		utf8(decoded.signingInput)
	);
}

/** PKCE's S256: `BASE64URL(SHA256(code_verifier))` (RFC 7636 §4.2). */
export async function pkceChallenge(verifier: string): Promise<string> {
	return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(verifier))));
}

/** `secrets.token_urlsafe(n)`: n random bytes, base64url. */
export function randomToken(bytes = 32): string {
	return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}
