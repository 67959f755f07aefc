/**
 * Prepares a page of the simulated site for the mini browser's sandboxed `srcdoc` iframe, and
 * decides how a response is shown (a page, pretty JSON, plain text, an image) as a browser would.
 */

function escapeAttribute(value: string): string {
	return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/**
 * Puts `<base href="…">` first in the head, so relative links, forms, stylesheets and images
 * resolve against the simulated page's URL rather than this app's. The first `<base>` with an
 * href wins, so the page's own one (if any) comes second.
 */
export function withBase(html: string, pageUrl: string): string {
	const base = `<base href="${escapeAttribute(pageUrl)}">`;
	const head = /<head(\s[^>]*)?>/i.exec(html);
	if (head)
		return (
			html.slice(0, head.index + head[0].length) + base + html.slice(head.index + head[0].length)
		);
	const root = /<html(\s[^>]*)?>/i.exec(html);
	if (root)
		return `${html.slice(0, root.index + root[0].length)}<head>${base}</head>${html.slice(root.index + root[0].length)}`;
	const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
	if (doctype) return doctype[0] + base + html.slice(doctype[0].length);
	return base + html;
}

export type ViewKind = 'html' | 'json' | 'text' | 'image' | 'empty' | 'download';

/** How a browser shows a response with this Content-Type. */
export function viewKind(contentType: string, hasBody: boolean): ViewKind {
	if (!hasBody) return 'empty';
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
	if (type === 'application/json' || type.endsWith('+json')) return 'json';
	if (type.startsWith('image/')) return 'image';
	if (type === '' || type.startsWith('text/') || /javascript|xml/.test(type)) return 'text';
	return 'download';
}

/** JSON indented by two spaces, or the text unchanged when it is not JSON after all. */
export function prettyJson(text: string): string {
	try {
		return JSON.stringify(JSON.parse(text), null, 2);
	} catch {
		return text;
	}
}

/** The `<title>` of a page, for the iframe's accessible name. */
export function pageTitle(html: string): string {
	const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
	if (!match) return '';
	return match[1]
		.replace(/\s+/g, ' ')
		.trim()
		.replace(
			/&(amp|lt|gt|quot|#39|ndash|mdash);/g,
			(_, e: string) =>
				({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", ndash: '–', mdash: '—' })[e] ?? _
		);
}
