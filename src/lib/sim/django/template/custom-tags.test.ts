/** Tag libraries of installed apps: simple tags, inclusion tags, the admin's per-model templates. */
import { describe, expect, it } from 'vitest';
import type { Context } from './context';
import { markSafe } from './safe';
import { inclusionAdminTag, inclusionTag, simpleTag } from './tags/custom-tags';
import { engineWith } from './test-helpers';

const LIBRARIES = {
	shop_tags: {
		tags: {
			// Keyword arguments arrive as one object after the positional ones.
			price: simpleTag(
				(amount, kwargs) =>
					`${(kwargs as { currency?: string } | undefined)?.currency ?? '€'}${Number(amount).toFixed(2)}`
			),
			bold: simpleTag((text) => markSafe(`<b>${String(text)}</b>`)),
			user_name: simpleTag((context) => (context as Context).get('name'), { takesContext: true }),
			greeting: inclusionTag('shop/greeting.html', (name) => ({ who: name })),
			object_tools: inclusionAdminTag('tools.html', (context) => context, { takesContext: true })
		}
	}
};

function engine(templates: Record<string, string> = {}) {
	return engineWith(
		{
			'shop/greeting.html': 'Hello, {{ who }}!{% if name %} (sees {{ name }}){% endif %}',
			'admin/tools.html': 'generic tools for {{ opts.model_name }}',
			'admin/blog/post/tools.html': 'tools for posts',
			...templates
		},
		{ libraries: LIBRARIES }
	);
}

describe('simple_tag', () => {
	it('passes positional and keyword arguments, escapes unless safe, and stores with as', () => {
		const html = engine().renderString(
			'{% load shop_tags %}{% price 3 %} {% price amount currency="$" %} {% bold "<i>" %} {% price 2 as p %}[{{ p }}] {% user_name %}',
			{ amount: 1.5, name: '<Ann>' }
		).html;
		expect(html).toBe('€3.00 $1.50 <b><i></b> [€2.00] &lt;Ann&gt;');
	});

	it('refuses a positional argument after a keyword one, when the template is parsed', () => {
		expect(() => engine().renderString('{% load shop_tags %}{% price currency="$" 3 %}')).toThrow(
			"'price' received some positional argument(s) after some keyword argument(s)"
		);
	});
});

describe('inclusion_tag', () => {
	it('renders its template with only the dictionary it returns (context.new)', () => {
		const html = engine().renderString('{% load shop_tags %}{% greeting "Bob" %}', {
			name: 'Ann'
		}).html;
		expect(html).toBe('Hello, Bob!');
	});

	it('lets an admin tag find the per-model template first, then the generic one', () => {
		const e = engine();
		const post = e.renderString('{% load shop_tags %}{% object_tools %}', {
			opts: { app_label: 'blog', model_name: 'post' }
		}).html;
		const product = e.renderString('{% load shop_tags %}{% object_tools %}', {
			opts: { app_label: 'shop', model_name: 'product' }
		}).html;
		expect([post, product]).toEqual(['tools for posts', 'generic tools for product']);
	});
});

describe('libraries', () => {
	it('are known only to an engine that was given them, as apps register theirs', () => {
		expect(() => engineWith().renderString('{% load shop_tags %}')).toThrow(
			"'shop_tags' is not a registered tag library."
		);
		expect(engine().renderString('{% load static shop_tags %}ok').html).toBe('ok');
	});
});
