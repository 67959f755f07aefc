import { describe, expect, it } from 'vitest';
import { clickedLink, invalidMessage, pageResources, submission } from './page-events';

function page(html: string) {
	document.head.innerHTML = '<base href="https://mysite.test/blog/3/">';
	document.body.innerHTML = html;
}

function submitEvent(form: HTMLFormElement, submitter: HTMLElement | null) {
	let captured: SubmitEvent | undefined;
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		captured = e;
	});
	form.requestSubmit(submitter);
	return captured!;
}

describe('page events (jsdom)', () => {
	it('reads a clicked link against the base URL, ignoring modified clicks and non-links', () => {
		page('<p><a href="comment/"><span>Comment</span></a> <b>plain</b></p>');
		const span = document.querySelector('span')!;
		const click = new MouseEvent('click', { bubbles: true, button: 0 });
		Object.defineProperty(click, 'target', { value: span });
		expect(clickedLink(click)?.href).toBe('https://mysite.test/blog/3/comment/');
		const ctrl = new MouseEvent('click', { bubbles: true, ctrlKey: true });
		Object.defineProperty(ctrl, 'target', { value: span });
		expect(clickedLink(ctrl)).toBeNull();
		const plain = new MouseEvent('click', { bubbles: true });
		Object.defineProperty(plain, 'target', { value: document.querySelector('b') });
		expect(clickedLink(plain)).toBeNull();
	});

	it('sends the form data with the submitter, read through getAttribute even if a field is named action', () => {
		page(`<form method="post" action="comment/">
			<input name="action" value="hidden-field">
			<input name="author" value="Ann">
			<textarea name="body">Hi &amp; bye</textarea>
			<button name="save" value="draft">Save draft</button>
			<button name="save" value="publish">Publish</button>
		</form>`);
		const form = document.querySelector('form')!;
		const publish = document.querySelectorAll('button')[1];
		const { request, entries } = submission(
			submitEvent(form, publish),
			'https://mysite.test/blog/3/'
		);
		expect(entries).toEqual([
			['action', 'hidden-field'],
			['author', 'Ann'],
			['body', 'Hi & bye'],
			['save', 'publish']
		]);
		expect(request).toMatchObject({
			method: 'POST',
			url: 'https://mysite.test/blog/3/comment/',
			body: { kind: 'urlencoded' }
		});
	});

	it('turns a GET form into a query string, with formaction on the button winning', () => {
		page(
			`<form action="/blog/"><input name="q" value="a b"><button formaction="/search/">Go</button></form>`
		);
		const form = document.querySelector('form')!;
		const { request } = submission(
			submitEvent(form, document.querySelector('button')),
			'https://mysite.test/blog/3/'
		);
		expect(request).toMatchObject({ method: 'GET', url: 'https://mysite.test/search/?q=a+b' });
	});

	it('names the field the browser refused, with its own message', () => {
		page(
			'<form><label for="p">Product:</label><select id="p" name="product" required><option value="">---</option></select><input name="quantity" type="number" min="1" value="0"></form>'
		);
		const select = document.querySelector('select')!;
		expect(select.checkValidity()).toBe(false);
		expect(invalidMessage(select)).toMatch(/^The browser did not send the form\. Product: .+/);
		expect(invalidMessage(document.querySelector('input')!)).toMatch(
			/^The browser did not send the form\. quantity: /
		);
	});

	it('lists the stylesheets, images and scripts a page names, resolved against its base', () => {
		page(
			'<link rel="Stylesheet" href="/static/css/site.css"><img src="../logo.svg" alt=""><script src="app.js"></script><link rel="icon" href="/favicon.ico">'
		);
		expect(pageResources(document)).toEqual({
			styleAndImages: [
				'https://mysite.test/static/css/site.css',
				'https://mysite.test/blog/logo.svg'
			],
			scripts: ['https://mysite.test/blog/3/app.js']
		});
	});
});
