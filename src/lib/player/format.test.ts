import { describe, expect, it } from 'vitest';
import { pathOf } from './format';

describe('pathOf', () => {
	it("shows mysite's URLs by their path, another server's with its host", () => {
		expect(pathOf('https://mysite.test/blog/3/?ref=home')).toBe('/blog/3/?ref=home');
		expect(pathOf('https://id.example.test/authorize?client_id=mysite')).toBe(
			'id.example.test/authorize?client_id=mysite'
		);
		expect(pathOf('not a url')).toBe('not a url');
	});
});
