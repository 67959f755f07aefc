import { describe, expect, it } from 'vitest';
import { removeDotSegments } from './response-for-exception';

describe("removeDotSegments (Python's urljoin on an absolute path)", () => {
	it.each([
		['/static/../mysite/settings.py', '/mysite/settings.py'],
		['/a/./b/', '/a/b/'],
		['/../x', '/x'],
		['/a/b/..', '/a/'],
		['/a//b/../c', '/a/c'],
		['/', '/']
	])('%s → %s', (path, expected) => {
		expect(removeDotSegments(path)).toBe(expected);
	});
});
