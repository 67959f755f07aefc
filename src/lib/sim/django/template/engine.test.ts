import { describe, expect, it } from 'vitest';
import {
	createTemplateEngine,
	templateDebugInfo,
	TemplateDoesNotExist,
	TemplateSyntaxError
} from './index';
import { engineWith } from './test-helpers';

// The example from Django's "The Django template language: Template inheritance".
const BASE = `<!DOCTYPE html>
<html lang="en">
<head>
    <link rel="stylesheet" href="style.css">
    <title>{% block title %}My amazing site{% endblock %}</title>
</head>

<body>
    <div id="sidebar">
        {% block sidebar %}
        <ul>
            <li><a href="/">Home</a></li>
            <li><a href="/blog/">Blog</a></li>
        </ul>
        {% endblock %}
    </div>

    <div id="content">
        {% block content %}{% endblock %}
    </div>
</body>
</html>`;

const CHILD = `{% extends "base.html" %}

{% block title %}My amazing blog{% endblock %}

{% block content %}
{% for entry in blog_entries %}
    <h2>{{ entry.title }}</h2>
    <p>{{ entry.body }}</p>
{% endfor %}
{% endblock %}`;

describe('template inheritance', () => {
	const engine = engineWith({
		'base.html': BASE,
		'blog/index.html': CHILD,
		'blog/section.html':
			'{% extends "blog/index.html" %}{% block title %}{{ section }} - {{ block.super }}{% endblock %}',
		'bad-super.html': '{% block a %}{{ block.super }}{% endblock %}'
	});
	const entries = [
		{ title: 'Entry one', body: 'This is my first entry.' },
		{ title: 'Entry two', body: 'This is my second entry.' }
	];

	it("renders the docs example: the child's blocks replace the parent's, others stay", () => {
		const { html, used } = engine.render('blog/index.html', { blog_entries: entries });
		expect(html).toContain('<title>My amazing blog</title>');
		expect(html).toContain('<li><a href="/blog/">Blog</a></li>');
		expect(html).toContain('<h2>Entry one</h2>\n    <p>This is my first entry.</p>');
		// Text outside the child's blocks is not rendered: the output is the base's text.
		expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(used).toEqual(['blog/index.html', 'base.html']);
	});

	it('renders three levels with {{ block.super }}', () => {
		const { html, used } = engine.render('blog/section.html', {
			section: 'News',
			blog_entries: []
		});
		expect(html).toContain('<title>News - My amazing blog</title>');
		expect(used).toEqual(['blog/section.html', 'blog/index.html', 'base.html']);
	});

	it('refuses {{ block.super }} in a template that extends nothing', () => {
		expect(() => engine.render('bad-super.html')).toThrow(
			'Did you use {{ block.super }} in a base template?'
		);
	});

	it('requires extends to be the first tag, and only once', () => {
		const e = engineWith({
			'a.html': '{% load static %}{% extends "base.html" %}',
			'b.html': '{% extends "base.html" %}{% extends "base.html" %}',
			'c.html': '{% block x %}{% endblock %}{% block x %}{% endblock %}'
		});
		expect(() => e.render('a.html')).toThrow(
			`<ExtendsNode: extends "base.html"> must be the first tag in the template.`
		);
		expect(() => e.render('b.html')).toThrow(
			"'extends' cannot appear more than once in the same template"
		);
		expect(() => e.render('c.html')).toThrow("'block' tag with name 'x' appears more than once");
	});
});

describe('include', () => {
	const engine = engineWith({
		'page.html':
			'{% for p in posts %}{% include "card.html" %}{% endfor %}|{% include "card.html" with p=one only %}|{% include "greet.html" with greeting="Hi" %}',
		'card.html': '[{{ p.title }}{{ secret }}]',
		'greet.html': '{{ greeting }}, {{ user }}',
		'missing.html': '{% include "nope.html" %}'
	});

	it('renders with the current context, or only the given names', () => {
		const { html, used } = engine.render('page.html', {
			posts: [{ title: 'A' }, { title: 'B' }],
			one: { title: 'One' },
			secret: '!',
			user: 'alice'
		});
		expect(html).toBe('[A!][B!]|[One]|Hi, alice');
		expect(used).toEqual(['page.html', 'card.html', 'greet.html']);
	});

	it('raises TemplateDoesNotExist for a missing template', () => {
		expect(() => engine.render('missing.html')).toThrow(TemplateDoesNotExist);
		expect(() => engine.render('nothing-here.html')).toThrow(
			new TemplateDoesNotExist('nothing-here.html')
		);
	});
});

describe('the engine', () => {
	it('compiles each template once and reuses it', () => {
		let loads = 0;
		const engine = createTemplateEngine({
			loader: (name) => {
				loads++;
				return name === 'a.html' ? 'Hello {{ name }}' : undefined;
			}
		});
		expect(engine.render('a.html', { name: 'alice' }).html).toBe('Hello alice');
		expect(engine.render('a.html', { name: 'bob' }).html).toBe('Hello bob');
		expect(loads).toBe(1);
		engine.clearCache();
		engine.getTemplate('a.html');
		expect(loads).toBe(2);
	});

	it('names the template in syntax errors', () => {
		const engine = engineWith({ 'x.html': 'line 1\n{{ a|nope }}' });
		try {
			engine.render('x.html');
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(TemplateSyntaxError);
			expect((e as TemplateSyntaxError).templateName).toBe('x.html');
			expect((e as TemplateSyntaxError).line).toBe(2);
		}
	});

	it('can start with autoescaping off', () => {
		const engine = engineWith();
		expect(engine.renderString('{{ v }}', { v: '<b>' }, { autoescape: false }).html).toBe('<b>');
		expect(engine.renderString('{{ v }}', { v: '<b>' }).used).toEqual(['<string>']);
	});

	it('uses the configured STATIC_URL', () => {
		const engine = engineWith({}, { staticUrl: 'https://cdn.test/s/' });
		expect(engine.renderString("{% load static %}{% static 'css/site.css' %}").html).toBe(
			'https://cdn.test/s/css/site.css'
		);
	});
});

describe('errors while rendering', () => {
	it('carry the template and line where they happened, for the DEBUG page', () => {
		const engine = engineWith({
			'base.html': '<html>\n{% block content %}{% endblock %}\n</html>',
			'page.html':
				'{% extends "base.html" %}\n{% block content %}\n<p>ok</p>\n<a href="{% url \'nope\' %}">x</a>\n{% endblock %}',
			'outer.html': 'line 1\n{% include "inner.html" %}',
			'inner.html': '\n\n{{ post.boom }}'
		});
		try {
			engine.render('page.html');
			expect.unreachable();
		} catch (e) {
			expect((e as Error).name).toBe('NoReverseMatch');
			expect(templateDebugInfo(e)).toEqual({ name: 'page.html', line: 4 });
		}
		try {
			engine.render('outer.html', {
				post: {
					boom: () => {
						throw new Error('boom');
					}
				}
			});
			expect.unreachable();
		} catch (e) {
			expect(templateDebugInfo(e)).toEqual({ name: 'inner.html', line: 3 });
		}
	});
});

describe('relative template names', () => {
	it('resolves ./ and ../ against the template that names them', () => {
		const engine = engineWith({
			'blog/base.html': '[{% block b %}{% endblock %}]',
			'blog/posts/list.html':
				'{% extends "../base.html" %}{% block b %}{% include "./item.html" %}{% endblock %}',
			'blog/posts/item.html': 'item',
			'outside.html': '{% extends "../x.html" %}'
		});
		expect(engine.render('blog/posts/list.html').html).toBe('[item]');
		expect(() => engine.render('outside.html')).toThrow(
			"The relative path '\"../x.html\"' points outside the file hierarchy that template 'outside.html' is in."
		);
	});
});
