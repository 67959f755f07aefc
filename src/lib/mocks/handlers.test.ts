import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { server } from './node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the simulated origin in Node', () => {
	it('answers GET / with an HTML page', async () => {
		const response = await fetch('https://mysite.test/');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/html');
		expect(await response.text()).toContain('Welcome to mysite');
	});
});
