/**
 * Connects a player to the trace bus: every trace the simulated stack produces is added to the
 * player, and the real `fetch` that caused it stays pending until the player delivers it (the
 * animated response reaches the browser, the 4-minute safety release, instant speed, or the
 * player is cleared).
 */
import { setPresenter } from './trace-bus';
import type { PlayerActor } from './player.machine';

/** Makes `player` the page's presenter. Returns a function that disconnects it. */
export function presentOn(player: PlayerActor): () => void {
	return setPresenter(
		(trace) =>
			new Promise<void>((resolve) => player.send({ type: 'trace.add', trace, deliver: resolve }))
	);
}
