import { describe, expect, it } from 'vitest';
import { render } from './test-helpers';

// Examples from Django's "Built-in template tags and filters" reference, unless noted.
describe('date and time filters', () => {
	const value = new Date('2008-01-09T15:30:07Z'); // a Wednesday

	it('formats with format characters', () => {
		expect(render('{{ value|date:"D d M Y" }}', { value })).toBe('Wed 09 Jan 2008');
		expect(render('{{ value|date:"Y-m-d" }}', { value })).toBe('2008-01-09');
		expect(render('{{ value|date:"N j, Y" }}', { value })).toBe('Jan. 9, 2008');
		expect(render('{{ value|date:"H:i" }}', { value })).toBe('15:30');
		expect(render('{{ value|date:"l jS \\o\\f F Y h:i:s A" }}', { value })).toBe(
			'Wednesday 9th of January 2008 03:30:07 PM'
		);
		expect(render('{{ value|date:"c" }}', { value })).toBe('2008-01-09T15:30:07+00:00');
		expect(render('{{ value|date:"r" }}', { value })).toBe('Wed, 09 Jan 2008 15:30:07 +0000');
	});

	it('uses named formats and DATE_FORMAT by default', () => {
		expect(render('{{ value|date }}', { value })).toBe('Jan. 9, 2008');
		expect(render('{{ value|date:"SHORT_DATE_FORMAT" }}', { value })).toBe('01/09/2008');
		expect(render('{{ value|date:"DATETIME_FORMAT" }}', { value })).toBe('Jan. 9, 2008, 3:30 p.m.');
	});

	it('accepts ISO text as dates come from SQLite, and gives "" for anything else', () => {
		expect(render('{{ v|date:"N j, Y" }}', { v: '2024-09-21 08:05:00' })).toBe('Sept. 21, 2024');
		expect(render('{{ v|date:"Y" }}|{{ n|date }}', { v: 'not a date', n: null })).toBe('|');
	});

	it('time, P, f, midnight and noon', () => {
		expect(render('{{ v|time }}', { v: new Date('2024-01-01T00:00:00Z') })).toBe('midnight');
		expect(render('{{ v|time }}', { v: new Date('2024-01-01T12:00:00Z') })).toBe('noon');
		expect(render('{{ v|time:"H:i" }}', { v: value })).toBe('15:30');
		expect(render('{{ v|time:"f a" }}', { v: new Date('2024-01-01T01:05:00Z') })).toBe('1:05 a.m.');
		// TimeFormat has no date parts: Django's time filter gives '' for them.
		expect(render('[{{ v|time:"Y H" }}]', { v: value })).toBe('[]');
	});

	it('timesince and timeuntil, with Django no-break spaces', () => {
		const blog = new Date('2008-01-05T09:30:00Z');
		expect(render('{{ d|timesince }}', { d: blog })).toBe('4\u00a0days, 6\u00a0hours');
		expect(render('{{ d|timesince:now }}', { d: blog, now: value })).toBe(
			'4\u00a0days, 6\u00a0hours'
		);
		expect(render('{{ d|timeuntil }}', { d: new Date('2008-01-10T16:30:00Z') })).toBe(
			'1\u00a0day, 1\u00a0hour'
		);
		expect(render('{{ d|timesince }}', { d: new Date('2009-01-01') })).toBe('0\u00a0minutes');
	});
});

describe('text filters', () => {
	it('change case', () => {
		expect(render('{{ v|lower }} {{ v|upper }}', { v: 'Totally LOVING this Album!' })).toBe(
			'totally loving this album! TOTALLY LOVING THIS ALBUM!'
		);
		expect(render('{{ v|title }}', { v: 'my FIRST post' })).toBe('My First Post');
		expect(render('{{ v|title }}', { v: "they're bill's 1st friends" })).toBe(
			'They&#x27;re Bill&#x27;s 1st Friends'
		);
		expect(render('{{ v|capfirst }}', { v: 'django' })).toBe('Django');
	});

	it('truncate words and characters with an ellipsis', () => {
		expect(render('{{ v|truncatewords:2 }}', { v: 'Joel is a slug' })).toBe('Joel is …');
		expect(render('{{ v|truncatewords:9 }}', { v: 'Joel   is a slug' })).toBe('Joel is a slug');
		expect(render('{{ v|truncatechars:7 }}', { v: 'Joel is a slug' })).toBe('Joel i…');
		expect(render('{{ v|truncatechars:20 }}', { v: 'Joel is a slug' })).toBe('Joel is a slug');
		expect(render('{{ v|truncatewords:"x" }}', { v: 'a b c' })).toBe('a b c');
	});

	it('linebreaks and linebreaksbr escape their input when autoescaping', () => {
		expect(render('{{ v|linebreaks }}', { v: 'Joel\nis a slug' })).toBe('<p>Joel<br>is a slug</p>');
		expect(render('{{ v|linebreaks }}', { v: 'a <b>\n\nc' })).toBe(
			'<p>a &lt;b&gt;</p>\n\n<p>c</p>'
		);
		expect(render('{{ v|linebreaksbr }}', { v: 'Joel\r\nis <a> slug' })).toBe(
			'Joel<br>is &lt;a&gt; slug'
		);
		expect(
			render('{% autoescape off %}{{ v|linebreaksbr }}{% endautoescape %}', { v: '<a>\n' })
		).toBe('<a><br>');
	});

	it('striptags, slugify, urlencode, cut, wordcount', () => {
		expect(
			render('{{ v|striptags }}', { v: '<b>Joel</b> <button>is</button> a <span>slug</span>' })
		).toBe('Joel is a slug');
		expect(render('{{ v|slugify }}', { v: ' Joel is a slug ' })).toBe('joel-is-a-slug');
		expect(render('{{ v|slugify }}', { v: 'Crème Brûlée & Tea!' })).toBe('creme-brulee-tea');
		expect(render('{{ v|urlencode }}', { v: 'https://www.example.org/foo?a=b&c=d' })).toBe(
			'https%3A//www.example.org/foo%3Fa%3Db%26c%3Dd'
		);
		expect(render('{{ v|urlencode:"" }}', { v: 'a/b c' })).toBe('a%2Fb%20c');
		expect(render('{{ v|cut:" " }}', { v: 'String with spaces' })).toBe('Stringwithspaces');
		expect(render('{{ v|wordcount }}', { v: 'Joel is a slug' })).toBe('4');
	});
});

describe('value filters', () => {
	it('default and default_if_none', () => {
		expect(render('{{ v|default:"nothing" }}', { v: '' })).toBe('nothing');
		expect(render('{{ v|default:"nothing" }}', { v: [] })).toBe('nothing');
		expect(render('{{ v|default:"nothing" }}', { v: 0 })).toBe('nothing');
		expect(render('{{ missing|default:"nothing" }}')).toBe('nothing');
		expect(render('{{ v|default_if_none:"nothing" }}', { v: null })).toBe('nothing');
		expect(render('[{{ v|default_if_none:"nothing" }}]', { v: '' })).toBe('[]');
	});

	it('pluralize (docs examples)', () => {
		const t = 'You have {{ n }} message{{ n|pluralize }}.';
		expect(render(t, { n: 1 })).toBe('You have 1 message.');
		expect(render(t, { n: 2 })).toBe('You have 2 messages.');
		expect(render(t, { n: 0 })).toBe('You have 0 messages.');
		expect(render('walrus{{ n|pluralize:"es" }}', { n: 2 })).toBe('walruses');
		expect(render('cherr{{ n|pluralize:"y,ies" }}', { n: 1 })).toBe('cherry');
		expect(render('cherr{{ n|pluralize:"y,ies" }}', { n: 3 })).toBe('cherries');
		expect(render('item{{ l|pluralize }}', { l: ['a'] })).toBe('item');
		expect(render('item{{ l|pluralize }}', { l: ['a', 'b'] })).toBe('items');
		expect(render('[{{ n|pluralize:"a,b,c" }}]', { n: 2 })).toBe('[]');
		expect(render('vote{{ n|pluralize }}', { n: true })).toBe('vote');
		expect(render('vote{{ n|pluralize }}', { n: '2' })).toBe('votes');
	});

	it('yesno (docs table)', () => {
		const t = '{{ v|yesno:"yeah,no,maybe" }}';
		expect(render(t, { v: true })).toBe('yeah');
		expect(render(t, { v: false })).toBe('no');
		expect(render(t, { v: null })).toBe('maybe');
		expect(render('{{ v|yesno:"yeah,no" }}', { v: null })).toBe('no');
		expect(render('{{ v|yesno }}', { v: [] })).toBe('no');
	});

	it('floatformat (docs table)', () => {
		const cases: [number | string, string, string][] = [
			[34.23234, '', '34.2'],
			[34.0, '', '34'],
			[34.26, '', '34.3'],
			[34.23234, ':3', '34.232'],
			[34.0, ':3', '34.000'],
			[34.26, ':3', '34.260'],
			[34.23234, ':"0"', '34'],
			[39.56, ':"0"', '40'],
			[34.23234, ':"-3"', '34.232'],
			[34.0, ':"-3"', '34'],
			[34.26, ':"-3"', '34.260'],
			[34232.34, ':"2g"', '34,232.34'],
			[6666.6666, ':"2g"', '6,666.67'],
			[10000, ':"g"', '10,000'],
			[-0.04, '', '0.0'],
			[-0.4, ':0', '0'],
			['abc', '', '']
		];
		for (const [v, arg, out] of cases) expect(render(`{{ v|floatformat${arg} }}`, { v })).toBe(out);
	});

	it('length, first, last, slice, join', () => {
		expect(render('{{ v|length }}', { v: ['a', 'b', 'c', 'd'] })).toBe('4');
		expect(render('{{ v|length }}', { v: 'abc' })).toBe('3');
		expect(render('{{ v|length }}', { v: null })).toBe('0');
		expect(render('{{ v|first }}{{ v|last }}', { v: ['a', 'b', 'c'] })).toBe('ac');
		expect(render('{{ v|slice:":2" }}', { v: ['a', 'b', 'c'] })).toBe(
			'[&#x27;a&#x27;, &#x27;b&#x27;]'
		);
		expect(render('{{ v|slice:"1:-1" }}', { v: 'django' })).toBe('jang');
		expect(render('{{ v|slice:"::-1" }}', { v: 'abc' })).toBe('cba');
		expect(render('{{ v|join:" // " }}', { v: ['a', 'b', 'c'] })).toBe('a // b // c');
		expect(render('{{ v|join:", " }}', { v: ['<a>', 1] })).toBe('&lt;a&gt;, 1');
	});

	it('add (docs: numbers add, lists concatenate, mismatches give "")', () => {
		expect(render('{{ v|add:"2" }}', { v: 4 })).toBe('6');
		expect(render('{{ v|add:"2" }}', { v: '4' })).toBe('6');
		expect(render('{{ a|add:b }}', { a: [1, 2], b: [3] })).toBe('[1, 2, 3]');
		expect(render('{{ a|add:b }}', { a: 'super', b: 'glue' })).toBe('superglue');
		expect(render('[{{ a|add:b }}]', { a: 'x', b: 2 })).toBe('[]');
	});

	it('checks the argument count when parsing', () => {
		expect(() => render('{{ v|add }}')).toThrow('add requires 2 arguments, 1 provided');
		expect(() => render('{{ v|lower:"x" }}')).toThrow('lower requires 1 arguments, 2 provided');
	});

	it('chains filters left to right', () => {
		expect(render('{{ v|lower|capfirst|truncatewords:2 }}', { v: 'HELLO BIG WORLD' })).toBe(
			'Hello big …'
		);
	});
});

describe('less common filters', () => {
	it('center, escapejs, json_script, phone2numeric, get_digit, stringformat', () => {
		expect(render('"{{ v|center:"15" }}"', { v: 'Django' })).toBe('"     Django    "');
		expect(
			render('{{ v|escapejs }}', { v: 'testing\r\njavascript \'string" <b>escaping</b>' })
		).toBe(
			'testing\\u000D\\u000Ajavascript \\u0027string\\u0022 \\u003Cb\\u003Eescaping\\u003C/b\\u003E'
		);
		expect(render('{{ v|json_script:"hello-data" }}', { v: { hello: 'world</script>&' } })).toBe(
			'<script id="hello-data" type="application/json">{"hello": "world\\u003C/script\\u003E\\u0026"}</script>'
		);
		expect(render('{{ v|phone2numeric }}', { v: '800-COLLECT' })).toBe('800-2655328');
		expect(render('{{ v|get_digit:"2" }}', { v: 123456789 })).toBe('8');
		expect(render('{{ v|stringformat:"E" }}', { v: 10 })).toBe('1.000000E+01');
		expect(render('{{ v|stringformat:"05d" }}', { v: 42 })).toBe('00042');
		expect(render('{{ v|stringformat:"s" }}', { v: 'x' })).toBe('x');
	});

	it('unordered_list (docs example)', () => {
		const v = ['States', ['Kansas', ['Lawrence', 'Topeka'], 'Illinois']];
		expect(render('{{ v|unordered_list }}', { v })).toBe(
			'\t<li>States\n\t<ul>\n\t\t<li>Kansas\n\t\t<ul>\n\t\t\t<li>Lawrence</li>\n\t\t\t<li>Topeka</li>\n\t\t</ul>\n\t\t</li>\n\t\t<li>Illinois</li>\n\t</ul>\n\t</li>'
		);
	});

	it('escapeseq escapes each item before join', () => {
		expect(
			render('{% autoescape off %}{{ v|escapeseq|join:"," }}{% endautoescape %}', {
				v: ['<a>', 'b']
			})
		).toBe('&lt;a&gt;,b');
	});
});

describe('more examples from the built-in filter reference', () => {
	it('filesizeformat, divisibleby, make_list, ljust/rjust, linenumbers', () => {
		expect(render('{{ v|filesizeformat }}', { v: 123456789 })).toBe('117.7\u00a0MB');
		expect(render('{{ v|filesizeformat }}', { v: 1 })).toBe('1\u00a0byte');
		expect(render('{{ v|filesizeformat }}', { v: 'x' })).toBe('0\u00a0bytes');
		expect(render('{{ v|divisibleby:"3" }}', { v: 21 })).toBe('True');
		expect(render('{{ v|make_list }}', { v: 123 })).toBe(
			'[&#x27;1&#x27;, &#x27;2&#x27;, &#x27;3&#x27;]'
		);
		expect(render('"{{ v|ljust:"10" }}" "{{ v|rjust:"10" }}"', { v: 'Django' })).toBe(
			'"Django    " "    Django"'
		);
		expect(render('{{ v|linenumbers }}', { v: 'one\n<two>' })).toBe('1. one\n2. &lt;two&gt;');
	});

	it('time with escaped characters, timesince between two dates (docs)', () => {
		const v = new Date('2024-01-01T01:23:00Z');
		expect(render('{{ v|time:"H\\h i\\m" }}', { v })).toBe('01h 23m');
		const blog = new Date('2006-06-01T00:00:00Z');
		const comment = new Date('2006-06-01T08:00:00Z');
		expect(render('{{ blog|timesince:comment }}', { blog, comment })).toBe('8\u00a0hours');
	});

	it('dictsort and dictsortreversed by a key or a dotted path', () => {
		const books = [
			{ title: '1984', author: { name: 'George', age: 45 } },
			{ title: 'Timequake', author: { name: 'Kurt', age: 75 } },
			{ title: 'Alice', author: { name: 'Lewis', age: 33 } }
		];
		const src = '{% for b in books|dictsort:"author.age" %}{{ b.title }};{% endfor %}';
		expect(render(src, { books })).toBe('Alice;1984;Timequake;');
		expect(
			render('{% for b in books|dictsortreversed:"title" %}{{ b.title }};{% endfor %}', { books })
		).toBe('Timequake;Alice;1984;');
	});
});
