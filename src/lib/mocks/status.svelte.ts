/**
 * Where the simulation stands, as reactive state any component can read:
 * `simulationStatus.ready` turns true once a request to the simulated site is answered at once
 * (the service worker, or the in-page fallback, is on and the site is built). Controls that send
 * show "Starting the simulated site…" and stay disabled until then, or await `simulationReady()`
 * from `mocks/browser.ts`. `notice` is the one line to show when requests are answered inside the
 * page (and why, when the service worker went away mid-session).
 */
export type SimulationMode = 'service-worker' | 'in-page';
export type SimulationState = 'idle' | 'starting' | 'ready' | 'failed';

class SimulationStatus {
	state = $state<SimulationState>('idle');
	/** How requests are answered, once known. */
	mode = $state<SimulationMode | null>(null);
	/** Shown beside the player when requests are answered in the page. */
	notice = $state<string | null>(null);

	get ready(): boolean {
		return this.state === 'ready';
	}
}

export const simulationStatus = new SimulationStatus();
