/**
 * The HTML helpers forms need: Django's `escape` and `mark_safe` come from the template engine's
 * `safe.ts` (one `SafeString` class, so the engine prints a rendered form as it is), plus
 * `flatatt`, which writes widget attributes the way Django's `attrs.html` does.
 */
import { escapeHtml as escapeText, markSafe, SafeString } from '../template/safe';

export { markSafe, SafeString };

export function escapeHtml(value: unknown): string {
	return escapeText(String(value));
}

/** Widget attributes in order; `true` prints the bare name, `false`/null leave it out. */
export function flatatt(attrs: Readonly<Record<string, unknown>>): string {
	let out = '';
	for (const [name, value] of Object.entries(attrs)) {
		if (value === false || value === null || value === undefined) continue;
		out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
	}
	return out;
}
