/**
 * The message Python 3.12's `json.loads` gives for text that is not JSON, e.g.
 * `Expecting value: line 1 column 1 (char 0)`, which DRF puts after "JSON parse error - ". A
 * small reader that walks the text the way Python's decoder does and stops at the first problem,
 * so the message and position match what a real API would answer. (Python 3.13 words a
 * trailing comma differently; the simulated server runs 3.12.)
 */

class JsonProblem extends Error {
	constructor(
		readonly what: string,
		readonly at: number
	) {
		super(what);
	}
}

class OutOfRange extends Error {}

const WS = /[ \t\n\r]/;

export function pythonJsonError(text: string): string | null {
	let i = 0;
	const skip = () => {
		while (i < text.length && WS.test(text[i])) i++;
	};
	const fail = (what: string, at = i): never => {
		throw new JsonProblem(what, at);
	};

	function string(): void {
		const start = i;
		i++; // the opening quote
		while (i < text.length) {
			const ch = text[i];
			if (ch === '"') {
				i++;
				return;
			}
			if (ch === '\\') {
				const next = text[i + 1];
				if (next === undefined) fail('Unterminated string starting at', start);
				if (next === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
						fail('Invalid \\uXXXX escape', i + 1);
					i += 6;
					continue;
				}
				if (!'"\\/bfnrt'.includes(next)) fail('Invalid \\escape', i);
				i += 2;
				continue;
			}
			if (ch.charCodeAt(0) < 0x20) fail('Invalid control character at', i);
			i++;
		}
		fail('Unterminated string starting at', start);
	}

	function value(): void {
		skip();
		const ch = text[i];
		if (ch === '"') return string();
		if (ch === '{') return object();
		if (ch === '[') return array();
		for (const word of ['null', 'true', 'false']) {
			if (text.startsWith(word, i)) {
				i += word.length;
				return;
			}
		}
		// Python reads these, but DRF's strict parser refuses them.
		for (const word of ['NaN', 'Infinity', '-Infinity']) {
			if (text.startsWith(word, i)) throw new OutOfRange(word);
		}
		const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(text.slice(i));
		if (number) {
			i += number[0].length;
			return;
		}
		fail('Expecting value');
	}

	function object(): void {
		i++;
		skip();
		if (text[i] === '}') {
			i++;
			return;
		}
		for (;;) {
			skip();
			if (text[i] !== '"') fail('Expecting property name enclosed in double quotes');
			string();
			skip();
			if (text[i] !== ':') fail("Expecting ':' delimiter");
			i++;
			value();
			skip();
			if (text[i] === '}') {
				i++;
				return;
			}
			if (text[i] !== ',') fail("Expecting ',' delimiter");
			i++;
		}
	}

	function array(): void {
		i++;
		skip();
		if (text[i] === ']') {
			i++;
			return;
		}
		for (;;) {
			value();
			skip();
			if (text[i] === ']') {
				i++;
				return;
			}
			if (text[i] !== ',') fail("Expecting ',' delimiter");
			i++;
		}
	}

	try {
		value();
		skip();
		if (i < text.length) fail('Extra data');
		return null;
	} catch (error) {
		if (error instanceof OutOfRange) {
			return `Out of range float values are not JSON compliant: '${error.message}'`;
		}
		if (!(error instanceof JsonProblem)) throw error;
		const before = text.slice(0, error.at);
		const line = before.split('\n').length;
		const column = error.at - before.lastIndexOf('\n');
		return `${error.what}: line ${line} column ${column} (char ${error.at})`;
	}
}
