import { describe, expect, it, vi } from 'vitest';
import { createWorkerWatch, type WatchDeps } from './worker-watch';

/** A fake worker: answers while `answering`; a restart makes it answer when `restartHelps`. */
function fakeWorker(state: { answering: boolean; restartHelps: boolean }) {
	const calls: string[] = [];
	const deps: WatchDeps = {
		probe: vi.fn(async () => (calls.push('probe'), state.answering)),
		restart: vi.fn(async () => {
			calls.push('restart');
			if (state.restartHelps) state.answering = true;
		}),
		fallBack: vi.fn(async () => void calls.push('fallBack'))
	};
	return { deps, calls };
}

describe('createWorkerWatch', () => {
	it('leaves a worker that answers alone', async () => {
		const { deps, calls } = fakeWorker({ answering: true, restartHelps: false });
		expect(await createWorkerWatch(deps).check()).toBe('answering');
		expect(calls).toEqual(['probe']);
	});

	it('starts the worker again when a new one took over and knows nothing of the page', async () => {
		const { deps, calls } = fakeWorker({ answering: false, restartHelps: true });
		expect(await createWorkerWatch(deps).check()).toBe('restarted');
		expect(calls).toEqual(['probe', 'restart', 'probe']);
	});

	it('answers in the page when starting again does not help, and stays there', async () => {
		const { deps, calls } = fakeWorker({ answering: false, restartHelps: false });
		const watch = createWorkerWatch(deps);
		expect(await watch.check()).toBe('in-page');
		expect(calls).toEqual(['probe', 'restart', 'probe', 'fallBack']);
		expect(await watch.check()).toBe('in-page');
		expect(deps.fallBack).toHaveBeenCalledTimes(1);
	});

	it('answers in the page when the restart throws', async () => {
		const { deps } = fakeWorker({ answering: false, restartHelps: false });
		deps.restart = async () => {
			throw new Error('registration failed');
		};
		vi.spyOn(console, 'info').mockImplementation(() => undefined);
		expect(await createWorkerWatch(deps).check()).toBe('in-page');
	});

	it('shares one run between checks that overlap (controllerchange and pageshow together)', async () => {
		const { deps } = fakeWorker({ answering: false, restartHelps: true });
		const watch = createWorkerWatch(deps);
		const [a, b] = await Promise.all([watch.check(), watch.check()]);
		expect([a, b]).toEqual(['restarted', 'restarted']);
		expect(deps.restart).toHaveBeenCalledTimes(1);
	});
});
