/**
 * `django.core.signing`, the parts the messages cookie uses: `Signer` (value + ":" + an HMAC of
 * it, SHA-256, URL-safe base64 without padding), `sign_object()` (serialize, zlib-compress when
 * that is more than one byte shorter, base64, a leading "." when compressed, then sign) and
 * `get_cookie_signer()` (the key is `b"django.http.cookies" + SECRET_KEY`).
 *
 * Checked against Django 5.2's django/core/signing.py and django/utils/crypto.py (salted_hmac:
 * key = SHA-256(key_salt + secret), then HMAC-SHA256(key, value)). Compression is zlib's
 * deflate at its default level (pako, a port of zlib): the length decision is zlib's, but the
 * compressed bytes can differ from one zlib build to another (Python's zlib 1.2.13 and Node's
 * 1.3.1 already differ), and both decompress to the same text.
 */
import { deflate, inflate } from 'pako';
import { constantTimeCompare } from '../auth/hashers';

const encoder = new TextEncoder();

export class BadSignature extends Error {
	override name = 'BadSignature';
}

/** `b64_encode`: URL-safe base64 with the `=` padding stripped. */
export function b64Encode(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `b64_decode`: puts the padding back; raises (binascii.Error) on bad input. */
export function b64Decode(text: string): Uint8Array {
	const padded =
		text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
	const binary = atob(padded);
	return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** `salted_hmac(key_salt, value, secret, algorithm="sha256").digest()`. */
export async function saltedHmacDigest(
	keySalt: string,
	value: string,
	secret: string
): Promise<Uint8Array> {
	const key = await crypto.subtle.digest('SHA-256', encoder.encode(keySalt + secret));
	const hmacKey = await crypto.subtle.importKey(
		'raw',
		key,
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign']
	);
	return new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(value)));
}

/** Bytes as Python's `latin-1` codec sees them (the serializers here only make ASCII). */
export function latin1(text: string): Uint8Array {
	return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

function fromLatin1(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) text += String.fromCharCode(byte);
	return text;
}

export class Signer {
	readonly sep = ':';

	constructor(
		readonly key: string,
		readonly salt: string
	) {}

	/** `base64_hmac(self.salt + "signer", value, self.key)`. */
	async signature(value: string): Promise<string> {
		return b64Encode(await saltedHmacDigest(this.salt + 'signer', value, this.key));
	}

	async sign(value: string): Promise<string> {
		return `${value}${this.sep}${await this.signature(value)}`;
	}

	async unsign(signed: string): Promise<string> {
		const at = signed.lastIndexOf(this.sep);
		if (at < 0) throw new BadSignature(`No "${this.sep}" found in value`);
		const value = signed.slice(0, at);
		const sig = signed.slice(at + 1);
		if (!constantTimeCompare(sig, await this.signature(value))) {
			throw new BadSignature(`Signature "${sig}" does not match`);
		}
		return value;
	}

	/** `sign_object(obj, serializer, compress)`; `serialized` is what `serializer().dumps(obj)` gave. */
	async signObject(serialized: Uint8Array, compress = false): Promise<string> {
		let data = serialized;
		let isCompressed = false;
		if (compress) {
			const compressed = deflate(data);
			if (compressed.length < data.length - 1) {
				data = compressed;
				isCompressed = true;
			}
		}
		const base64d = b64Encode(data);
		return this.sign(isCompressed ? `.${base64d}` : base64d);
	}

	/** `unsign_object()`, returning the serialized bytes as text for the caller's `loads()`. */
	async unsignObject(signed: string): Promise<string> {
		let base64d = await this.unsign(signed);
		const decompress = base64d.startsWith('.');
		if (decompress) base64d = base64d.slice(1);
		let data = b64Decode(base64d);
		if (decompress) data = inflate(data);
		return fromLatin1(data);
	}
}

/** `signing.get_cookie_signer(salt)`. */
export function getCookieSigner(secretKey: string, salt: string): Signer {
	return new Signer(`django.http.cookies${secretKey}`, salt);
}

/** Python's `json.dumps(value, separators=(",", ":"))`: compact, and ASCII only (`\uXXXX`). */
export function pyJsonDumps(value: unknown): string {
	return JSON.stringify(value).replace(
		/[\u007f-\uffff]/g,
		(ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}
