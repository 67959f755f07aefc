import { describe, expect, it } from 'vitest';
import { diffCookies, diffSession } from './diff';
import { isStatusLine, parseHttp } from './http-text';

describe('parseHttp', () => {
	it('splits start line, headers (in order, repeated) and body; CRLF or LF', () => {
		const parts = parseHttp(
			'HTTP/1.1 302 Found\r\nLocation: /\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n<p>x</p>\r\n'
		);
		expect(parts.startLine).toBe('HTTP/1.1 302 Found');
		expect(parts.headers).toEqual([
			['Location', '/'],
			['Set-Cookie', 'a=1'],
			['Set-Cookie', 'b=2']
		]);
		expect(parts.body).toBe('<p>x</p>\n');
		expect(parseHttp('GET / HTTP/1.1\nHost: a').body).toBe('');
		expect(isStatusLine(parts.startLine)).toBe(true);
		expect(isStatusLine('GET / HTTP/1.1')).toBe(false);
	});
});

describe('diffCookies and diffSession', () => {
	it('names every change in words', () => {
		expect(
			diffCookies(
				[
					{ name: 'a', value: '1' },
					{ name: 'b', value: '2' },
					{ name: 'c', value: '3' }
				],
				[
					{ name: 'a', value: '1' },
					{ name: 'b', value: '9' },
					{ name: 'd', value: '4', attributes: 'Path=/' }
				]
			).map((r) => [r.name, r.change, r.after ?? null])
		).toEqual([
			['a', 'unchanged', '1'],
			['b', 'changed', '9'],
			['c', 'removed', null],
			['d', 'added', '4; Path=/']
		]);
		expect(diffSession({ x: 1, y: [1] }, { y: [1, 2], z: 'n' }).map((r) => r.change)).toEqual([
			'removed',
			'changed',
			'added'
		]);
	});
});
