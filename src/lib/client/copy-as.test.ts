import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { shellQuote, toCurl, toFetch } from './copy-as';
import type { ClientRequest } from './request';

const post: ClientRequest = {
	method: 'POST',
	url: 'https://mysite.test/api/orders/',
	headers: [
		['Content-Type', 'application/json'],
		['Authorization', 'Token abc']
	],
	body: { kind: 'text', text: '{"note": "it\'s $HOME `x`"}' }
};

describe('shellQuote', () => {
	it('leaves plain words alone and single-quotes the rest, escaping single quotes', () => {
		expect(shellQuote('https://mysite.test/blog/')).toBe('https://mysite.test/blog/');
		expect(shellQuote('a b')).toBe("'a b'");
		expect(shellQuote("it's")).toBe("'it'\\''s'");
		expect(shellQuote('')).toBe("''");
	});

	it('survives a real shell: every word comes back exactly', () => {
		const words = ["it's", 'a b', '$HOME', '`id`', '"quoted"', 'line\nbreak', '\\', '!', '*'];
		const script = `printf '%s\\0' ${words.map(shellQuote).join(' ')}`;
		const out = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
		expect(out.split('\0').slice(0, -1)).toEqual(words);
	});
});

describe('toCurl', () => {
	it('writes method, URL, headers and body; --data-raw implies POST', () => {
		expect(toCurl(post)).toBe(
			`curl https://mysite.test/api/orders/ -H 'Content-Type: application/json' -H 'Authorization: Token abc' --data-raw '{"note": "it'\\''s $HOME \`x\`"}'`
		);
	});

	it('names other methods, uses --head for HEAD, and passes the body through a shell intact', () => {
		expect(toCurl({ ...post, method: 'DELETE', body: { kind: 'none' }, headers: [] })).toBe(
			'curl -X DELETE https://mysite.test/api/orders/'
		);
		expect(toCurl({ ...post, method: 'PATCH', headers: [] })).toMatch(/^curl -X PATCH /);
		expect(toCurl({ ...post, method: 'HEAD', body: { kind: 'none' }, headers: [] })).toBe(
			'curl --head https://mysite.test/api/orders/'
		);
		// Replace curl with a function that prints its last argument: the body as the shell sees it.
		const script = `curl() { for a; do last=$a; done; printf '%s' "$last"; }; ${toCurl(post)}`;
		expect(execFileSync('sh', ['-c', script], { encoding: 'utf8' })).toBe(
			(post.body as { text: string }).text
		);
	});

	it('sends a form urlencoded or multipart as a browser would', () => {
		expect(
			toCurl({
				method: 'POST',
				url: 'https://mysite.test/accounts/login/',
				headers: [],
				body: {
					kind: 'urlencoded',
					entries: [
						['username', 'alice'],
						['password', 'won der']
					]
				}
			})
		).toBe(
			"curl https://mysite.test/accounts/login/ -H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'username=alice&password=won+der'"
		);
		expect(
			toCurl({
				method: 'POST',
				url: 'https://mysite.test/x/',
				headers: [],
				body: { kind: 'multipart', entries: [['f', '@etc']] }
			})
		).toBe("curl https://mysite.test/x/ -F 'f=\\@etc'");
	});
});

describe('toFetch', () => {
	it('writes valid JavaScript with credentials: include', () => {
		const code = toFetch(post);
		expect(code).toBe(
			[
				'const response = await fetch("https://mysite.test/api/orders/", {',
				'\tmethod: "POST",',
				"\tcredentials: 'include',",
				'\theaders: {',
				'\t\t"Content-Type": "application/json",',
				'\t\t"Authorization": "Token abc"',
				'\t},',
				'\tbody: "{\\"note\\": \\"it\'s $HOME `x`\\"}"',
				'});'
			].join('\n')
		);
	});

	it('passes the exact request to fetch when run', async () => {
		let seen: { url: string; init: RequestInit } | undefined;
		const fakeFetch = async (url: string, init: RequestInit) => {
			seen = { url, init };
			return new Response('');
		};
		const run = new Function('fetch', `return (async () => { ${toFetch(post)} })();`);
		await run(fakeFetch);
		expect(seen?.url).toBe(post.url);
		expect(seen?.init).toEqual({
			method: 'POST',
			credentials: 'include',
			headers: { 'Content-Type': 'application/json', Authorization: 'Token abc' },
			body: (post.body as { text: string }).text
		});
		const get = toFetch({
			method: 'GET',
			url: 'https://mysite.test/',
			headers: [],
			body: { kind: 'none' }
		});
		expect(get).toBe(
			'const response = await fetch("https://mysite.test/", {\n\tcredentials: \'include\'\n});'
		);
	});
});
