/**
 * Request bodies are bytes (`Uint8Array`), as on the wire: nginx counts them, gunicorn passes them
 * on, and Django or DRF decode them where they read them (a form as UTF-8, `request.body` as
 * bytes, JSON by its own rules). These helpers convert at those places, and for display.
 */

const encoder = new TextEncoder();
// Decoding without `stream` keeps no state between calls: one decoder of each kind serves all.
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Text as UTF-8 bytes (what a browser sends for a string body). */
export function utf8(text: string): Uint8Array {
	return encoder.encode(text);
}

/** Bytes as text, each invalid sequence shown as U+FFFD (for display, and for lenient readers). */
export function decodeUtf8(bytes: Uint8Array): string {
	return lenient.decode(bytes);
}

/** Bytes as UTF-8 text, or null when they are not valid UTF-8 (Python's `bytes.decode()` raising). */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
	try {
		return strict.decode(bytes);
	} catch {
		return null;
	}
}

/** Latin-1 text (one character per byte) back to its bytes. */
export function fromLatin1(text: string): Uint8Array {
	return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}

/** Bytes as Latin-1 text: one character per byte, nothing lost (what WSGI calls a "bytes-as-str"). */
export function latin1(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 8192) {
		out += String.fromCharCode(...bytes.subarray(i, i + 8192));
	}
	return out;
}
