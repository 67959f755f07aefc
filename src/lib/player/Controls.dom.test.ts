import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Controls from './Controls.svelte';

afterEach(cleanup);

function setup(over: Partial<Parameters<typeof render<typeof Controls>>[1]> = {}) {
	const props = {
		status: 'paused' as const,
		speed: 'normal' as const,
		canStepBack: true,
		canStepForward: true,
		onplay: vi.fn(),
		onpause: vi.fn(),
		onstepback: vi.fn(),
		onstepforward: vi.fn(),
		onrestart: vi.fn(),
		onspeed: vi.fn(),
		...over
	};
	render(Controls, { props });
	return props;
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('Controls', () => {
	it('has real buttons with the agreed names and a labelled Speed picker', () => {
		setup();
		for (const name of ['Restart', 'Step back', 'Play', 'Step forward'])
			expect(button(name).tagName).toBe('BUTTON');
		const speed = screen.getByLabelText('Speed') as HTMLSelectElement;
		expect(speed.tagName).toBe('SELECT');
		expect(speed.value).toBe('normal');
		expect([...speed.options].map((o) => o.value)).toEqual(['slow', 'normal', 'fast', 'instant']);
	});

	it('calls back for each button', async () => {
		const props = setup();
		await fireEvent.click(button('Play'));
		await fireEvent.click(button('Step back'));
		await fireEvent.click(button('Step forward'));
		await fireEvent.click(button('Restart'));
		expect(props.onplay).toHaveBeenCalledOnce();
		expect(props.onstepback).toHaveBeenCalledOnce();
		expect(props.onstepforward).toHaveBeenCalledOnce();
		expect(props.onrestart).toHaveBeenCalledOnce();
		expect(props.onpause).not.toHaveBeenCalled();
	});

	it('turns Play into Pause while playing', async () => {
		const props = setup({ status: 'playing' });
		expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
		await fireEvent.click(button('Pause'));
		expect(props.onpause).toHaveBeenCalledOnce();
		expect(props.onplay).not.toHaveBeenCalled();
	});

	it('disables stepping where it is impossible, and everything but speed when idle', () => {
		setup({ status: 'idle', canStepBack: false, canStepForward: false });
		expect(button('Step back').disabled).toBe(true);
		expect(button('Step forward').disabled).toBe(true);
		expect(button('Play').disabled).toBe(true);
		expect(button('Restart').disabled).toBe(true);
		expect((screen.getByLabelText('Speed') as HTMLSelectElement).disabled).toBe(false);
	});

	it('keeps Play enabled when done, to play again', () => {
		setup({ status: 'done', canStepForward: false });
		expect(button('Play').disabled).toBe(false);
		expect(button('Step forward').disabled).toBe(true);
		expect(button('Step back').disabled).toBe(false);
	});

	it('reports a new speed', async () => {
		const props = setup();
		await fireEvent.change(screen.getByLabelText('Speed'), { target: { value: 'fast' } });
		expect(props.onspeed).toHaveBeenCalledWith('fast');
	});
});
