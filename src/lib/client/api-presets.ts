/**
 * The API console's presets: one request for each thing the web-API and authorization lessons
 * show with the demo site's API (see PLAN.md's URL table and seed data: alice owns order 1, bob
 * owns order 2, product 1 is the coffee mug).
 */
import { SITE_ORIGIN } from '$lib/mocks/origin';
import type { ConsoleDraft, HeaderRow, Method } from './api-console';

export interface Preset {
	id: string;
	label: string;
	/** What the student should expect, in one line. */
	expect: string;
	draft: ConsoleDraft;
}

/** The seed users' API tokens (see PLAN.md's demo site). */
export const ALICE_TOKEN = '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b';
export const BOB_TOKEN = '2f1c9e1b0d7a4e3c8b6a5f4d3c2b1a0f9e8d7c6b';

const json: HeaderRow = { name: 'Content-Type', value: 'application/json', enabled: true };
const accept: HeaderRow = { name: 'Accept', value: 'application/json', enabled: true };
const token = (key: string): HeaderRow => ({
	name: 'Authorization',
	value: `Token ${key}`,
	enabled: true
});

function preset(
	id: string,
	label: string,
	expect: string,
	method: Method,
	path: string,
	headers: HeaderRow[],
	body = ''
): Preset {
	return {
		id,
		label,
		expect,
		draft: { method, url: `${SITE_ORIGIN}${path}`, headers, bodyMode: 'json', body }
	};
}

const newOrder = '{\n  "product": 1,\n  "quantity": 2\n}';

export const PRESETS: readonly Preset[] = [
	preset('products', 'List products', 'Expect 200 with a JSON list.', 'GET', '/api/products/', [
		accept
	]),
	preset(
		'my-orders',
		"List my orders (alice's token)",
		"Expect 200 with alice's orders only.",
		'GET',
		'/api/orders/',
		[accept, token(ALICE_TOKEN)]
	),
	preset(
		'order-anonymous',
		'Create an order without a token',
		'Expect 401: the API does not know who you are.',
		'POST',
		'/api/orders/',
		[json, accept],
		newOrder
	),
	preset(
		'order-alice',
		"Create an order with alice's token",
		'Expect 201 Created with a Location header.',
		'POST',
		'/api/orders/',
		[json, accept, token(ALICE_TOKEN)],
		newOrder
	),
	preset(
		'order-update',
		"Update alice's order 1",
		'Expect 200 with the changed order (404 once it is deleted).',
		'PATCH',
		'/api/orders/1/',
		[json, accept, token(ALICE_TOKEN)],
		'{\n  "quantity": 3\n}'
	),
	preset(
		'order-delete',
		"Delete alice's order 1",
		'Expect 204 No Content (and 404 if you send it again).',
		'DELETE',
		'/api/orders/1/',
		[accept, token(ALICE_TOKEN)]
	),
	preset(
		'order-delete-other',
		"Delete bob's order 2 as alice",
		'Expect 403: alice is logged in but may not touch it.',
		'DELETE',
		'/api/orders/2/',
		[accept, token(ALICE_TOKEN)]
	),
	preset(
		'order-invalid-json',
		'Send invalid JSON',
		'Expect 400 with a JSON parse error.',
		'POST',
		'/api/orders/',
		[json, accept, token(ALICE_TOKEN)],
		'{\n  "product": 1,\n  "quantity": 2,\n}'
	)
];
