import { describe, expect, it } from 'vitest';
import { blogDetailTrace } from '../../../tests/fixtures/traces';
import { packetLabel } from './packets';

describe('packetLabel', () => {
	const label = (predicate: (h: (typeof blogDetailTrace.hops)[number]) => boolean) => {
		const hop = blogDetailTrace.hops.find(predicate);
		if (!hop) throw new Error('the fixture lacks that hop');
		return packetLabel(blogDetailTrace, hop);
	};

	it('names what crosses each edge', () => {
		expect(label((h) => h.from === 'browser')).toBe('GET /blog/3/');
		expect(label((h) => h.kind === 'query')).toBe('SQL');
		expect(label((h) => h.kind === 'rows')).toMatch(/^\d+ rows?$/);
		expect(label((h) => h.kind === 'render')).toBe('context');
		expect(label((h) => h.from === 'template' && h.to === 'view')).toBe('HTML');
		expect(label((h) => h.to === 'browser')).toBe('200');
	});
});
