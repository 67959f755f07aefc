import { describe, expect, it } from 'vitest';
import { pythonJsonError } from './json-errors';

describe("Python 3.11's json.loads messages", () => {
	it.each([
		['', 'Expecting value: line 1 column 1 (char 0)'],
		['nope', 'Expecting value: line 1 column 1 (char 0)'],
		[
			'{"product": 1,',
			'Expecting property name enclosed in double quotes: line 1 column 15 (char 14)'
		],
		['{"a": 1,}', 'Expecting property name enclosed in double quotes: line 1 column 9 (char 8)'],
		['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
		['{"a": 1 "b": 2}', "Expecting ',' delimiter: line 1 column 9 (char 8)"],
		['{"a": }', 'Expecting value: line 1 column 7 (char 6)'],
		['[1,]', 'Expecting value: line 1 column 4 (char 3)'],
		['{"a": "x', 'Unterminated string starting at: line 1 column 7 (char 6)'],
		['{}\n{}', 'Extra data: line 2 column 1 (char 3)'],
		['{"q": NaN}', "Out of range float values are not JSON compliant: 'NaN'"]
	])('%j → %s', (text, message) => {
		expect(pythonJsonError(text)).toBe(message);
	});

	it('says nothing about valid JSON', () => {
		expect(
			pythonJsonError(' {"product": 2, "quantity": 1, "x": [true, null, -1.5e3]} ')
		).toBeNull();
	});
});
