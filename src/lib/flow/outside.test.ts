import { describe, expect, it } from 'vitest';
import type { NodeId } from '$lib/sim/types';
import { DJANGO_BOX, traceAt } from './detail-level';
import { outsideNodesReached } from './outside';
import { makeTrace } from './testing';

const CHECKOUT: NodeId[] = [
	'browser',
	'web-server',
	'app-server',
	'middleware',
	'view',
	'payment-api',
	'view',
	'mail-server',
	'view',
	'middleware',
	'app-server',
	'web-server',
	'browser'
];

describe('outsideNodesReached', () => {
	it('lists the outside servers a trace travels to, in a fixed order', () => {
		expect(outsideNodesReached([makeTrace('checkout', CHECKOUT)])).toEqual([
			'payment-api',
			'mail-server'
		]);
		const login = makeTrace('login', ['browser', 'identity-provider', 'browser']);
		expect(outsideNodesReached([null, login, makeTrace('checkout', CHECKOUT)])).toEqual([
			'identity-provider',
			'payment-api',
			'mail-server'
		]);
	});

	it('is empty for a request that stays inside mysite', () => {
		expect(outsideNodesReached([makeTrace('blog', ['browser', 'web-server', 'browser'])])).toEqual(
			[]
		);
		expect(outsideNodesReached([])).toEqual([]);
	});
});

describe('outbound hops at the overview', () => {
	it('leave from and come back to the one Django box', () => {
		const shown = traceAt(makeTrace('checkout', CHECKOUT), 'overview');
		expect(shown.hops.map((h) => `${h.from}>${h.to}`)).toEqual([
			'browser>web-server',
			'web-server>app-server',
			'app-server>middleware',
			`${DJANGO_BOX}>${DJANGO_BOX}`,
			`${DJANGO_BOX}>payment-api`,
			`payment-api>${DJANGO_BOX}`,
			`${DJANGO_BOX}>mail-server`,
			`mail-server>${DJANGO_BOX}`,
			`${DJANGO_BOX}>${DJANGO_BOX}`,
			'middleware>app-server',
			'app-server>web-server',
			'web-server>browser'
		]);
	});

	it('stay as recorded at the other levels', () => {
		const trace = makeTrace('checkout', CHECKOUT);
		expect(
			traceAt(trace, 'django').hops.some((h) => h.from === 'view' && h.to === 'payment-api')
		).toBe(true);
	});
});
