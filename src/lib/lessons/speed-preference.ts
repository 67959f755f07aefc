/**
 * The player's speed the student chose last, kept between pages (a lesson, the next lesson, the
 * playground). Storage may be missing, full or refused (private mode, a sandboxed embed): then the
 * player simply starts at its default speed.
 */
import { isSpeed, type Speed } from '$lib/flow/speed';

const KEY = 'request-flow:speed:v1';

export function storedSpeed(): Speed | undefined {
	try {
		const value = localStorage.getItem(KEY);
		return value !== null && isSpeed(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

export function storeSpeed(speed: Speed): void {
	try {
		localStorage.setItem(KEY, speed);
	} catch {
		/* not kept: the player still plays at this speed on this page */
	}
}

/**
 * For an element around a player: remembers the speed the student picks in its Speed control
 * (a `<select>` whose id ends in `-speed`; its `change` event bubbles up to here).
 */
export function rememberSpeedPicks(event: Event): void {
	const target = event.target;
	if (target instanceof HTMLSelectElement && target.id.endsWith('-speed') && isSpeed(target.value))
		storeSpeed(target.value);
}
