/**
 * Checks a JSON body before it is sent, and says where it breaks in words a beginner can act on
 * (line and column, with the line and a caret), so a typo is caught before the server's 400.
 */
export type JsonCheck =
	| { ok: true; value: unknown }
	| {
			ok: false;
			message: string;
			position: number | null;
			line: number;
			column: number;
			excerpt: string;
	  };

/** Turns a character offset into a 1-based line and column. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
	const before = text.slice(0, position);
	const line = before.split('\n').length;
	const column = position - (before.lastIndexOf('\n') + 1) + 1;
	return { line, column };
}

/** The position JavaScript engines name in their JSON.parse messages, if they name one. */
function positionIn(message: string, text: string): number | null {
	const at = /at position (\d+)/.exec(message);
	if (at) return Number(at[1]);
	const lc = /line (\d+) column (\d+)/.exec(message);
	if (lc) {
		const lines = text.split('\n');
		const line = Math.min(Number(lc[1]), lines.length);
		return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + Number(lc[2]) - 1;
	}
	if (/end of (JSON )?input|Unterminated/i.test(message)) return text.length;
	return null;
}

/** The engine's message without its own position suffix (we add ours, the same everywhere). */
function plainMessage(message: string): string {
	return message
		.replace(/\s*\(line \d+ column \d+\)/, '')
		.replace(/\s*in JSON at position \d+/, '')
		.replace(/^JSON\.parse: /, '')
		.replace(/^Unexpected token '?(.)'?, ".*" is not valid JSON$/s, "Unexpected character '$1'");
}

export function checkJson(text: string): JsonCheck {
	if (text.trim() === '')
		return {
			ok: false,
			message: 'The body is empty.',
			position: 0,
			line: 1,
			column: 1,
			excerpt: ''
		};
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		const raw = error instanceof Error ? error.message : String(error);
		const position = positionIn(raw, text);
		const { line, column } = lineAndColumn(text, position ?? text.length);
		const lineText = text.split('\n')[line - 1] ?? '';
		const excerpt = `${lineText}\n${' '.repeat(Math.max(0, column - 1))}^`;
		const where = position === null ? '' : ` (line ${line}, column ${column})`;
		return {
			ok: false,
			message: `This is not valid JSON: ${plainMessage(raw)}${where}.`,
			position,
			line,
			column,
			excerpt
		};
	}
}

/** Pretty-prints JSON with two spaces, or returns `null` when it does not parse. */
export function formatJson(text: string): string | null {
	const check = checkJson(text);
	return check.ok ? JSON.stringify(check.value, null, 2) : null;
}
