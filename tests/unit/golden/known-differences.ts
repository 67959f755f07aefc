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
	'anon-browse/api-products': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'anon-browse/api-posts': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'anon-browse/api-post-1': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'resolver-404/api-post-missing': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'resolver-404/utf8-path': 'django: PATH_INFO latin-1/utf-8 round trip',
	'csrf/post-no-cookie': 'django: CSRF failure page in full',
	'csrf/post-cookies-omitted': 'django: CSRF failure page in full',
	'csrf/post-no-token': 'django: CSRF failure page in full',
	'csrf/post-short-token': 'django: CSRF failure page in full',
	'csrf/post-wrong-token': 'django: CSRF failure page in full',
	'csrf/post-bad-chars-token': 'django: CSRF failure page in full',
	'append-slash/get-blog-noslash': 'nginx: chunked when the upstream sends no Content-Length',
	'append-slash/get-detail-noslash': 'nginx: chunked when the upstream sends no Content-Length',
	'append-slash/get-missing-noslash': 'nginx: chunked when the upstream sends no Content-Length',
	'append-slash/get-with-query': 'nginx: chunked when the upstream sends no Content-Length',
	'append-slash/get-api-noslash': 'nginx: chunked when the upstream sends no Content-Length',
	'append-slash/post-noslash': 'nginx: chunked when the upstream sends no Content-Length',
	'append-slash/api-post-noslash': 'nginx: chunked when the upstream sends no Content-Length',
	'blog-author/api-posts-after': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/orders-anon': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/orders-bad-token': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/orders-spaces-token': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/orders-alice': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/order-1': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/order-2-other': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/order-missing': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/create-order': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/create-bad-json': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/create-text-plain': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie; drf: 415 names the full media type',
	'api-token/create-zero': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/create-too-many': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/create-missing-fields': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/create-bad-product': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/create-form-encoded': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/patch-order': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/put-order': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/patch-status-readonly': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/delete-order-other': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/delete-order': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/order-1-gone': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/options-orders': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/head-products': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/post-products': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'api-token/orders-after': 'drf: Vary: Accept from a single renderer; session auth adds Vary: Cookie',
	'static/traversal-encoded-slash': 'django: build_absolute_uri() resolves dot segments (the DEBUG 404 Request URL); nginx: encoded traversal, normalise the decoded path',
	'static/traversal-all-encoded': 'django: build_absolute_uri() resolves dot segments (the DEBUG 404 Request URL); nginx: encoded traversal, normalise the decoded path',
	'nginx-edge/unknown-method': 'django: CSRF failure page in full',
	'nginx-edge/put-home': 'django: CSRF failure page in full',
	'static/css-range': 'nginx: Range requests answer 206',
	'static/static-root': 'nginx: static directories 403, /static/css 301',
	'static/static-dir': 'nginx: static directories 403, /static/css 301',
	'static/static-dir-noslash': 'nginx: static directories 403, /static/css 301',
	'nginx-edge/bad-percent-end': 'nginx/msw: malformed percent-encoding must reach nginx (400)',
	'nginx-edge/bad-percent-hex': 'nginx/msw: malformed percent-encoding must reach nginx (400)',
};
