import { describe, expect, it } from 'vitest';
import { TemplateSyntaxError } from './index';
import { engineWith, render } from './test-helpers';

describe('{% for %}', () => {
	it('loops with forloop counters and {% empty %}', () => {
		const src =
			'{% for a in athletes %}{{ forloop.counter }}/{{ forloop.counter0 }}/{{ forloop.revcounter }}/{{ forloop.revcounter0 }}{% if forloop.first %}F{% endif %}{% if forloop.last %}L{% endif %} {% empty %}Sorry, no athletes in this list.{% endfor %}';
		expect(render(src, { athletes: ['x', 'y', 'z'] })).toBe('1/0/3/2F 2/1/2/1 3/2/1/0L ');
		expect(render(src, { athletes: [] })).toBe('Sorry, no athletes in this list.');
		expect(render(src, {})).toBe('Sorry, no athletes in this list.');
	});

	it('loops reversed, over strings, and unpacks pairs', () => {
		expect(render('{% for x in l reversed %}{{ x }}{% endfor %}', { l: [1, 2, 3] })).toBe('321');
		expect(render('{% for c in s %}{{ c }}.{% endfor %}', { s: 'abc' })).toBe('a.b.c.');
		expect(
			render('{% for k, v in data.items %}{{ k }}={{ v }};{% endfor %}', { data: { a: 1, b: 2 } })
		).toBe('a=1;b=2;');
		expect(
			render('{% for x , y in points %}({{ x }},{{ y }}){% endfor %}', {
				points: [
					[1, 2],
					[3, 4]
				]
			})
		).toBe('(1,2)(3,4)');
		expect(() => render('{% for a, b in l %}{% endfor %}', { l: [[1, 2, 3]] })).toThrow(
			'Need 2 values to unpack in for loop; got 3.'
		);
	});

	it('gives nested loops forloop.parentloop; the loop variable disappears after the loop', () => {
		const src =
			'{% for r in rows %}{% for c in r %}{{ forloop.parentloop.counter }}.{{ forloop.counter }} {% endfor %}{% endfor %}[{{ r }}]';
		expect(render(src, { rows: [['a', 'b'], ['c']] })).toBe('1.1 1.2 2.1 []');
	});

	it('iterates Maps (keys) and class instances that are iterable', () => {
		class QuerySet {
			constructor(private items: string[]) {}
			[Symbol.iterator]() {
				return this.items[Symbol.iterator]();
			}
		}
		expect(render('{% for p in qs %}{{ p }}{% endfor %}', { qs: new QuerySet(['p1', 'p2']) })).toBe(
			'p1p2'
		);
		expect(render('{% for k in m %}{{ k }}{% endfor %}', { m: new Map([['a', 1]]) })).toBe('a');
	});

	it('rejects malformed for tags with Django messages', () => {
		expect(() => render('{% for x %}{% endfor %}')).toThrow(
			"'for' statements should have at least four words: for x"
		);
		expect(() => render('{% for x on y %}{% endfor %}')).toThrow(
			"'for' statements should use the format 'for x in y': for x on y"
		);
	});
});

describe('{% if %}', () => {
	it('chooses among if, elif and else', () => {
		const src = '{% if n > 10 %}big{% elif n > 5 %}medium{% else %}small{% endif %}';
		expect([20, 7, 1].map((n) => render(src, { n }))).toEqual(['big', 'medium', 'small']);
	});

	it('uses Python truthiness: empty lists and 0 are false, a missing variable is None', () => {
		expect(render('{% if l %}yes{% else %}no{% endif %}', { l: [] })).toBe('no');
		expect(render('{% if n %}yes{% else %}no{% endif %}', { n: 0 })).toBe('no');
		expect(render('{% if missing is None %}none{% endif %}')).toBe('none');
		expect(render('{% if v|default:missing %}yes{% else %}no{% endif %}', { v: 0 })).toBe('no');
	});

	it("gives 'and' higher precedence than 'or', and 'not' higher than both", () => {
		// Django docs: "if athlete_list and coach_list or cheerleader_list" is
		// "(athlete_list and coach_list) or cheerleader_list".
		const src = '{% if a and b or c %}T{% else %}F{% endif %}';
		expect(render(src, { a: false, b: true, c: true })).toBe('T');
		expect(render(src, { a: true, b: false, c: false })).toBe('F');
		const src2 = '{% if a or b and c %}T{% else %}F{% endif %}';
		expect(render(src2, { a: true, b: false, c: false })).toBe('T');
		expect(render('{% if not a or b %}T{% else %}F{% endif %}', { a: true, b: false })).toBe('F');
		expect(render('{% if not a and b %}T{% else %}F{% endif %}', { a: false, b: true })).toBe('T');
	});

	it('compares with ==, !=, <, >, <=, >=, in, not in, is, is not', () => {
		const ctx = { n: 3, s: 'abc', l: [1, 2, 3], d: { k: 1 }, none: null, t: true };
		const cases: [string, boolean][] = [
			['n == 3', true],
			['n != 3', false],
			['n < 4', true],
			['n > 4', false],
			['n <= 3', true],
			['n >= 4', false],
			['"b" in s', true],
			['4 not in l', true],
			['2 in l', true],
			['"k" in d', true],
			['none is None', true],
			['t is not None', true],
			['t == 1', true],
			['s > 3', false],
			['s == "abc" and n == 3', true]
		];
		for (const [expr, expected] of cases) {
			expect(render(`{% if ${expr} %}T{% else %}F{% endif %}`, ctx), expr).toBe(
				expected ? 'T' : 'F'
			);
		}
	});

	it('reports bad expressions', () => {
		expect(() => render('{% if %}{% endif %}')).toThrow('Unexpected end of expression in if tag.');
		expect(() => render('{% if a b %}{% endif %}')).toThrow("Unused 'b' at end of if expression.");
		expect(() => render('{% if and a %}{% endif %}')).toThrow(
			"Not expecting 'and' in this position in if tag."
		);
	});
});

describe('errors name the line, as Django does', () => {
	it('reports the wrong end tag with the expected ones', () => {
		const src = [
			'<ul>',
			'{% if posts %}',
			'  {% for p in posts %}',
			'  <li>{{ p }}</li>',
			'{% endif %}'
		].join('\n');
		try {
			engineWith({ 'blog/list.html': src }).render('blog/list.html', {});
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(TemplateSyntaxError);
			const err = e as TemplateSyntaxError;
			expect(err.message).toBe(
				"Invalid block tag on line 5: 'endif', expected 'empty' or 'endfor'. Did you forget to register or load this tag?"
			);
			expect(err.line).toBe(5);
			expect(err.templateName).toBe('blog/list.html');
		}
	});

	it('reports an unknown tag and an unclosed one', () => {
		expect(() => render('a\n{% frobnicate %}')).toThrow(
			"Invalid block tag on line 2: 'frobnicate'. Did you forget to register or load this tag?"
		);
		expect(() => render('{% static "x.css" %}')).toThrow(
			"Invalid block tag on line 1: 'static'. Did you forget to register or load this tag?"
		);
		expect(() => render('\n\n{% if a %}never closed')).toThrow(
			"Unclosed tag on line 3: 'if'. Looking for one of: elif, else, endif."
		);
		expect(() => render('{% block a %}{% endblock b %}')).toThrow(
			"Invalid block tag on line 1: 'endblock', expected 'endblock' or 'endblock a'."
		);
	});
});

describe('other tags', () => {
	it('url with args, kwargs and as var', () => {
		const post = { pk: 3 };
		expect(render('{% url "blog:post_detail" post.pk %}', { post })).toBe('/blog/3/');
		expect(render("{% url 'blog:post_detail' pk=post.pk %}", { post })).toBe('/blog/3/');
		expect(render('{% url \'home\' as home %}<a href="{{ home }}">', {})).toBe('<a href="/">');
		expect(render("{% url 'nope' as u %}[{{ u }}]", {})).toBe('[]');
		expect(() => render("{% url 'nope' %}", {})).toThrow("Reverse for 'nope' not found.");
	});

	it('csrf_token renders the hidden input, escaped; nothing without a token', () => {
		expect(render('{% csrf_token %}', { csrf_token: 'abc"123' })).toBe(
			'<input type="hidden" name="csrfmiddlewaretoken" value="abc&quot;123">'
		);
		expect(render('[{% csrf_token %}]')).toBe('[]');
	});

	it('load static, then static', () => {
		expect(render('{% load static %}<link href="{% static \'css/site.css\' %}">')).toBe(
			'<link href="/static/css/site.css">'
		);
		expect(render("{% load static %}{% static 'img/a b.svg' as u %}{{ u }}")).toBe(
			'/static/img/a%20b.svg'
		);
		expect(() => render('{% load humanize %}')).toThrow(
			"'humanize' is not a registered tag library. Must be one of:\nstatic"
		);
	});

	it('with, comment, verbatim, templatetag, spaceless', () => {
		expect(
			render('{% with total=business.employees.count %}{{ total }}{% endwith %}', {
				business: { employees: { count: () => 7 } }
			})
		).toBe('7');
		expect(render('{% with 5 as n %}{{ n }}{% endwith %}')).toBe('5');
		expect(render('a{% comment "why" %}{{ hidden }}{% endcomment %}b{# note #}c')).toBe('abc');
		expect(render('{% verbatim %}{{ if dying }}{% endverbatim %}')).toBe('{{ if dying }}');
		expect(render('{% verbatim x %}{% endverbatim %}{% endverbatim x %}')).toBe(
			'{% endverbatim %}'
		);
		expect(render('{% templatetag openblock %} url {% templatetag closeblock %}')).toBe(
			'{% url %}'
		);
		expect(render('{% spaceless %}<p>\n  <a>x</a>\n</p>{% endspaceless %}')).toBe(
			'<p><a>x</a></p>'
		);
	});

	it('now, cycle, firstof', () => {
		expect(render('{% now "jS F Y H:i" %}')).toBe('9th January 2008 15:30');
		expect(render('{% now "Y" as year %}{{ year }}')).toBe('2008');
		expect(
			render(
				"{% for i in l %}{% cycle 'row1' 'row2' as rowcolors silent %}<tr class=\"{{ rowcolors }}\">{% endfor %}[{{ rowcolors }}]",
				{ l: [1, 2, 3] }
			)
		).toBe('<tr class="row1"><tr class="row2"><tr class="row1">[]');
		expect(render('{% firstof a b "fallback" %}', { a: 0, b: '<b>' })).toBe('&lt;b&gt;');
		expect(render('{% firstof a b "fallback" %}', {})).toBe('fallback');
	});
});

describe('loop helpers and calculations', () => {
	it('ifchanged shows a heading when the month changes (docs example)', () => {
		const days = ['2024-01-30', '2024-01-31', '2024-02-01'].map((d) => new Date(d));
		const src =
			'{% for date in days %}{% ifchanged %}<h3>{{ date|date:"F" }}</h3>{% endifchanged %}{{ date|date:"j" }} {% endfor %}';
		expect(render(src, { days })).toBe('<h3>January</h3>30 31 <h3>February</h3>1 ');
		const withVars =
			'{% for n in l %}{% ifchanged n %}{{ n }}{% else %}.{% endifchanged %}{% endfor %}';
		expect(render(withVars, { l: [1, 1, 2, 2, 2, 3] })).toBe('1.2..3');
	});

	it('regroup groups consecutive items by a key (docs example)', () => {
		const musicians = [
			{ name: 'Django Reinhardt', instrument: 'Guitar' },
			{ name: 'Emily Remler', instrument: 'Guitar' },
			{ name: 'Lovie Austin', instrument: 'Piano' }
		];
		const src =
			'{% regroup musicians by instrument as grouped %}{% for group in grouped %}{{ group.grouper }}: {% for m in group.list %}{{ m.name }};{% endfor %} {% endfor %}';
		expect(render(src, { musicians })).toBe(
			'Guitar: Django Reinhardt;Emily Remler; Piano: Lovie Austin; '
		);
		const unpacked =
			'{% regroup musicians by instrument as grouped %}{% for instrument, people in grouped %}{{ instrument }}={{ people|length }} {% endfor %}';
		expect(render(unpacked, { musicians })).toBe('Guitar=2 Piano=1 ');
	});

	it('widthratio rounds as Python does (docs: 175/200*100 is 88)', () => {
		expect(render('{% widthratio v m 100 %}', { v: 175, m: 200 })).toBe('88');
		expect(render('{% widthratio v m 100 %}', { v: 1, m: 0 })).toBe('0');
		expect(render('{% widthratio 5 10 100 as w %}[{{ w }}]')).toBe('[50]');
	});

	it('filter runs the block through filters, but not escape or safe', () => {
		expect(render('{% filter force_escape|lower %}<B>Text</B>{% endfilter %}')).toBe(
			'&lt;b&gt;text&lt;/b&gt;'
		);
		expect(() => render('{% filter safe %}x{% endfilter %}')).toThrow(
			'"filter safe" is not permitted.  Use the "autoescape" tag instead.'
		);
	});

	it('resetcycle starts a cycle again', () => {
		const src =
			"{% for g in groups %}{% for i in g %}{% cycle 'a' 'b' %}{% endfor %}{% resetcycle %}|{% endfor %}";
		expect(
			render(src, {
				groups: [
					[1, 2, 3],
					[1, 2]
				]
			})
		).toBe('aba|ab|');
	});
});
