import { describe, expect, it } from 'vitest';
import { byteLength, getAllHeaders, getHeader, setHeader } from './headers';
import { formatRequest, formatResponse, requestTarget, truncateBody } from './raw';
import { nginxReasonPhrase, reasonPhrase } from './status';

describe('raw HTTP text', () => {
	it('writes the request line, headers in order, a blank line and the body', () => {
		const text = formatRequest({
			method: 'POST',
			target: '/blog/3/comment/',
			headers: [
				['Host', 'mysite.test'],
				['Content-Type', 'application/x-www-form-urlencoded']
			],
			body: 'text=hi'
		});
		expect(text).toBe(
			'POST /blog/3/comment/ HTTP/1.1\nHost: mysite.test\nContent-Type: application/x-www-form-urlencoded\n\ntext=hi'
		);
		expect(
			formatResponse(
				{ status: 404, statusText: 'Not Found', headers: [], body: '' },
				{ version: 'HTTP/1.0' }
			)
		).toBe('HTTP/1.0 404 Not Found\n\n');
	});

	it('cuts long bodies for display and says how many bytes are hidden', () => {
		const shown = truncateBody('é'.repeat(10), 4);
		expect(shown).toBe('éééé\n… (12 more bytes not shown)');
	});

	it('keeps the target as the browser encoded it', () => {
		expect(requestTarget('https://mysite.test/a%20b/?q=%zz#frag')).toBe('/a%20b/?q=%zz');
		expect(requestTarget('https://mysite.test')).toBe('/');
	});
});

describe('headers and phrases', () => {
	it('compare names without case and keep repeats', () => {
		const headers = [
			['Set-Cookie', 'a=1'],
			['set-cookie', 'b=2'],
			['Vary', 'Cookie']
		] as const;
		expect(getHeader(headers, 'VARY')).toBe('Cookie');
		expect(getAllHeaders(headers, 'Set-Cookie')).toEqual(['a=1', 'b=2']);
		expect(setHeader(headers, 'vary', 'Accept')).toEqual([
			['Set-Cookie', 'a=1'],
			['set-cookie', 'b=2'],
			['Vary', 'Accept']
		]);
		expect(byteLength('a€😀')).toBe(1 + 3 + 4);
		// Lone surrogates go out as U+FFFD (three bytes each), as TextEncoder sends them.
		for (const text of ['\ud83dx', 'x\ude00', '\ud83d\ud83d\ude00', 'é\ud83d']) {
			expect(byteLength(text)).toBe(new TextEncoder().encode(text).length);
		}
	});

	it('use Python’s phrases for Django and nginx’s own for nginx', () => {
		expect(reasonPhrase(302)).toBe('Found');
		expect(nginxReasonPhrase(302)).toBe('Moved Temporarily');
		expect(nginxReasonPhrase(504)).toBe('Gateway Time-out');
		expect(reasonPhrase(413)).toBe('Request Entity Too Large');
	});
});
