import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { playerMachine } from './player.machine';
import { presentOn } from './presenter';
import { HOP_DURATION_MS } from './speed';
import { SHORT_PATH, makeTrace } from './testing';
import { publishTrace } from './trace-bus';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the presenter', () => {
	it('holds a published trace until its animated response reaches the browser', async () => {
		const player = createActor(playerMachine, { input: { now: () => Date.now() } }).start();
		const disconnect = presentOn(player);
		let delivered = false;
		const pending = publishTrace(makeTrace('a', SHORT_PATH)).then(() => (delivered = true));
		await vi.advanceTimersByTimeAsync(3 * HOP_DURATION_MS.normal);
		expect(delivered).toBe(false);
		await vi.advanceTimersByTimeAsync(HOP_DURATION_MS.normal);
		await pending;
		expect(delivered).toBe(true);
		disconnect();
		player.stop();
	});

	it('lets responses through at once once the player is disconnected', async () => {
		const player = createActor(playerMachine, { input: { now: () => Date.now() } }).start();
		presentOn(player)();
		await publishTrace(makeTrace('b', SHORT_PATH));
		expect(player.getSnapshot().context.entries).toHaveLength(0);
		player.stop();
	});
});
