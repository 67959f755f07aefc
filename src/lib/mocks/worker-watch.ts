/**
 * Keeps the service worker answering for the whole session. It can stop without the page being
 * told: a new deployment installs a new worker that takes control of open pages (it knows nothing
 * of them and lets every request through, so each fails with `Failed to fetch`), or the browser
 * stops an idle worker while the page sits in the back/forward cache and it forgets the page.
 *
 * `check()` asks the worker a question only the page's handlers answer (the probe); if no answer
 * comes, it starts MSW's worker again (which activates this page with the worker now in control)
 * and asks again; if there is still no answer, requests are answered in the page from then on.
 * Checks that overlap share one run.
 */
export type WatchOutcome = 'answering' | 'restarted' | 'in-page';

export interface WatchDeps {
	/** Resolves true when a request to the simulated site is answered by the page's handlers. */
	probe(): Promise<boolean>;
	/** Starts MSW's worker again. */
	restart(): Promise<void>;
	/** Answers requests in the page from now on. */
	fallBack(): Promise<void>;
}

export function createWorkerWatch(deps: WatchDeps): { check(): Promise<WatchOutcome> } {
	let running: Promise<WatchOutcome> | undefined;
	let gaveUp = false;
	const run = async (): Promise<WatchOutcome> => {
		if (gaveUp) return 'in-page';
		if (await deps.probe()) return 'answering';
		try {
			await deps.restart();
			if (await deps.probe()) return 'restarted';
		} catch (error) {
			console.info('Request Flow: the service worker could not be started again.', error);
		}
		gaveUp = true;
		await deps.fallBack();
		return 'in-page';
	};
	return {
		check() {
			running ??= run().finally(() => (running = undefined));
			return running;
		}
	};
}
