/**
 * The player steps and restarts on arrow keys and Home anywhere inside it. In a focused scroll box
 * (code, raw HTTP, rows) those keys must scroll the box instead, so they stop here, unhandled.
 */
const SCROLL_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

export function ownScrollKeys(node: HTMLElement) {
	const onkeydown = (event: KeyboardEvent) => {
		if (event.target === node && SCROLL_KEYS.has(event.key)) event.stopPropagation();
	};
	node.addEventListener('keydown', onkeydown);
	return () => node.removeEventListener('keydown', onkeydown);
}
