import { describe, expect, it } from 'vitest';
import { checkJson, formatJson, lineAndColumn } from './json-check';

describe('checkJson', () => {
	it('accepts valid JSON', () => {
		expect(checkJson('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
	});

	it('names the line and column of a trailing comma, with a caret under it', () => {
		const text = '{\n  "product": 1,\n  "quantity": 2,\n}';
		const check = checkJson(text);
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.line).toBe(4);
		expect(check.column).toBe(1);
		expect(check.message).toMatch(/^This is not valid JSON: .+ \(line 4, column 1\)\.$/);
		expect(check.message).not.toMatch(/position/);
		expect(check.excerpt).toBe('}\n^');
	});

	it('points at a missing comma and at the end of unfinished input', () => {
		const missing = checkJson('{\n  "product": 1\n  "quantity": 2\n}');
		expect(missing).toMatchObject({ ok: false, line: 3, column: 3 });
		const unfinished = checkJson('{"a": 1');
		expect(unfinished).toMatchObject({ ok: false, line: 1, column: 8 });
		expect(checkJson('  ')).toMatchObject({ ok: false, message: 'The body is empty.' });
	});

	it('understands engines that report line and column instead of a position', () => {
		expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
	});
});

describe('formatJson', () => {
	it('pretty-prints with two spaces, or refuses broken JSON', () => {
		expect(formatJson('{"a":1,"b":[true]}')).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
		expect(formatJson('{"a":')).toBeNull();
	});
});
