import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hop } from '$lib/sim/types';
import {
	apiOrderTrace,
	blogDetailTrace,
	fixtureSources,
	notFoundTrace
} from '../../../tests/fixtures/traces';
import Inspector from './Inspector.svelte';

afterEach(cleanup);

const find = (pred: (h: Hop) => boolean, trace = blogDetailTrace) => trace.hops.find(pred)!;
const tabNames = () => screen.queryAllByRole('tab').map((t) => t.textContent?.trim());
const show = (hop: Hop, trace = blogDetailTrace) =>
	render(Inspector, { props: { trace, hop, sources: fixtureSources } });

describe('Inspector', () => {
	it('states the hop in a heading and shows only the tabs the hop has', () => {
		show(blogDetailTrace.hops[0]);
		expect(screen.getByRole('heading').textContent).toBe(blogDetailTrace.hops[0].summary);
		expect(tabNames()).toEqual(['HTTP']);
		cleanup();
		show(find((h) => h.kind === 'resolve'));
		expect(tabNames()).toEqual(['URL patterns']);
		cleanup();
		show(find((h) => h.kind === 'render'));
		expect(tabNames()).toEqual(['View code', 'Template']);
		cleanup();
		show(find((h) => h.kind === 'middleware' && !!h.detail.state));
		expect(tabNames()).toEqual(['Cookies & session', 'Middleware']);
		cleanup();
		show(blogDetailTrace.hops[2]);
		expect(tabNames()).toEqual(['HTTP', 'Queue']);
	});

	it('opens the tab that fits the hop, and follows the WAI-ARIA tabs pattern', async () => {
		show(find((h) => h.kind === 'render'));
		const [code, template] = screen.getAllByRole('tab');
		expect(template.getAttribute('aria-selected')).toBe('true');
		expect(template.tabIndex).toBe(0);
		expect(code.tabIndex).toBe(-1);
		const panel = screen.getByRole('tabpanel');
		expect(panel.getAttribute('aria-labelledby')).toBe(template.id);
		expect(template.getAttribute('aria-controls')).toBe(panel.id);
		await fireEvent.keyDown(template, { key: 'ArrowRight' });
		expect(code.getAttribute('aria-selected')).toBe('true');
		expect(document.activeElement).toBe(code);
		await fireEvent.keyDown(code, { key: 'End' });
		expect(template.getAttribute('aria-selected')).toBe('true');
		await fireEvent.click(code);
		expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(code.id);
	});

	it('shows raw HTTP with the status line and headers', () => {
		show(blogDetailTrace.hops.at(-1)!);
		const panel = screen.getByRole('tabpanel');
		expect(panel.textContent).toContain('HTTP/1.1 200 OK');
		expect(panel.textContent).toContain('An HTTP response with');
		const names = [...panel.querySelectorAll('.name')].map((n) => n.textContent);
		expect(names).toContain('Set-Cookie');
		expect(names).toContain('Server-Timing');
	});

	it('marks the view lines that ran, in the gutter and in words', () => {
		const hop = find((h) => h.kind === 'call' && h.from === 'url-resolver');
		show(hop);
		const rows = [...screen.getByRole('tabpanel').querySelectorAll('.row')];
		expect(rows).toHaveLength(fixtureSources['blog/views.py'].trimEnd().split('\n').length);
		const ran = rows.filter((r) => r.classList.contains('ran'));
		expect(ran.map((r) => r.querySelector('.number')?.textContent)).toEqual(
			hop.detail.source!.lines.map(String)
		);
		expect(ran[0].textContent).toContain('▶');
		expect(ran[0].textContent).toContain('(ran here)');
		expect(ran[0].textContent).toContain('def post_detail(request, pk):');
	});

	it('shows the file as it ran when the hop carries an edited one, and says so', () => {
		const hop = find((h) => h.kind === 'call' && h.from === 'url-resolver');
		const source = hop.detail.source!;
		const text = fixtureSources[source.file].replace(
			'def post_detail(request, pk):',
			'def post_detail(request, pk):  # edited'
		);
		show({ ...hop, detail: { ...hop.detail, source: { ...source, text } } });
		const panel = screen.getByRole('tabpanel');
		expect(within(panel).getByTestId('edited-source').textContent).toContain(
			`This request ran your edited ${source.file}`
		);
		const ran = [...panel.querySelectorAll('.row.ran')];
		expect(ran[0].textContent).toContain('def post_detail(request, pk):  # edited');
		expect(within(panel).getByRole('region', { name: `${source.file} source (edited)` })).toBe(
			panel.querySelector('.code')
		);
		cleanup();
		// The project's own file: no notice, the page's copy.
		show(hop);
		expect(screen.queryByTestId('edited-source')).toBeNull();
		expect(screen.getByRole('tabpanel').textContent).not.toContain('# edited');
	});

	it('shows SQL with its parameters and the rows as a table with column headers', () => {
		show(find((h) => h.kind === 'rows'));
		const panel = screen.getByRole('tabpanel');
		expect(panel.textContent).toContain('Post.objects.get(pk=3)');
		expect(panel.textContent).toContain('WHERE "blog_post"."id" = ? LIMIT 21');
		const table = within(panel).getByRole('table');
		expect(
			within(table)
				.getAllByRole('columnheader')
				.map((c) => c.textContent)
		).toEqual(['id', 'title', 'body', 'author_id', 'published_at']);
		expect(within(table).getAllByRole('row')).toHaveLength(2);
		expect(table.querySelector('caption')?.textContent?.trim()).toBe('1 row returned');
	});

	it('shows how many rows an INSERT changed', () => {
		show(
			find((h) => h.kind === 'rows' && !!h.detail.query?.sql.startsWith('INSERT'), apiOrderTrace),
			apiOrderTrace
		);
		expect(screen.getByRole('tabpanel').textContent).toMatch(/Rows changed\s*1/);
	});

	it('lists the URL patterns tried with the match and its captured kwargs', () => {
		show(find((h) => h.kind === 'resolve'));
		const items = within(screen.getByRole('tabpanel')).getAllByRole('listitem');
		expect(items.at(-1)?.textContent).toContain('Match');
		expect(items.at(-1)?.textContent).toContain('blog/<int:pk>/');
		expect(items[0].textContent).toContain('No match');
		expect(screen.getByRole('tabpanel').textContent).toContain('pk=3');
	});

	it('says when no URL pattern matched', () => {
		show(
			find((h) => h.kind === 'resolve', notFoundTrace),
			notFoundTrace
		);
		expect(screen.getByRole('tabpanel').textContent).toContain('No pattern matched');
	});

	it('names each cookie and session change in words', async () => {
		show(find((h) => h.kind === 'middleware' && !!h.detail.state));
		const panel = screen.getByRole('tabpanel');
		const changes = [...panel.querySelectorAll('td.change')].map((c) => c.textContent);
		expect(changes).toEqual([
			'unchanged',
			'changed',
			'unchanged',
			'unchanged',
			'unchanged',
			'added'
		]);
	});

	it('invites the student to send a request when there is no hop', () => {
		render(Inspector, { props: { trace: null, hop: null } });
		expect(screen.queryAllByRole('tab')).toHaveLength(0);
		expect(document.body.textContent).toContain('Send a request');
	});
});

describe('Inspector inside the player', () => {
	it('keeps arrow keys and Home for its tabs and scroll boxes, away from the player', async () => {
		const seen: string[] = [];
		const outer = document.createElement('div');
		outer.addEventListener('keydown', (e) => seen.push(e.key));
		document.body.append(outer);
		render(Inspector, {
			target: outer,
			props: {
				trace: blogDetailTrace,
				hop: find((h) => h.kind === 'render'),
				sources: fixtureSources
			}
		});
		await fireEvent.keyDown(screen.getAllByRole('tab')[1], { key: 'ArrowLeft' });
		await fireEvent.keyDown(screen.getByRole('region'), { key: 'Home' });
		await fireEvent.keyDown(screen.getByRole('region'), { key: ' ' });
		expect(seen).toEqual([' ']);
		outer.remove();
	});
});
