/**
 * Playback speeds of the player and how long one hop's travel lasts at each.
 *
 * `instant` plays no animation: each trace jumps to its end and its response is delivered at once.
 * The durations are wall-clock milliseconds per hop, the same for every hop, so that a student can
 * follow a long trace (40+ hops) at `normal` in well under a minute.
 */
export const SPEEDS = ['slow', 'normal', 'fast', 'instant'] as const;
export type Speed = (typeof SPEEDS)[number];

/** Wall-clock milliseconds one hop takes to travel its edge, per speed. */
export const HOP_DURATION_MS: Readonly<Record<Speed, number>> = {
	slow: 1600,
	normal: 700,
	fast: 250,
	instant: 0
};

/** Plain labels for the speed picker and narration. */
export const SPEED_LABEL: Readonly<Record<Speed, string>> = {
	slow: 'Slow',
	normal: 'Normal',
	fast: 'Fast',
	instant: 'Instant'
};

export const DEFAULT_SPEED: Speed = 'normal';

export function hopDurationMs(speed: Speed): number {
	return HOP_DURATION_MS[speed];
}

export function isSpeed(value: unknown): value is Speed {
	return typeof value === 'string' && (SPEEDS as readonly string[]).includes(value);
}
