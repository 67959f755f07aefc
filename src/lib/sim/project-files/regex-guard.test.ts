import { describe, expect, it } from 'vitest';
import { nestedRepeat, refuseSlowRegex } from './regex-guard';

describe('the re_path() guard against catastrophic backtracking', () => {
	it.each([
		['^(a+)+$', '(a+)+'],
		['^blog/(\\w*)*/$', '(\\w*)*'],
		['^(?:\\d+/)+$', '(?:\\d+/)+'],
		['^x/((ab)+c)*$', '((ab)+c)*'],
		['^([a-z]+){2,}$', '([a-z]+){2,}'],
		['^(?P<slug>(?:[-\\w]+)*)/$', '(?:[-\\w]+)*']
	])('refuses %s, naming %s', (pattern, group) => {
		expect(nestedRepeat(pattern)).toBe(group);
		expect(refuseSlowRegex(pattern)).toContain(`its group ${JSON.stringify(group)} repeats`);
	});

	it.each([
		'^blog/(?P<year>[0-9]{4})/$',
		'^articles/(?P<slug>[\\w-]+)/$',
		'^(?:page-(?P<n>\\d+)/)?$',
		'^files/(?P<path>.+)$',
		'^a/(b|c)+/$',
		'^[(]+x$',
		'^\\(+x\\)$',
		'^(ab){2}$',
		'^dates/(?:\\d{4}-)+$'
	])('lets %s run', (pattern) => {
		expect(nestedRepeat(pattern)).toBeNull();
		expect(refuseSlowRegex(pattern)).toBeNull();
	});
});
