import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blogDetailTrace, fixtureTraces, staticCssTrace } from '../../../tests/fixtures/traces';
import Timeline from './Timeline.svelte';

afterEach(cleanup);

describe('Timeline', () => {
	it('lists every hop of every request, grouped per request', () => {
		render(Timeline, { props: { traces: fixtureTraces, current: null, ongoto: vi.fn() } });
		// Role queries are slow over a hundred buttons in jsdom; the tags are the roles here.
		const outer = document.querySelector('ol')!;
		const groups = [...outer.querySelectorAll(':scope > li > ol')];
		expect(groups).toHaveLength(fixtureTraces.length);
		groups.forEach((group, i) => {
			expect(group.querySelectorAll('li > button')).toHaveLength(fixtureTraces[i].hops.length);
			// Each group is named by its request: method, path, status.
			const name = document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent;
			expect(name).toContain(fixtureTraces[i].method);
			expect(name).toContain(new URL(fixtureTraces[i].url).pathname);
			expect(name).toContain(String(fixtureTraces[i].status));
		});
	});

	it('shows from → to, the kind and the simulated time as a number', () => {
		render(Timeline, { props: { traces: [staticCssTrace], current: null, ongoto: vi.fn() } });
		const [first, self] = screen.getAllByRole('button');
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
		const buttons = screen.getAllByRole('button');
		await fireEvent.click(buttons[blogDetailTrace.hops.length + 1]);
		expect(ongoto).toHaveBeenCalledWith(staticCssTrace.id, 1);
	});

	it('says what will appear before there are requests', () => {
		render(Timeline, { props: { traces: [], current: null, ongoto: vi.fn() } });
		expect(screen.queryAllByRole('button')).toHaveLength(0);
		expect(document.body.textContent).toContain('No requests yet');
	});
});
