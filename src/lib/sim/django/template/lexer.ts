/**
 * The lexer: cuts template text into tokens exactly as Django's `Lexer` does, with one regex
 * that finds `{% … %}`, `{{ … }}` and `{# … #}` on a single line, and a line number on each token
 * for error messages. Inside `{% verbatim %}` every tag is plain text until its end tag.
 */

export type TokenType = 'text' | 'var' | 'block' | 'comment';

export interface Token {
	readonly type: TokenType;
	/** For tags: what is between the delimiters, stripped. For text: the text itself. */
	readonly contents: string;
	/** 1-based line on which the token starts. */
	readonly lineno: number;
}

// Django: tag_re = re.compile(r"({%.*?%}|{{.*?}}|{#.*?#})"). `.` stops at a newline, so a
// tag cannot span lines (such text stays text, as in Django).
const TAG_RE = /({%.*?%}|{{.*?}}|{#.*?#})/;

export function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let verbatim: string | false = false;
	let inTag = false;
	let lineno = 1;
	for (const bit of source.split(TAG_RE)) {
		if (bit) {
			tokens.push(createToken(bit, lineno, inTag));
			lineno += bit.split('\n').length - 1;
		}
		inTag = !inTag;
	}
	return tokens;

	function createToken(bit: string, line: number, tag: boolean): Token {
		if (tag) {
			const start = bit.slice(0, 2);
			const content = bit.slice(2, -2).trim();
			if (start === '{%') {
				if (verbatim) {
					if (content !== verbatim) return { type: 'text', contents: bit, lineno: line };
					verbatim = false;
				} else if (content === 'verbatim' || content.startsWith('verbatim ')) {
					verbatim = 'end' + content;
				}
				return { type: 'block', contents: content, lineno: line };
			}
			if (!verbatim) {
				return { type: start === '{{' ? 'var' : 'comment', contents: content, lineno: line };
			}
		}
		return { type: 'text', contents: bit, lineno: line };
	}
}

// Django's smart_split: words, keeping quoted strings (with their quotes) together.
const SMART_SPLIT_RE = /[^\s'"]*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[^\s'"]*)+|\S+/g;

/** `Token.split_contents()`: the tag's words, quoted strings kept whole. */
export function splitContents(contents: string): string[] {
	const bits = contents.match(SMART_SPLIT_RE) ?? [];
	const split: string[] = [];
	for (let i = 0; i < bits.length; i++) {
		let bit = bits[i];
		if (bit.startsWith('_("') || bit.startsWith("_('")) {
			const sentinel = bit[2] + ')';
			const parts = [bit];
			while (!bit.endsWith(sentinel) && i + 1 < bits.length) {
				bit = bits[++i];
				parts.push(bit);
			}
			bit = parts.join(' ');
		}
		split.push(bit);
	}
	return split;
}
