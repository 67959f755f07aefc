/**
 * Text the way Django and Python write it into responses: `iri_to_uri` for redirect locations
 * (django/utils/encoding.py) and `json.dumps` for JSON bodies.
 */

/**
 * Django's `iri_to_uri`: percent-encode what may not appear in a URL, leaving `%` (and so any
 * escape already there) and the reserved characters alone.
 */
export function iriToUri(iri: string): string {
	let out = '';
	for (const ch of iri) {
		if (/[A-Za-z0-9\-._~/#%[\]=:;$&()+,!?*@']/.test(ch)) out += ch;
		else
			for (const byte of new TextEncoder().encode(ch))
				out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/**
 * Python's `json.dumps` default separators (`", "` and `": "`) and `ensure_ascii=True`, so the
 * bytes match what Django would send.
 */
export function pyJsonDumps(value: unknown): string {
	// DjangoJSONEncoder: ISO 8601 with milliseconds only when not zero, `Z` for UTC.
	const text = JSON.stringify(value, function (this: Record<string, unknown>, key, item) {
		const raw = this[key];
		return raw instanceof Date ? raw.toISOString().replace('.000Z', 'Z') : item;
	});
	if (text === undefined) return 'null';
	let out = '';
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inString) {
			if (ch === '\\') {
				out += ch + text[i + 1];
				i += 1;
				continue;
			}
			if (ch === '"') inString = false;
			const code = ch.charCodeAt(0);
			out += code > 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
			continue;
		}
		if (ch === '"') inString = true;
		out += ch === ',' ? ', ' : ch === ':' ? ': ' : ch;
	}
	return out;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Django's `get_path_info(environ)`: a WSGI string is the request's bytes, one character per byte
 * (ISO-8859-1), so `/blog/caf%C3%A9/` arrives as `/blog/cafÃ©/`. Django encodes it back to bytes
 * and decodes them as UTF-8 (`café`), percent-encoding again the bytes that are not UTF-8
 * (`repercent_broken_unicode`).
 */
export function get_path_info(wsgiPath: string): string {
	if ([...wsgiPath].some((ch) => ch.charCodeAt(0) > 0xff)) return wsgiPath;
	const bytes = Uint8Array.from(wsgiPath, (ch) => ch.charCodeAt(0));
	try {
		return STRICT_UTF8.decode(bytes);
	} catch {
		let out = '';
		let i = 0;
		while (i < bytes.length) {
			let length = 0;
			for (let n = 1; n <= 4 && i + n <= bytes.length && !length; n++) {
				try {
					const text = STRICT_UTF8.decode(bytes.subarray(i, i + n));
					out += text;
					length = n;
				} catch {
					// not a whole UTF-8 sequence yet
				}
			}
			if (!length) {
				out += `%${bytes[i].toString(16).toUpperCase().padStart(2, '0')}`;
				length = 1;
			}
			i += length;
		}
		return out;
	}
}
