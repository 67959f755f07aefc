import { describe, expect, it, vi } from 'vitest';
import type { Trace } from '$lib/sim/types';
import { onTrace, publishTrace, setPresenter } from './trace-bus';

const trace = { id: 't1', hops: [] } as unknown as Trace;

describe('trace bus', () => {
	it('resolves at once when no player presents traces', async () => {
		const seen = vi.fn();
		const stop = onTrace(seen);
		await publishTrace(trace);
		expect(seen).toHaveBeenCalledWith(trace);
		stop();
	});

	it('holds the response until the presenter delivers it', async () => {
		let deliver = () => {};
		const remove = setPresenter(() => new Promise<void>((resolve) => (deliver = resolve)));
		let delivered = false;
		const pending = publishTrace(trace).then(() => (delivered = true));
		await Promise.resolve();
		expect(delivered).toBe(false);
		deliver();
		await pending;
		expect(delivered).toBe(true);
		remove();
	});
});
