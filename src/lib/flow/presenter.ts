/**
 * Connects a player to the trace bus: every trace the simulated stack produces is added to the
 * player, and the real `fetch` that caused it stays pending until the player delivers it (the
 * animated response reaches the browser, the safety release four minutes after the page sent it,
 * instant speed, or the player is cleared or lets the request go).
 */
import { setPresenter } from './trace-bus';
import type { PlayerActor } from './player.machine';

/** Makes `player` the page's presenter. Returns a function that disconnects it. */
export function presentOn(player: PlayerActor): () => void {
	return setPresenter(
		(trace, { receivedAt }) =>
			new Promise<void>((resolve) =>
				player.send({ type: 'trace.add', trace, deliver: resolve, receivedAt })
			)
	);
}
