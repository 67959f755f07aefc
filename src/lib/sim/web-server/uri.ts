/**
 * How nginx reads the request target (ngx_http_parse_complex_uri): it percent-decodes the path
 * once, merges repeated slashes, removes `.` and resolves `..` segments — `%2e%2e` counts as
 * `..` because it is decoded first — and refuses with 400 a broken `%` escape, a `%00`, or a `..`
 * that would climb above the root. A double-encoded `%252e` decodes once to the text `%2e`, so it
 * never climbs anywhere. The normalized path picks the `location`; the raw target is what
 * `proxy_pass` forwards (nginx passes the URI "in the same form as sent by a client").
 */

export type ParsedTarget =
	| {
			ok: true;
			/** The target as the client sent it, e.g. `/blog/?page=2`. */
			raw: string;
			/** Decoded and normalized path, e.g. `/blog/`. */
			path: string;
			/** The query string, without `?`, still encoded. */
			query: string;
	  }
	| { ok: false; status: 400 | 414; reason: string };

/** nginx's `large_client_header_buffers 4 8k`: a request line must fit one 8 KiB buffer. */
export const MAX_REQUEST_LINE = 8192;

export function parseTarget(target: string): ParsedTarget {
	if (target.length > MAX_REQUEST_LINE) {
		return { ok: false, status: 414, reason: 'client sent too long URI' };
	}
	if (!target.startsWith('/'))
		return { ok: false, status: 400, reason: 'client sent invalid request' };
	const cut = target.search(/[?#]/);
	const rawPath = cut < 0 ? target : target.slice(0, cut);
	const query = cut >= 0 && target[cut] === '?' ? target.slice(cut + 1).split('#', 1)[0] : '';
	const decoded = decodeNginx(rawPath);
	if (decoded === null) return { ok: false, status: 400, reason: 'client sent invalid request' };
	const path = normalize(decoded);
	if (path === null) return { ok: false, status: 400, reason: 'client sent invalid request' };
	return { ok: true, raw: target, path, query };
}

/** Percent-decodes bytes; `null` for a broken escape or a NUL byte. Keeps UTF-8 as text. */
function decodeNginx(rawPath: string): string | null {
	if (!rawPath.includes('%')) return rawPath;
	const bytes: number[] = [];
	const encoder = new TextEncoder();
	for (let i = 0; i < rawPath.length; i++) {
		const ch = rawPath[i];
		if (ch !== '%') {
			bytes.push(...encoder.encode(ch));
			continue;
		}
		const hex = rawPath.slice(i + 1, i + 3);
		if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
		const byte = Number.parseInt(hex, 16);
		if (byte === 0) return null;
		bytes.push(byte);
		i += 2;
	}
	// nginx works on bytes; show invalid UTF-8 as U+FFFD, only for display and file lookup.
	return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Merges slashes and resolves dot segments; `null` when `..` climbs above `/`. */
function normalize(path: string): string | null {
	const segments = path.split('/');
	const out: string[] = [];
	for (let i = 1; i < segments.length; i++) {
		const segment = segments[i];
		const last = i === segments.length - 1;
		if (segment === '' && !last) continue;
		if (segment === '.') {
			if (last) out.push('');
			continue;
		}
		if (segment === '..') {
			if (out.length === 0) return null;
			out.pop();
			if (last) out.push('');
			continue;
		}
		out.push(segment);
	}
	return `/${out.join('/')}`;
}
