import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Diagram from './Diagram.svelte';
import type { PacketView } from './types';

afterEach(cleanup);

const get: PacketView = {
	key: 'a',
	traceId: 'a',
	from: 'browser',
	to: 'web-server',
	kind: 'request',
	direction: 'in',
	progress: 0.5,
	label: 'GET',
	focused: true
};

describe('Diagram', () => {
	it('is one labelled image whose description says the state in words', () => {
		render(Diagram, { props: { packets: [get], activeNode: 'web-server', reducedMotion: false } });
		const img = screen.getByRole('img');
		const [titleId, descId] = img.getAttribute('aria-labelledby')!.split(' ');
		expect(document.getElementById(titleId)?.textContent).toBe('How the request travels');
		expect(document.getElementById(descId)?.textContent).toContain(
			'GET request travelling from the Browser to the Web server.'
		);
		expect(img.querySelector('style')?.textContent).toContain('.rf-diagram');
	});

	it('draws the nodes in four groups, marks the active node and one packet per request', () => {
		const { container } = render(Diagram, {
			props: {
				packets: [get, { ...get, key: 'b', label: '404', direction: 'out', focused: false }],
				activeNode: 'view',
				reducedMotion: false
			}
		});
		expect(container.querySelectorAll('[data-node]')).toHaveLength(9);
		expect(container.querySelectorAll('.rf-group')).toHaveLength(4);
		expect(container.querySelectorAll('.rf-edge')).toHaveLength(9);
		expect(container.querySelector('.rf-active')?.getAttribute('data-node')).toBe('view');
		expect(container.querySelector('.rf-active .rf-marker')).not.toBeNull();
		const packets = [...container.querySelectorAll('[data-packet]')];
		// The focused GET is painted last, on top.
		expect(packets.map((p) => p.textContent?.trim())).toEqual(['404', 'GET']);
		expect(packets[1].classList).toContain('rf-lozenge');
		expect(packets[1].classList).toContain('rf-focused');
		expect(packets[0].classList).toContain('rf-rounded');
	});

	it('hides nodes that are not visible and stops pulsing under reduced motion', () => {
		const { container } = render(Diagram, {
			props: {
				packets: [{ ...get, from: 'middleware', to: 'middleware', kind: 'middleware' }],
				activeNode: null,
				visibleNodes: ['browser', 'web-server', 'app-server'],
				reducedMotion: true
			}
		});
		expect(
			[...container.querySelectorAll('[data-node]')].map((n) => n.getAttribute('data-node'))
		).toEqual(['browser', 'web-server', 'app-server']);
		expect(container.querySelector('svg')?.classList).toContain('rf-still');
		expect(container.querySelector('.rf-self')).not.toBeNull();
	});
});
