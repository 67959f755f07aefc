/**
 * Steps of the golden replay (`tests/unit/golden-replay.test.ts`) where the simulation still
 * answers differently from the recorded real stack, keyed `sequence/step` → one-line reason.
 * The replay runs each of them as `it.fails`: the suite stays green while the difference exists,
 * and turns red as soon as a step starts to match, so that its entry is removed here.
 *
 * This list must shrink to EMPTY. Two helpers work on it on separate branches:
 * - fidelity-django (Django-side differences: templates, CSRF, sessions, views, debug pages);
 * - fidelity-drf-nginx (DRF, nginx and MSW-layer differences), which merges fidelity-django to get
 *   this harness and deletes its own entries as it fixes them.
 * Never add an entry to hide a new difference: fix the mechanism instead.
 */
export const KNOWN_DIFFERENCES: Record<string, string> = {
	'api-token/orders-bad-token':
		'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/orders-spaces-token':
		'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/orders-after':
		'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'static/traversal-encoded-slash':
		'django: build_absolute_uri() resolves dot segments (the DEBUG 404 Request URL); nginx: encoded traversal, normalise the decoded path',
	'static/traversal-all-encoded':
		'django: build_absolute_uri() resolves dot segments (the DEBUG 404 Request URL); nginx: encoded traversal, normalise the decoded path'
};
