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
