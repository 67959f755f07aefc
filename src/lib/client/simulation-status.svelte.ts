/**
 * Whether the simulated site can answer yet, for the controls that send. Until the service worker
 * (or the in-page fallback) is running, a `fetch` to https://mysite.test would fail ("Failed to
 * fetch"): so a sending control waits for `ready()` and, meanwhile, says "Starting the simulated
 * site…" instead of losing the click.
 */
import { startSimulation } from '$lib/mocks/browser';

/** What a sending control says while the simulation starts. */
export const STARTING_TEXT = 'Starting the simulated site…';

class SimulationStatus {
	/** The simulation answers requests. */
	ready = $state(false);
	/** It could not start: say so instead of waiting for ever. */
	failed = $state(false);
	#started: Promise<unknown> | undefined;

	/** Starts the simulation (once) and resolves when requests can be sent. Browser only. */
	wait(): Promise<unknown> {
		this.#started ??= startSimulation().then(
			(mode) => {
				this.ready = true;
				return mode;
			},
			(error) => {
				this.failed = true;
				throw error;
			}
		);
		return this.#started;
	}
}

export const simulation = new SimulationStatus();
