import { describe, expect, it, vi } from 'vitest';
import { csrfTokenFor, csrfTokenIn, encodeForm, formPagesFor, parseFormFields } from './form-post';

const PAGE = `<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="abc123"></form>`;

describe('submitting a form as a browser does', () => {
	it('reads the token of the form in a page', () => {
		expect(csrfTokenIn(PAGE)).toBe('abc123');
		expect(csrfTokenIn('<p>no form</p>')).toBeUndefined();
	});

	it('reads fields as a person types them', () => {
		expect(parseFormFields('name=Grace&body=Hello there')).toEqual([
			['name', 'Grace'],
			['body', 'Hello there']
		]);
		expect(parseFormFields('product=3\nquantity=2')).toEqual([
			['product', '3'],
			['quantity', '2']
		]);
		expect(parseFormFields('just text')).toMatch(/name=value/);
	});

	it('puts the token first, as Django renders it, and never twice', () => {
		expect(encodeForm([['body', '<script>']], 'tok')).toBe(
			'csrfmiddlewaretoken=tok&body=%3Cscript%3E'
		);
		expect(encodeForm([['csrfmiddlewaretoken', 'mine']], 'tok')).toBe('csrfmiddlewaretoken=mine');
	});

	it("looks for the form on the action's page, then on its parent page", async () => {
		expect(formPagesFor('/blog/2/comment/')).toEqual(['/blog/2/comment/', '/blog/2/']);
		const open = vi.fn(async (path: string) => (path === '/blog/2/' ? PAGE : 'Method Not Allowed'));
		expect(await csrfTokenFor('/blog/2/comment/', undefined, open)).toBe('abc123');
		expect(open.mock.calls.map(([p]) => p)).toEqual(['/blog/2/comment/', '/blog/2/']);
		// A token from the last page with a form is used as it is: no page is opened.
		open.mockClear();
		expect(await csrfTokenFor('/accounts/login/', 'known', open)).toBe('known');
		expect(open).not.toHaveBeenCalled();
	});
});
