import { describe, expect, it } from 'vitest';
import { frozenPlainCopy } from './plain-data';

class Post {
	constructor(public title: string) {}
	__str__() {
		return this.title;
	}
}

describe('frozenPlainCopy', () => {
	it('copies plain data deeply and freezes every level', () => {
		const headers: Array<[string, string]> = [['Content-Type', 'text/html']];
		const value = { hop: { detail: { headers } }, list: [1, 'two', null] };
		const copy = frozenPlainCopy(value);
		expect(copy).toEqual(value);
		expect(copy.hop.detail.headers).not.toBe(headers);
		for (const part of [copy, copy.hop, copy.hop.detail, copy.hop.detail.headers, copy.list]) {
			expect(Object.isFrozen(part)).toBe(true);
		}
		headers.push(['Vary', 'Cookie']);
		expect(copy.hop.detail.headers).toEqual([['Content-Type', 'text/html']]);
	});

	it('shows what is not plain data as JSON can carry it, never walking an instance', () => {
		const copy = frozenPlainCopy({
			when: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
			post: new Post('Hello'),
			url: new URL('https://mysite.test/blog/'),
			map: new Map([['a', 1]]),
			set: new Set(['x']),
			run: () => 1,
			big: 5n,
			inf: Infinity,
			holes: [() => 1]
		});
		expect(copy).toEqual({
			when: '2026-01-02T03:04:05.000Z',
			post: 'Hello',
			url: 'https://mysite.test/blog/',
			map: { a: 1 },
			set: ['x'],
			big: 5,
			inf: 'Infinity',
			holes: [null]
		});
	});

	it('copies an object reached twice once, and cuts cycles', () => {
		const query = { sql: 'SELECT 1', rows: [[1]] };
		const loop: Record<string, unknown> = { name: 'loop' };
		loop.self = loop;
		const copy = frozenPlainCopy({ a: { query }, b: { query }, loop });
		expect(copy.a.query).toBe(copy.b.query);
		expect(copy.loop).toEqual({ name: 'loop', self: '[circular]' });
	});

	it('copies a frozen copy again rather than keeping a registry of copies', () => {
		const first = frozenPlainCopy({ rows: [[1, 'a']] });
		const again = frozenPlainCopy({ earlier: first });
		expect(again.earlier).toEqual(first);
		expect(Object.isFrozen(again.earlier.rows)).toBe(true);
	});
});
