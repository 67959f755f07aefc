import { describe, expect, it } from 'vitest';
import { tracesToHar } from './har';
import { outboundTrace, sampleTrace } from './test-trace';

describe('HAR export', () => {
	const har = tracesToHar([sampleTrace]);
	const entry = har.log.entries[0];

	it('is a HAR 1.2 log with one entry per trace', () => {
		expect(har.log.version).toBe('1.2');
		expect(har.log.creator.name).toBe('Request Flow');
		expect(har.log.entries).toHaveLength(1);
		// Round-trips through JSON, as a file would.
		expect(JSON.parse(JSON.stringify(har))).toEqual(har);
	});

	it('carries the request: method, URL, query, headers and cookies', () => {
		expect(entry.request).toMatchObject({
			method: 'GET',
			url: sampleTrace.url,
			httpVersion: 'HTTP/1.1'
		});
		expect(entry.request.queryString).toEqual([{ name: 'ref', value: 'home' }]);
		expect(entry.request.cookies).toEqual([
			{ name: 'sessionid', value: 'abc' },
			{ name: 'csrftoken', value: 'xyz' }
		]);
		expect(entry.request.postData).toBeUndefined();
		expect(entry.request.bodySize).toBe(0);
	});

	it('carries the response: status, headers, cookies and content', () => {
		expect(entry.response).toMatchObject({ status: 200, statusText: 'OK', redirectURL: '' });
		expect(entry.response.cookies).toEqual([{ name: 'csrftoken', value: 'new' }]);
		expect(entry.response.content.mimeType).toBe('text/html; charset=utf-8');
		expect(entry.response.content.size).toBe(new TextEncoder().encode('<h1>Hello; #3</h1>').length);
	});

	it('splits the simulated time into send, wait and receive that add up to the total', () => {
		const { send, wait, receive } = entry.timings;
		expect(send + wait + receive).toBeCloseTo(entry.time);
		expect(entry.startedDateTime).toBe('2026-11-23T12:00:00.000Z');
	});
});

describe('HAR export of a server-to-server call', () => {
	it('keeps the call out of the entries and lists it under _serverCalls', () => {
		const har = tracesToHar([outboundTrace, sampleTrace]);
		expect(har.log.entries).toHaveLength(2);
		const [entry, plain] = har.log.entries;
		expect(entry._traceId).toBe(outboundTrace.id);
		expect(entry._serverCalls).toEqual([
			{
				from: 'view',
				to: 'identity-provider',
				startedDateTime: new Date(outboundTrace.startedAt + 8).toISOString(),
				time: 32,
				request: outboundTrace.hops[1].detail.http,
				response: outboundTrace.hops[2].detail.http
			}
		]);
		expect(plain._serverCalls).toBeUndefined();
	});
});
