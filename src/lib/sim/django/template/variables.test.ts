import { describe, expect, it } from 'vitest';
import {
	altersData,
	doNotCallInTemplates,
	markSafe,
	SafeString,
	TemplateSyntaxError
} from './index';
import { render } from './test-helpers';

class Author {
	constructor(readonly username: string) {}
	get displayName() {
		return this.username.toUpperCase();
	}
	__str__() {
		return this.username;
	}
}

class Post {
	deleted = false;
	constructor(
		readonly pk: number,
		readonly title: string,
		readonly author: Author
	) {}
	get_absolute_url() {
		return `/blog/${this.pk}/`;
	}
	delete = altersData(() => {
		this.deleted = true;
		return 'deleted';
	});
}

describe('variables and lookups (Django order: key, attribute, index)', () => {
	const post = new Post(3, 'Hello', new Author('alice'));

	it('reads keys of plain objects and Maps, attributes, getters, and list indexes', () => {
		expect(render('{{ a.b.c }}', { a: { b: { c: 'deep' } } })).toBe('deep');
		expect(render('{{ m.key }}', { m: new Map([['key', 'from map']]) })).toBe('from map');
		expect(render('{{ post.author.displayName }}', { post })).toBe('ALICE');
		expect(render('{{ items.1 }}', { items: ['a', 'b'] })).toBe('b');
		expect(render('{{ name.0 }}', { name: 'django' })).toBe('d');
	});

	it('prefers the dictionary key over the attribute', () => {
		const d = new Map<string, unknown>([['items', 'a key called items']]);
		expect(render('{{ d.items }}', { d })).toBe('a key called items');
	});

	it('calls methods without arguments, as get_absolute_url', () => {
		expect(render('<a href="{{ post.get_absolute_url }}">', { post })).toBe('<a href="/blog/3/">');
	});

	it('never calls a method marked alters_data', () => {
		const p = new Post(1, 't', new Author('bob'));
		expect(render('[{{ p.delete }}]', { p })).toBe('[]');
		expect(p.deleted).toBe(false);
	});

	it('passes a do_not_call_in_templates callable through uncalled', () => {
		const Kind = doNotCallInTemplates(Object.assign(() => 'called', { label: 'Kind' }));
		expect(render('{{ k.label }}', { k: Kind })).toBe('Kind');
	});

	it('renders a missing variable, key, index or method needing arguments as ""', () => {
		expect(render('[{{ missing }}|{{ post.nope }}|{{ list.9 }}]', { post, list: [] })).toBe('[||]');
		expect(render('[{{ o.f }}]', { o: { f: (x: number) => x } })).toBe('[]');
	});

	it('prints values as Python does: None, True, lists, __str__', () => {
		expect(render('{{ n }} {{ t }} {{ f }}', { n: null, t: true, f: false })).toBe(
			'None True False'
		);
		expect(render('{{ l }}', { l: ['a', 1, null] })).toBe('[&#x27;a&#x27;, 1, None]');
		expect(render('{{ post.author }}', { post })).toBe('alice');
		expect(render('{{ 42 }} {{ "text" }} {{ 2.5 }}')).toBe('42 text 2.5');
	});

	it('shows a datetime in DATETIME_FORMAT (N j, Y, P)', () => {
		expect(render('{{ d }}', { d: new Date('2024-03-05T15:30:00Z') })).toBe(
			'March 5, 2024, 3:30 p.m.'
		);
	});

	it('refuses names starting with an underscore', () => {
		expect(() => render('{{ post._secret }}')).toThrow(
			"Variables and attributes may not begin with underscores: 'post._secret'"
		);
	});

	it('reports what it could not parse', () => {
		expect(() => render('{{ a b }}')).toThrow("Could not parse the remainder: ' b' from 'a b'");
		expect(() => render('{{ }}')).toThrow('Empty variable tag on line 1');
	});
});

describe('autoescaping (django.utils.html.escape)', () => {
	const script = "<script>alert('hello')</script>";

	it('escapes the docs example', () => {
		expect(render('Hello, {{ name }}', { name: script })).toBe(
			'Hello, &lt;script&gt;alert(&#x27;hello&#x27;)&lt;/script&gt;'
		);
	});

	it('escapes the five characters and nothing else', () => {
		expect(render('{{ v }}', { v: `& < > " ' é /` })).toBe('&amp; &lt; &gt; &quot; &#x27; é /');
	});

	it('does not escape |safe, SafeString or inside autoescape off', () => {
		expect(render('{{ v|safe }}', { v: '<b>bold</b>' })).toBe('<b>bold</b>');
		expect(render('{{ v }}', { v: markSafe('<b>bold</b>') })).toBe('<b>bold</b>');
		expect(render('{% autoescape off %}{{ v }}{% endautoescape %}{{ v }}', { v: '<b>' })).toBe(
			'<b>&lt;b&gt;'
		);
	});

	it('escapes variables inside autoescape on within off', () => {
		const src =
			'{% autoescape off %}{{ v }}{% autoescape on %}{{ v }}{% endautoescape %}{% endautoescape %}';
		expect(render(src, { v: '<i>' })).toBe('<i>&lt;i&gt;');
	});

	it('treats string literals in templates as safe (docs: default:"3 &lt; 2")', () => {
		expect(render('{{ data|default:"3 &lt; 2" }}')).toBe('3 &lt; 2');
		expect(render('{{ data|default:"<b>x</b>" }}')).toBe('<b>x</b>');
	});

	it('escape is applied once; force_escape again', () => {
		expect(render('{{ v|escape|escape }}', { v: '<' })).toBe('&lt;');
		expect(
			render('{% autoescape off %}{{ v|escape|force_escape }}{% endautoescape %}', { v: '<' })
		).toBe('&amp;lt;');
	});

	it('raises TemplateSyntaxError for an unknown filter', () => {
		expect(() => render('{{ v|shout }}')).toThrow(TemplateSyntaxError);
		expect(() => render('{{ v|shout }}')).toThrow("Invalid filter: 'shout'");
	});
});

describe('errors raised while looking up', () => {
	it('render as "" when marked silent_variable_failure (like ObjectDoesNotExist), else propagate', () => {
		class DoesNotExist extends Error {
			silent_variable_failure = true;
		}
		const post = {
			get author(): never {
				throw new DoesNotExist('User matching query does not exist.');
			},
			boom() {
				throw new Error('boom');
			}
		};
		expect(render('[{{ post.author.username }}]', { post })).toBe('[]');
		expect(() => render('{{ post.boom }}', { post })).toThrow('boom');
	});
});

describe('missing variables stay cheap and safe', () => {
	it('does not print the context unless the error message is read, and survives cycles', () => {
		const loop: Record<string, unknown> = { name: 'loop' };
		loop.self = loop;
		const list: unknown[] = [1];
		list.push(list);
		let printed = 0;
		const noisy = {
			__str__() {
				printed++;
				return 'noisy';
			}
		};
		expect(render('[{{ missing }}|{{ loop.nope }}|{{ list.5 }}]', { loop, list, noisy })).toBe(
			'[||]'
		);
		expect(printed).toBe(0);
	});
});

describe('attributes named like JavaScript built-ins', () => {
	it('reads model fields called name, length, values or filter, but not JS members', () => {
		class Comment {
			constructor(
				readonly name: string,
				readonly length: number
			) {}
			get values() {
				return 'v';
			}
		}
		const c = new Comment('Bob', 3);
		expect(render('{{ c.name }} {{ c.length }} {{ c.values }}', { c })).toBe('Bob 3 v');
		expect(
			render('[{{ c.constructor }}{{ c.toString }}{{ l.map }}{{ l.length }}]', { c, l: [1] })
		).toBe('[]');
	});
});

describe('form-like values', () => {
	it('prints an ErrorList as HTML, loops over its messages and indexes them', () => {
		class ErrorList extends SafeString {
			constructor(readonly messages: string[]) {
				super(messages.map((m) => `<li>${m}</li>`).join(''));
			}
			override get length() {
				return this.messages.length;
			}
			[Symbol.iterator]() {
				return this.messages[Symbol.iterator]();
			}
		}
		const errors = new ErrorList(['Required.', 'Too short.']);
		expect(
			render('{{ e }}|{% for m in e %}{{ m }};{% endfor %}|{{ e|length }}|{{ e.0 }}', { e: errors })
		).toBe('<li>Required.</li><li>Too short.</li>|Required.;Too short.;|2|Required.');
	});
});

describe('Python-like attributes of dates and iterables', () => {
	it('reads datetime attributes in UTC, and indexes iterables', () => {
		const d = new Date('2024-03-05T15:04:05Z');
		expect(
			render('{{ d.year }}-{{ d.month }}-{{ d.day }} {{ d.hour }}:{{ d.minute }} {{ d.weekday }}', {
				d
			})
		).toBe('2024-3-5 15:4 1');
		class QuerySet {
			constructor(private rows: string[]) {}
			[Symbol.iterator]() {
				return this.rows[Symbol.iterator]();
			}
		}
		expect(render('{{ qs.1 }}', { qs: new QuerySet(['a', 'b']) })).toBe('b');
		expect(render('{{ x.0 }}', { x: { __getitem__: (i: number) => `item ${i}` } })).toBe('');
		class Sliceable {
			__getitem__(i: number) {
				return `item ${i}`;
			}
		}
		expect(render('{{ x.0 }}', { x: new Sliceable() })).toBe('item 0');
	});
});
