import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { traceAt, type ShownHop } from '$lib/flow/detail-level';
import type { Hop, Trace } from '$lib/sim/types';
import { blogDetailTrace } from '../../../tests/fixtures/traces';
import Inspector from './Inspector.svelte';

afterEach(cleanup);

const show = (trace: Trace, hop: Hop, names = {}) =>
	render(Inspector, { props: { trace, hop, names } });

describe('Inspector: what a level of detail folds, and what the simulator adds', () => {
	it('lists the steps a folded hop stands for, and inspects the one chosen', async () => {
		const trace = traceAt(blogDetailTrace, 'overview');
		const inside = trace.hops.find((h) => (h as ShownHop).inner)! as ShownHop;
		show(trace, inside, { middleware: 'Django' });
		expect(document.querySelector('.where')?.textContent).toContain('Django');
		expect(screen.getByText(`The ${inside.inner!.length} steps in this hop`)).toBeTruthy();
		const query = inside.inner!.find((h) => h.kind === 'query')!;
		await fireEvent.click(screen.getAllByRole('button', { name: query.summary })[0]);
		expect(screen.getByRole('tab', { name: 'SQL', selected: true })).toBeTruthy();
		expect(screen.getByText(/^Inspecting step \d+:/)).toBeTruthy();
	});

	it('marks the headers the simulator adds, in words and not by colour alone', () => {
		const hop: Hop = {
			...blogDetailTrace.hops[0],
			direction: 'out',
			kind: 'response',
			detail: {
				http: 'HTTP/1.1 200 OK\r\nServer: nginx\r\nX-Trace-Id: tr-1\r\nServer-Timing: view;dur=4\r\n\r\n'
			}
		};
		show(blogDetailTrace, hop);
		const marked = [...document.querySelectorAll('.simulator')].map((l) => l.textContent);
		expect(marked).toHaveLength(2);
		expect(marked.every((t) => t?.includes('added by the simulator'))).toBe(true);
		expect(screen.getByText(/are not sent by nginx or Django/)).toBeTruthy();
	});

	it('shows the response a hop without details leads to (a permission check’s 403)', () => {
		const denied: Hop = {
			...blogDetailTrace.hops[0],
			from: 'view',
			to: 'view',
			kind: 'call',
			summary: 'DRF answers 403: You do not have permission to perform this action.',
			detail: {}
		};
		const back: Hop = {
			...blogDetailTrace.hops[0],
			from: 'middleware',
			to: 'app-server',
			kind: 'response',
			direction: 'out',
			summary: 'Django hands 403 Forbidden back to gunicorn.',
			detail: { http: 'HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\n\r\n{}' }
		};
		const trace = { ...blogDetailTrace, hops: [denied, back] };
		show(trace, denied);
		expect(screen.getByRole('tab', { name: 'HTTP' })).toBeTruthy();
		expect(screen.getByText('HTTP/1.1 403 Forbidden')).toBeTruthy();
		expect(screen.getByText(/carries no details of its own/)).toBeTruthy();
	});
});

describe('Inspector: the template chain', () => {
	it('lists every template used, the extended base too, and says which the view asked for', () => {
		const render = blogDetailTrace.hops.find((h) => h.detail.template)!;
		const hop: Hop = {
			...render,
			detail: {
				template: {
					...render.detail.template!,
					name: 'blog/post_detail.html',
					used: ['blog/post_detail.html', 'base.html']
				}
			}
		};
		show(blogDetailTrace, hop);
		fireEvent.click(screen.getByRole('tab', { name: 'Template' }));
		const items = [...document.querySelectorAll('.used li')].map((li) =>
			li.textContent?.replace(/\s+/g, ' ').trim()
		);
		expect(items).toEqual(['blog/post_detail.html (the one the view asked for)', 'base.html']);
	});
});

describe('Inspector: the ID token a view checked', () => {
	it('opens the ID token tab on the check: each outcome in words, header and claims', () => {
		const hop: Hop = {
			...blogDetailTrace.hops[0],
			from: 'view',
			to: 'view',
			kind: 'call',
			direction: 'in',
			summary: 'jwt.decode() refuses the ID token.',
			detail: {
				token: {
					header: { alg: 'RS256', typ: 'JWT', kid: 'example-id-2026' },
					claims: { iss: 'https://id.example.test', aud: 'photo-album', exp: 1796558700 },
					checks: [
						{ name: 'signature', ok: true, note: 'RS256 signature made by the key.' },
						{ name: 'aud', ok: false, note: 'Audience "photo-album"; expected "mysite".' }
					]
				}
			}
		};
		show(blogDetailTrace, hop);
		expect(screen.getByRole('tab', { name: 'ID token', selected: true })).toBeTruthy();
		expect(screen.getByText('1 check failed: the token is refused.')).toBeTruthy();
		const items = [...document.querySelectorAll('.checks li')].map((li) => li.textContent);
		expect(items[0]).toContain('signature passed');
		expect(items[1]).toContain('aud failed');
		expect(screen.getByText('example-id-2026')).toBeTruthy();
		expect(screen.getByText('1796558700 (2026-12-06T12:05:00Z)')).toBeTruthy();
	});
});
