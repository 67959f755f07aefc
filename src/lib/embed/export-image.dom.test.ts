import { describe, expect, it } from 'vitest';
import { describeExport, serializeSvg } from './export-image';
import { sampleTrace } from './test-trace';

describe('SVG export', () => {
	const hop = sampleTrace.hops[1];

	it('names the request and the step', () => {
		const label = describeExport(sampleTrace, hop);
		expect(label.title).toBe(`Request Flow: GET /blog/3/, step 2 of ${sampleTrace.hops.length}`);
		expect(label.desc).toContain(`Step 2 of ${sampleTrace.hops.length} of GET /blog/3/`);
		expect(label.desc).toContain(hop.summary);
		expect(describeExport(sampleTrace, null).title).toBe('Request Flow: GET /blog/3/');
	});

	it('starts the document with <title> and <desc>, and labels the picture with them', () => {
		const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
		svg.innerHTML = '<title>old</title><g><title>a node</title><rect fill="var(--x)"/></g>';
		const text = serializeSvg(svg, describeExport(sampleTrace, hop));
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		expect(doc.querySelector('parsererror')).toBeNull();
		const root = doc.documentElement;
		expect(root.children[0].localName).toBe('title');
		expect(root.children[0].textContent).toContain('GET /blog/3/, step 2');
		expect(root.children[1].localName).toBe('desc');
		expect(root.children[1].textContent).toContain(hop.summary);
		expect(root.getAttribute('aria-labelledby')).toBe(root.children[0].id);
		expect(root.getAttribute('aria-describedby')).toBe(root.children[1].id);
		// The old top-level title is replaced; a node's own title is kept.
		expect(root.querySelectorAll(':scope > title')).toHaveLength(1);
		expect(root.querySelector('g > title')?.textContent).toBe('a node');
	});
});
