import { describe, expect, it } from 'vitest';
import { displayValue } from './context-display';
import { View } from './base';

describe('displayValue: what print() shows, never JavaScript source', () => {
	it('shows a plain function without its source', () => {
		expect(displayValue(() => 1)).toBe('<function>');
	});
	it('shows a view instance by its dotted Python name', () => {
		const view = new View();
		view.view_name = 'blog.views.PostListView';
		expect(displayValue(view)).toBe('<blog.views.PostListView object>');
	});
});
