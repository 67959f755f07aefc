import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { blogDetailTrace } from '../../../tests/fixtures/traces';
import Narration from './Narration.svelte';

afterEach(cleanup);

describe('Narration', () => {
	it('announces the hop in one plain sentence in a polite live region', async () => {
		const hop = blogDetailTrace.hops[10];
		const { container, rerender } = render(Narration, { props: { hop: null, trace: null } });
		const region = container.querySelector('[aria-live="polite"]')!;
		expect(region).not.toBeNull();
		await rerender({ hop, trace: blogDetailTrace });
		// The same element stays in the page, so screen readers announce the change.
		expect(container.querySelector('[aria-live="polite"]')).toBe(region);
		expect(region.textContent?.replace(/\s+/g, ' ').trim()).toBe(
			'GET /blog/3/: The URL resolver matched blog/<int:pk>/ and calls post_detail with pk=3.'
		);
	});
});
