import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED, embedSearch, parseEmbedParams, parseRequestLine } from './embed-params';

describe('embed URL parameters', () => {
	it('reads a request, a hop, panels and a theme', () => {
		const { config, problems } = parseEmbedParams(
			new URLSearchParams(
				'request=GET%20/blog/3/&hop=4&panels=inspector,client&theme=dark&speed=slow'
			)
		);
		expect(problems).toEqual([]);
		expect(config).toMatchObject({
			request: { method: 'GET', path: '/blog/3/' },
			hop: 4,
			panels: ['inspector', 'client'],
			theme: 'dark',
			speed: 'slow',
			autoplay: false
		});
	});

	it('ignores bad values with a reason and keeps the defaults', () => {
		const { config, problems } = parseEmbedParams(
			new URLSearchParams('request=FETCH%20blog&hop=-2&speed=warp&panels=inspector,chat')
		);
		expect(config.request).toEqual(DEFAULT_EMBED.request);
		expect(config.hop).toBeNull();
		expect(config.speed).toBe('normal');
		expect(config.panels).toEqual(['inspector']);
		expect(problems).toHaveLength(4);
	});

	it('only accepts paths on the simulated site', () => {
		expect(parseRequestLine('GET https://evil.example/')).toBeNull();
		expect(parseRequestLine('delete /api/orders/1/')).toEqual({
			method: 'DELETE',
			path: '/api/orders/1/'
		});
	});

	it('round-trips through embedSearch', () => {
		const config = {
			...DEFAULT_EMBED,
			request: {
				method: 'POST',
				path: '/api/orders/',
				body: '{"product": 1}',
				contentType: 'application/json'
			},
			hop: 7,
			autoplay: true,
			panels: ['timeline' as const]
		};
		const search = embedSearch(config);
		expect(search).toContain('request=POST+/api/orders/');
		expect(parseEmbedParams(new URLSearchParams(search)).config).toEqual(config);
	});
});
