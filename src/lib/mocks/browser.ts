/**
 * Starts Mock Service Worker in the page, lazily (msw/browser is ~150 KiB): call it after the
 * first paint. Resolves once the worker is ready to answer, so no request races it.
 */
import { base } from '$app/paths';

export type SimulationMode = 'service-worker' | 'in-page';

let started: Promise<SimulationMode> | undefined;

export function startSimulation(): Promise<SimulationMode> {
	started ??= (async () => {
		const [{ setupWorker }, { createHandlers }] = await Promise.all([
			import('msw/browser'),
			import('./handlers')
		]);
		const worker = setupWorker(...createHandlers());
		await worker.start({
			serviceWorker: { url: `${base}/mockServiceWorker.js`, options: { scope: `${base}/` } },
			onUnhandledRequest: 'bypass',
			quiet: true
		});
		return 'service-worker' as const;
	})();
	return started;
}
