/**
 * Steps of the golden replay (`tests/unit/golden-replay.test.ts`) where the simulation still
 * answers differently from the recorded real stack, keyed `sequence/step` → one-line reason.
 * The replay runs each of them as `it.fails`: the suite stays green while the difference exists,
 * and turns red as soon as a step starts to match, so that its entry is removed here.
 *
 * It is empty: every recorded step matches. Never add an entry to hide a new difference: fix the
 * mechanism (Django, DRF, gunicorn or nginx as the simulation plays it) instead.
 */
export const KNOWN_DIFFERENCES: Record<string, string> = {};
