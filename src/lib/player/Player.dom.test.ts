import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blogDetailTrace } from '../../../tests/fixtures/traces';
import Player from './Player.svelte';
import type { PlayerController } from './player.svelte';

// The simulation is not what these tests are about: it never starts here.
vi.mock('$lib/mocks/browser', () => ({
	IN_PAGE_NOTICE: '',
	simulationStatus: { notice: '' },
	startSimulation: () => new Promise(() => {})
}));

afterEach(cleanup);
beforeAll(() => {
	window.matchMedia ??= ((query: string) => ({
		matches: false,
		media: query,
		addEventListener: () => {},
		removeEventListener: () => {}
	})) as unknown as typeof window.matchMedia;
});

async function setup(props: Record<string, unknown> = {}) {
	let controller: PlayerController | undefined;
	render(Player, {
		props: {
			present: false,
			autoplay: false,
			oncontroller: (c: PlayerController) => (controller = c),
			...props
		}
	});
	void controller!.add(blogDetailTrace);
	controller!.stepForward();
	return controller!;
}

const nodes = () => document.querySelectorAll('svg [data-node]');
const where = () => document.querySelector('.where')?.textContent ?? '';

describe('Player: levels of detail', { timeout: 30_000 }, () => {
	it('opens at the level it is given, and the student switches it with a labelled radio group', async () => {
		await setup({ detail: 'overview' });
		const group = screen.getByRole('group', { name: 'Level of detail' });
		const overview = within(group).getByRole('radio', { name: 'Overview' }) as HTMLInputElement;
		expect(overview.checked).toBe(true);
		expect(nodes()).toHaveLength(4);
		expect(document.querySelector('[data-node="middleware"] .rf-label')?.textContent).toBe(
			'Django'
		);
		const overviewHops = Number(/of (\d+)/.exec(where())![1]);
		await fireEvent.click(within(group).getByRole('radio', { name: 'Everything' }));
		expect(nodes()).toHaveLength(9);
		const allHops = Number(/of (\d+)/.exec(where())![1]);
		expect(allHops).toBe(blogDetailTrace.hops.length);
		expect(overviewHops).toBeLessThan(allHops);
		expect(screen.getByRole('region', { name: 'Request player' }).dataset.detail).toBe(
			'everything'
		);
	});

	it('offers to skip the lesson’s pause points only when it has some', async () => {
		await setup({ breakpoints: ['view'] });
		const box = screen.getByRole('checkbox', { name: /Pause at the lesson’s stops/ });
		expect((box as HTMLInputElement).checked).toBe(true);
		cleanup();
		await setup();
		expect(screen.queryByRole('checkbox', { name: /Pause at/ })).toBeNull();
	});
});
