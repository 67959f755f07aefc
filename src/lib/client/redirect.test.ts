import { describe, expect, it } from 'vitest';
import { expectedNext, methodAfterRedirect, nextRequest } from './redirect';

describe('redirect rules', () => {
	it('turn POST into GET on 301/302/303 and keep the method on 307/308', () => {
		expect(methodAfterRedirect('POST', 301)).toBe('GET');
		expect(methodAfterRedirect('POST', 302)).toBe('GET');
		expect(methodAfterRedirect('POST', 303)).toBe('GET');
		expect(methodAfterRedirect('PUT', 303)).toBe('GET');
		expect(methodAfterRedirect('HEAD', 303)).toBe('HEAD');
		expect(methodAfterRedirect('PUT', 302)).toBe('PUT');
		expect(methodAfterRedirect('POST', 307)).toBe('POST');
		expect(methodAfterRedirect('DELETE', 308)).toBe('DELETE');
	});

	it('resolve a relative Location against the request URL', () => {
		expect(
			nextRequest('POST', 'https://mysite.test/accounts/login/', 302, '/accounts/profile/')
		).toEqual({
			method: 'GET',
			url: 'https://mysite.test/accounts/profile/'
		});
		expect(nextRequest('GET', 'https://mysite.test/a/', 200, '/b/')).toBeNull();
		expect(nextRequest('GET', 'https://mysite.test/a/', 302, undefined)).toBeNull();
	});

	it('say which request a navigation waits for after each answer', () => {
		const first = { method: 'post', url: 'https://mysite.test/accounts/login/' };
		expect(expectedNext(first, [])).toEqual({ method: 'POST', url: first.url });
		expect(
			expectedNext(first, [
				{ method: 'POST', url: first.url, status: 302, location: '/accounts/profile/' }
			])
		).toEqual({ method: 'GET', url: 'https://mysite.test/accounts/profile/' });
		expect(
			expectedNext(first, [
				{ method: 'GET', url: 'https://mysite.test/accounts/profile/', status: 200 }
			])
		).toBeNull();
	});
});
