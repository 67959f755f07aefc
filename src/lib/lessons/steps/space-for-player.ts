/**
 * After a step's send button was pressed, Space plays or pauses the stage's player, as it does
 * inside the player, instead of sending the same request again (Enter still sends). The request
 * is on its way and the student watches it: pausing is what Space is for then.
 */
import type { LessonSession } from '../lesson-session.svelte';

export function spaceForPlayer(
	node: HTMLElement,
	options: { session: LessonSession; sent: boolean }
): { update(next: typeof options): void; destroy(): void } {
	let current = options;
	const handle = (event: KeyboardEvent) => {
		if (event.key !== ' ' || !current.sent) return;
		// A button is activated on Space's keyup: stop both, and toggle once, on keydown.
		event.preventDefault();
		if (event.type === 'keydown' && !event.repeat) current.session.togglePlayback();
	};
	node.addEventListener('keydown', handle);
	node.addEventListener('keyup', handle);
	return {
		update(next) {
			current = next;
		},
		destroy() {
			node.removeEventListener('keydown', handle);
			node.removeEventListener('keyup', handle);
		}
	};
}
