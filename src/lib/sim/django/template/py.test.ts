import { describe, expect, it } from 'vitest';
import { pyBool, pyCompare, pyEquals, pyIn, pyLen, pyList, pyRepr, pyStr } from './py';
import { markSafe, SafeString } from './safe';

describe("Python's meaning of JS values", () => {
	it('repr prints lists and dicts, and survives lists inside themselves', () => {
		const a: unknown[] = [1, 'x', null, true];
		expect(pyRepr(a)).toBe("[1, 'x', None, True]");
		a.push(a);
		expect(pyRepr(a)).toBe("[1, 'x', None, True, [...]]");
		const d: Record<string, unknown> = { q: "it's" };
		d.me = d;
		expect(pyRepr(d)).toBe(`{'q': "it's", 'me': {...}}`);
		expect(pyRepr(() => 1)).toBe('<function <lambda>>');
		class Post {
			__repr__() {
				return '<Post: Hello>';
			}
		}
		expect(pyRepr([new Post()])).toBe('[<Post: Hello>]');
	});

	it('str, truthiness and len', () => {
		expect(pyStr(null)).toBe('None');
		expect(pyStr(new Date('2024-01-02T03:04:05Z'))).toBe('2024-01-02 03:04:05+00:00');
		expect([[], {}, '', 0, null, new Map()].map(pyBool)).toEqual([
			false,
			false,
			false,
			false,
			false,
			false
		]);
		expect([[0], { a: 1 }, 'x', -1, markSafe('s')].map(pyBool)).toEqual([
			true,
			true,
			true,
			true,
			true
		]);
		expect(pyLen('héllo')).toBe(5);
		expect(() => pyLen(3)).toThrow(TypeError);
		expect(pyList({ a: 1, b: 2 })).toEqual(['a', 'b']);
	});

	it('==, < and in', () => {
		expect(pyEquals(true, 1)).toBe(true);
		expect(pyEquals(markSafe('a'), 'a')).toBe(true);
		expect(pyEquals([1, [2]], [1, [2]])).toBe(true);
		expect(pyEquals('1', 1)).toBe(false);
		expect(pyCompare('a', 'b')).toBeLessThan(0);
		expect(() => pyCompare('a', 1)).toThrow(TypeError);
		expect(pyIn('ell', 'hello')).toBe(true);
		expect(pyIn(2, [1, 2])).toBe(true);
		expect(pyIn('k', new Map([['k', 1]]))).toBe(true);
		expect(() => pyIn(1, 'abc')).toThrow(TypeError);
	});
});

describe('SafeString subclasses that are also lists (a form ErrorList)', () => {
	class ErrorList extends SafeString {
		constructor(readonly messages: string[]) {
			super(messages.length ? `<ul>${messages.map((m) => `<li>${m}</li>`).join('')}</ul>` : '');
		}
		override get length() {
			return this.messages.length;
		}
		[Symbol.iterator]() {
			return this.messages[Symbol.iterator]();
		}
	}

	it('counts and iterates the messages, not the HTML', () => {
		const errors = new ErrorList(['Required.', 'Too short.']);
		expect(pyLen(errors)).toBe(2);
		expect(pyList(errors)).toEqual(['Required.', 'Too short.']);
		expect(pyBool(new ErrorList([]))).toBe(false);
		expect(pyLen(markSafe('héllo'))).toBe(5);
	});
});
