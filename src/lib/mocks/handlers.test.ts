import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeJar, nodeSite, server } from './node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
	nodeJar.clear();
	await (await nodeSite()).reset();
});
afterAll(() => server.close());

describe('the simulated origin in Node', () => {
	it('answers GET / with the demo site’s home page, with a trace id', async () => {
		const response = await fetch('https://mysite.test/');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('server')).toBe('nginx');
		expect(response.headers.get('x-trace-id')).toMatch(/\S+/);
		expect(response.headers.get('server-timing')).toContain('web-server;dur=');
		expect(await response.text()).toContain('<html');
	});
});
