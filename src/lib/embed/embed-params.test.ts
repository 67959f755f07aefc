import { describe, expect, it } from 'vitest';
import {
	DEFAULT_EMBED,
	embedSearch,
	parseEmbedParams,
	parseRequestLine,
	sitePath
} from './embed-params';

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

	it('carries the project: project=full, left out for the default mysite', () => {
		const full = { ...DEFAULT_EMBED, project: 'full' as const };
		expect(embedSearch(full)).toContain('project=full');
		expect(embedSearch(DEFAULT_EMBED)).not.toContain('project');
		expect(parseEmbedParams(new URLSearchParams(embedSearch(full))).config).toEqual(full);
		const { config, problems } = parseEmbedParams(new URLSearchParams('project=other'));
		expect(config.project).toBe('mysite');
		expect(problems).toEqual(['Ignored project=other: not a valid value.']);
	});

	it('keeps a request on the simulated site: another host is refused, never fetched', () => {
		for (const line of [
			'POST //evil.example:8080/x',
			'GET /\\evil.example/x',
			'GET /\\/evil.example/',
			'GET //mysite.test.evil.example/',
			'GET ///evil.example/'
		]) {
			expect(parseRequestLine(line), line).toBeNull();
			const { config, problems } = parseEmbedParams(
				new URLSearchParams({ request: line, body: '{"a":1}' })
			);
			expect(config.request).toEqual(DEFAULT_EMBED.request);
			expect(problems).toHaveLength(1);
		}
		expect(sitePath('//evil.example/')).toBeNull();
		expect(sitePath('/blog/../api/posts/?page=2')).toBe('/api/posts/?page=2');
		expect(parseRequestLine('GET /blog/3/?a=1')).toEqual({ method: 'GET', path: '/blog/3/?a=1' });
	});

	it('reads a lesson, a range of steps and the projector look', () => {
		const { config, problems } = parseEmbedParams(
			new URLSearchParams('lesson=first-request&step=2&to=4&controls=minimal')
		);
		expect(problems).toEqual([]);
		expect(config).toMatchObject({ lesson: 'first-request', step: 2, to: 4, controls: 'minimal' });
		expect(embedSearch({ lesson: 'first-request', step: 2, to: 4, request: null })).toBe(
			'?lesson=first-request&step=2&to=4'
		);
		const bad = parseEmbedParams(new URLSearchParams('lesson=x&step=3&to=2&controls=huge'));
		expect(bad.config.to).toBeNull();
		expect(bad.config.controls).toBe('full');
		expect(bad.problems).toHaveLength(2);
	});
});
