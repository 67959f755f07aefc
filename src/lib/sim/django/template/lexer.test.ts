import { describe, expect, it } from 'vitest';
import { splitContents, tokenize } from './lexer';

describe('lexer', () => {
	it('cuts text, variables, blocks and comments with their line numbers', () => {
		const tokens = tokenize('<h1>{{ title }}</h1>\n{% if x %}\n{# note #}{% endif %}');
		expect(tokens.map((t) => [t.type, t.contents, t.lineno])).toEqual([
			['text', '<h1>', 1],
			['var', 'title', 1],
			['text', '</h1>\n', 1],
			['block', 'if x', 2],
			['text', '\n', 2],
			['comment', 'note', 3],
			['block', 'endif', 3]
		]);
	});

	it('leaves a tag split across lines as text, as Django does', () => {
		expect(tokenize('{{ a\n}}').map((t) => t.type)).toEqual(['text']);
	});

	it('keeps everything inside verbatim as text until the matching end tag', () => {
		const tokens = tokenize('{% verbatim x %}{{ a }}{% endverbatim %}{% endverbatim x %}');
		expect(tokens.map((t) => [t.type, t.contents])).toEqual([
			['block', 'verbatim x'],
			['text', '{{ a }}'],
			['text', '{% endverbatim %}'],
			['block', 'endverbatim x']
		]);
	});

	it('splits tag contents, keeping quoted strings whole', () => {
		expect(splitContents('url "blog:post_detail" pk=post.pk as "a b"')).toEqual([
			'url',
			'"blog:post_detail"',
			'pk=post.pk',
			'as',
			'"a b"'
		]);
		expect(splitContents('include "x.html" with title="Hello world" only')).toEqual([
			'include',
			'"x.html"',
			'with',
			'title="Hello world"',
			'only'
		]);
	});
});
