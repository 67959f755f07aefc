/**
 * Stepping through a redirect with a real `fetch` (msw/node and the simulated stack): GET /blog
 * answers 301 (APPEND_SLASH) and fetch follows it to /blog/. The step that brings the 301 to the
 * browser must show that hop, and the follow-up request waits for the next step instead of
 * playing by itself or sitting on top of the 301 at the Browser node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { server } from '$lib/mocks/node';
import type { Trace } from '$lib/sim/types';
import { playerMachine } from './player.machine';
import { currentOf, flights, statusOf } from './player.selectors';
import { presentOn } from './presenter';
import { SHORT_PATH, makeTrace } from './testing';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('stepping through a redirect', () => {
	it('shows the 301 reach the browser, then the request that follows it', async () => {
		const player = createActor(playerMachine, { input: { autoplay: false } }).start();
		const disconnect = presentOn(player);
		const response = fetch('https://mysite.test/blog', { credentials: 'include' });
		await expect.poll(() => player.getSnapshot().context.entries.length).toBe(1);
		const [{ trace: redirect }] = player.getSnapshot().context.entries;
		expect(redirect.status).toBe(301);
		const last = redirect.hops.length - 1;
		expect(redirect.hops[last].to).toBe('browser');

		for (let i = 0; i < last; i++) player.send({ type: 'playback.stepForward' });
		expect(currentOf(player.getSnapshot())?.hop.index).toBe(last - 1);
		// The step that delivers the 301: the browser follows it with GET /blog/.
		player.send({ type: 'playback.stepForward' });
		await expect.poll(() => player.getSnapshot().context.entries.length).toBe(2);
		const snapshot = player.getSnapshot();
		const follow = snapshot.context.entries[1].trace;
		expect(follow.url).toBe('https://mysite.test/blog/');
		expect(statusOf(snapshot)).toBe('paused');
		const shown = currentOf(snapshot);
		expect(`${shown?.trace.id}#${shown?.hop.index}`).toBe(`${redirect.id}#${last}`);
		// One packet at the Browser node: the 301 that arrived (the new request has not left yet).
		expect(flights(snapshot).map((f) => f.traceId)).toEqual([redirect.id]);

		player.send({ type: 'playback.stepForward' });
		const next = currentOf(player.getSnapshot());
		expect(`${next?.trace.id}#${next?.hop.index}`).toBe(`${follow.id}#0`);
		expect(flights(player.getSnapshot()).map((f) => f.traceId)).toEqual([follow.id]);

		player.send({ type: 'playback.speed', speed: 'instant' });
		expect((await response).status).toBe(200);
		disconnect();
		player.stop();
	}, 30_000);

	it('plays the follow-up by itself when the redirect was played, not stepped', async () => {
		const player = createActor(playerMachine, { input: { speed: 'fast' } }).start();
		const disconnect = presentOn(player);
		const response = fetch('https://mysite.test/blog', { credentials: 'include' });
		// 22 hops at 250 ms, then the follow-up arrives and plays on.
		await expect
			.poll(() => player.getSnapshot().context.entries.length, { timeout: 60_000 })
			.toBe(2);
		expect(statusOf(player.getSnapshot())).toBe('playing');
		player.send({ type: 'playback.speed', speed: 'instant' });
		expect((await response).status).toBe(200);
		disconnect();
		player.stop();
	}, 90_000);
});

describe('a redirect followed while stepping (the machine alone)', () => {
	/** A 301 whose delivery makes the "browser" send the request it points to. */
	function redirectAndFollowUp(send: (trace: Trace) => void) {
		const redirect = makeTrace('r301', SHORT_PATH, 'https://mysite.test/blog');
		Object.assign(redirect, {
			status: 301,
			response: { ...redirect.response, status: 301, headers: [['Location', '/blog/']] }
		});
		const follow = makeTrace('r200', SHORT_PATH, 'https://mysite.test/blog/');
		return { redirect, follow, deliver: () => send(follow) };
	}

	it('stays on the 301 at the browser; the next step starts the follow-up', () => {
		// The playground's player: it plays by itself; the student paused it to step.
		const player = createActor(playerMachine, { input: { autoplay: true } }).start();
		const { redirect, follow, deliver } = redirectAndFollowUp((trace) =>
			player.send({ type: 'trace.add', trace })
		);
		player.send({ type: 'trace.add', trace: redirect, deliver });
		player.send({ type: 'playback.pause' });
		for (let i = 0; i < redirect.hops.length; i++) player.send({ type: 'playback.stepForward' });
		const snapshot = player.getSnapshot();
		expect(snapshot.context.entries.map((e) => e.trace.id)).toEqual(['r301', 'r200']);
		expect(statusOf(snapshot)).toBe('paused');
		expect(currentOf(snapshot)?.hop.index).toBe(redirect.hops.length - 1);
		expect(flights(snapshot).map((f) => f.traceId)).toEqual(['r301']);
		player.send({ type: 'playback.stepForward' });
		const next = currentOf(player.getSnapshot());
		expect(`${next?.trace.id}#${next?.hop.index}`).toBe(`${follow.id}#0`);
		player.stop();
	});

	it('a request that does not follow the redirect still plays by itself', () => {
		const player = createActor(playerMachine, { input: { autoplay: true } }).start();
		const first = makeTrace('first', SHORT_PATH);
		player.send({ type: 'trace.add', trace: first });
		player.send({ type: 'playback.pause' });
		for (let i = 0; i < first.hops.length; i++) player.send({ type: 'playback.stepForward' });
		expect(statusOf(player.getSnapshot())).toBe('done');
		player.send({ type: 'trace.add', trace: makeTrace('second', SHORT_PATH) });
		expect(statusOf(player.getSnapshot())).toBe('playing');
		player.stop();
	});
});
