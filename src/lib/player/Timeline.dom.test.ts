import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blogDetailTrace, fixtureTraces, staticCssTrace } from '../../../tests/fixtures/traces';
import Timeline from './Timeline.svelte';

afterEach(cleanup);

describe('Timeline', () => {
	it('lists every request as one row, and the hops of the newest', () => {
		render(Timeline, { props: { traces: fixtureTraces, current: null, ongoto: vi.fn() } });
		// Role queries are slow over a hundred buttons in jsdom; the tags are the roles here.
		const outer = document.querySelector('ol')!;
		const rows = [...outer.querySelectorAll(':scope > li > .request button')];
		expect(rows).toHaveLength(fixtureTraces.length);
		rows.forEach((row, i) => {
			expect(row.textContent).toContain(fixtureTraces[i].method);
			expect(row.textContent).toContain(new URL(fixtureTraces[i].url).pathname);
			expect(row.textContent).toContain(String(fixtureTraces[i].status));
		});
		const groups = [...outer.querySelectorAll(':scope > li > ol')];
		expect(groups).toHaveLength(1);
		const newest = fixtureTraces.at(-1)!;
		expect(groups[0].querySelectorAll('li > button')).toHaveLength(newest.hops.length);
		// The hops are named by their request: method, path, status.
		const name = document.getElementById(groups[0].getAttribute('aria-labelledby')!)?.textContent;
		expect(name).toContain(new URL(newest.url).pathname);
		expect(rows.at(-1)?.getAttribute('aria-expanded')).toBe('true');
		expect(rows[0].getAttribute('aria-expanded')).toBe('false');
	});

	it('shows only the hops of the request in view, and opens another on request', async () => {
		const { rerender } = render(Timeline, {
			props: {
				traces: fixtureTraces,
				current: { traceId: blogDetailTrace.id, index: 0 },
				ongoto: vi.fn()
			}
		});
		const hops = () => document.querySelectorAll('.hops > li > button').length;
		expect(hops()).toBe(blogDetailTrace.hops.length);
		const other = fixtureTraces.find((t) => t !== blogDetailTrace)!;
		const row = [...document.querySelectorAll<HTMLElement>('.request button')].find((b) =>
			b.textContent?.includes(new URL(other.url).pathname)
		)!;
		await fireEvent.click(row);
		expect(row.getAttribute('aria-expanded')).toBe('true');
		expect(hops()).toBe(blogDetailTrace.hops.length + other.hops.length);
		await fireEvent.click(row);
		expect(hops()).toBe(blogDetailTrace.hops.length);
		// Moving on to another request shows its hops instead.
		await rerender({
			traces: fixtureTraces,
			current: { traceId: other.id, index: 1 },
			ongoto: vi.fn()
		});
		expect(hops()).toBe(other.hops.length);
	});

	it('reads no layout when the current hop changes', async () => {
		const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect');
		const into = vi.fn();
		Element.prototype.scrollIntoView = into;
		const props = { traces: [blogDetailTrace], current: { traceId: blogDetailTrace.id, index: 0 } };
		const { rerender } = render(Timeline, { props: { ...props, ongoto: vi.fn() } });
		for (let index = 1; index < 8; index++)
			await rerender({
				...props,
				current: { traceId: blogDetailTrace.id, index },
				ongoto: vi.fn()
			});
		expect(document.querySelector('[aria-current="step"]')?.textContent).toContain(
			blogDetailTrace.hops[7].kind
		);
		expect(rect).not.toHaveBeenCalled();
		expect(into).not.toHaveBeenCalled();
		rect.mockRestore();
	});

	it('says how many earlier requests left the timeline', () => {
		render(Timeline, {
			props: { traces: [staticCssTrace], current: null, ongoto: vi.fn(), earlier: 42 }
		});
		expect(document.body.textContent).toContain('42 earlier requests have left the timeline');
	});

	it('shows from → to, the kind and the simulated time as a number', () => {
		render(Timeline, { props: { traces: [staticCssTrace], current: null, ongoto: vi.fn() } });
		const [, first, self] = screen.getAllByRole('button');
		expect(first.textContent).toMatch(/Browser\s*→\s*to\s*Web server\s*request\s*0\.00 ms/);
		expect(self.textContent).toMatch(/^\s*Web server\s*static\s*0\.40 ms/);
	});

	it('marks the current hop with aria-current="step"', () => {
		render(Timeline, {
			props: {
				traces: fixtureTraces,
				current: { traceId: blogDetailTrace.id, index: 9 },
				ongoto: vi.fn()
			}
		});
		const current = [...document.querySelectorAll('button')].filter(
			(b) => b.getAttribute('aria-current') === 'step'
		);
		expect(current).toHaveLength(1);
		expect(current[0].textContent).toContain('resolve');
	});

	it('jumps to a hop when its button is used', async () => {
		const ongoto = vi.fn();
		render(Timeline, {
			props: { traces: [blogDetailTrace, staticCssTrace], current: null, ongoto }
		});
		// The newest request's hops show: its row, then the other row, then its hops.
		const buttons = screen.getAllByRole('button');
		await fireEvent.click(buttons[3]);
		expect(ongoto).toHaveBeenCalledWith(staticCssTrace.id, 1);
	});

	it('says what will appear before there are requests', () => {
		render(Timeline, { props: { traces: [], current: null, ongoto: vi.fn() } });
		expect(screen.queryAllByRole('button')).toHaveLength(0);
		expect(document.body.textContent).toContain('No requests yet');
	});
});
