import { describe, expect, it } from 'vitest';
import { TraceRecorder } from '../trace';
import {
	callServer,
	Internet,
	jsonRequest,
	OutsideUnavailable,
	type OutsideServer
} from './internet';

const echo: OutsideServer = {
	host: 'api.payments.test',
	node: 'payment-api',
	handle: (request) => ({
		status: 201,
		statusText: 'Created',
		headers: [['Content-Type', 'application/json']],
		body: JSON.stringify({ got: new TextDecoder().decode(request.body) })
	})
};

describe('callServer', () => {
	it('records the request leaving the view and the answer coming back, with raw HTTP', async () => {
		const internet = new Internet([echo]);
		const recorder = new TraceRecorder();
		const response = await callServer(
			jsonRequest('POST', 'https://api.payments.test/v1/charges', { amount: 1250 }, [
				['Authorization', 'Bearer sk_test_123']
			]),
			{ internet, recorder, now: () => 0, timeoutS: 5, summary: 'The view asks for a charge.' }
		);
		expect(response.status).toBe(201);
		const [out, back] = recorder.hops;
		expect([out.from, out.to, out.kind]).toEqual(['view', 'payment-api', 'request']);
		expect(out.detail.http).toMatch(/^POST \/v1\/charges HTTP\/1\.1\nHost: api\.payments\.test\n/);
		expect(out.detail.http).toContain('Authorization: Bearer sk_test_123');
		expect([back.from, back.to, back.kind]).toEqual(['payment-api', 'view', 'response']);
		expect(back.detail.http).toMatch(/^HTTP\/1\.1 201 Created\n/);
	});

	it('waits for the timeout and raises ReadTimeout when the server is down', async () => {
		const internet = new Internet([echo]);
		internet.setUp('api.payments.test', false);
		const recorder = new TraceRecorder();
		const call = callServer(jsonRequest('POST', 'https://api.payments.test/v1/charges', {}), {
			internet,
			recorder,
			now: () => 0,
			timeoutS: 5,
			summary: 'The view asks for a charge.'
		});
		await expect(call).rejects.toBeInstanceOf(OutsideUnavailable);
		await expect(call).rejects.toMatchObject({ pythonName: 'requests.exceptions.ReadTimeout' });
		expect(recorder.now).toBeGreaterThanOrEqual(5000);
		expect(recorder.hops.map((h) => h.kind)).toEqual(['request', 'response']);
		internet.reset();
		expect(internet.isUp('api.payments.test')).toBe(true);
	});

	it('cannot resolve a host nobody serves', async () => {
		const call = callServer(jsonRequest('GET', 'https://nowhere.test/', undefined), {
			internet: new Internet(),
			recorder: new TraceRecorder(),
			now: () => 0,
			timeoutS: 5,
			summary: 'x'
		});
		await expect(call).rejects.toMatchObject({ pythonName: 'requests.exceptions.ConnectionError' });
	});
});
