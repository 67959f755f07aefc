/**
 * Safe strings and escaping, as `django.utils.safestring` and `django.utils.html.escape`: text is
 * escaped on output unless it is marked safe. This is what stops the blog's comment form from
 * becoming an XSS hole, so it follows Django character for character.
 */

/** `SafeString`: text that has been escaped already or is trusted HTML. */
export class SafeString {
	constructor(readonly value: string) {}
	toString(): string {
		return this.value;
	}
	get length(): number {
		return this.value.length;
	}
}

export function isSafe(value: unknown): value is SafeString {
	return value instanceof SafeString;
}

/** `mark_safe(s)`. */
export function markSafe(value: unknown): SafeString {
	return value instanceof SafeString ? value : new SafeString(String(value ?? ''));
}

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#x27;'
};

/** `django.utils.html.escape`: always escapes, even safe text (that is `force_escape`'s job). */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** `escape()` as Django's: escapes the text form of any value and marks the result safe. */
export function escape(value: unknown, toText: (v: unknown) => string = String): SafeString {
	return new SafeString(escapeHtml(toText(value)));
}

/** `conditional_escape`: leaves safe text alone, escapes everything else. */
export function conditionalEscape(
	value: unknown,
	toText: (v: unknown) => string = String
): SafeString {
	return value instanceof SafeString ? value : escape(value, toText);
}
