/**
 * A real `fetch` through the MSW handlers (msw/node) and the simulated stack stays pending until
 * the player delivers its animated response: the whole held-request path, without a browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { playerMachine } from '$lib/flow/player.machine';
import { statusOf } from '$lib/flow/player.selectors';
import { presentOn } from '$lib/flow/presenter';
import { server } from '$lib/mocks/node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('a fetch held by the player', () => {
	it('resolves only when the response hop reaches the browser', async () => {
		const player = createActor(playerMachine, { input: { autoplay: false } }).start();
		const disconnect = presentOn(player);
		let answered = false;
		const response = fetch('https://mysite.test/blog/3/').then((r) => ((answered = true), r));
		await expect.poll(() => player.getSnapshot().context.entries.length).toBe(1);
		const [{ trace }] = player.getSnapshot().context.entries;
		expect(trace.hops.length).toBeGreaterThan(10);
		for (let i = 0; i < trace.hops.length - 1; i++) player.send({ type: 'playback.stepForward' });
		await new Promise((r) => setTimeout(r, 50));
		expect(answered).toBe(false);
		player.send({ type: 'playback.stepForward' });
		expect(statusOf(player.getSnapshot())).toBe('done');
		expect((await response).status).toBe(200);
		disconnect();
		player.stop();
	});
});
