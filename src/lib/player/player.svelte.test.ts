import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishTrace } from '$lib/flow/trace-bus';
import { SHORT_PATH, makeTrace } from '$lib/flow/testing';
import { createPlayer, type HopChange } from './player.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createPlayer', () => {
	it('presents published traces and tells hosts about every hop change', async () => {
		const player = createPlayer({ autoplay: false, now: () => Date.now() });
		const changes: HopChange[] = [];
		const stop = player.controller.onHop((c) => changes.push(c));
		expect(changes).toEqual([{ trace: null, hop: null, status: 'idle', level: 'everything' }]);

		let delivered = false;
		const pending = publishTrace(makeTrace('a', SHORT_PATH)).then(() => (delivered = true));
		expect(player.snapshot.value).toBe('paused');
		for (let i = 0; i < 3; i++) player.controller.stepForward();
		await Promise.resolve();
		expect(delivered).toBe(false);
		player.controller.stepForward();
		await pending;
		expect(delivered).toBe(true);
		expect(changes.slice(1).map((c) => `${c.hop?.index} ${c.status}`)).toEqual([
			'undefined paused',
			'0 paused',
			'1 paused',
			'2 paused',
			'3 done'
		]);
		stop();
		player.destroy();
	});

	it('hands held responses to the page when destroyed', async () => {
		const player = createPlayer({ autoplay: false, now: () => Date.now() });
		const pending = publishTrace(makeTrace('b', SHORT_PATH));
		player.destroy();
		await expect(pending).resolves.toBeUndefined();
		// Without a presenter, responses go straight through.
		await expect(publishTrace(makeTrace('c', SHORT_PATH))).resolves.toBeUndefined();
	});
});
