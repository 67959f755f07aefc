/**
 * Turns the diagram's live `<svg>` into files for slides: a standalone SVG document and a PNG.
 * The diagram keeps its styles inside the SVG, so a serialized copy looks the same on its own.
 */

import type { Hop, Trace } from '$lib/sim/types';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface SvgLabel {
	title: string;
	desc: string;
}

/** The exported picture's `<title>` and `<desc>`: the request, and the step in view. */
export function describeExport(trace: Trace | null, hop: Hop | null): SvgLabel {
	if (!trace)
		return { title: 'Request Flow diagram', desc: 'The demo site’s stack, no request yet.' };
	const request = `${trace.method} ${new URL(trace.url).pathname}`;
	return {
		title: `Request Flow: ${request}${hop ? `, step ${hop.index + 1} of ${trace.hops.length}` : ''}`,
		desc: hop
			? `Step ${hop.index + 1} of ${trace.hops.length} of ${request} (answered ${trace.status}): ${hop.summary}`
			: `${request}, answered ${trace.status}, in ${trace.hops.length} steps.`
	};
}

/**
 * A standalone SVG document (with XML declaration and namespaces) of `svg` as it is now; with
 * `label`, it starts with a `<title>` and a `<desc>` that name it for screen readers.
 */
export function serializeSvg(svg: SVGSVGElement, label?: SvgLabel): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	if (label) {
		for (const child of [...copy.children])
			if (child.localName === 'title' || child.localName === 'desc') child.remove();
		const title = document.createElementNS(SVG_NS, 'title');
		title.id = 'rf-export-title';
		title.textContent = label.title;
		const desc = document.createElementNS(SVG_NS, 'desc');
		desc.id = 'rf-export-desc';
		desc.textContent = label.desc;
		copy.prepend(title, desc);
		copy.setAttribute('role', 'img');
		copy.setAttribute('aria-labelledby', 'rf-export-title');
		copy.setAttribute('aria-describedby', 'rf-export-desc');
	}
	// The serializer writes the namespace of an SVG element itself; setting it too makes some
	// serializers (jsdom's) write it twice.
	if (copy.namespaceURI !== SVG_NS) copy.setAttribute('xmlns', SVG_NS);
	copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
	const { width, height } = svgSize(svg);
	copy.setAttribute('width', String(width));
	copy.setAttribute('height', String(height));
	// Resolve the page's CSS custom properties, which a standalone file cannot see.
	const computed = getComputedStyle(svg);
	const vars = [...new Set(collectVariables(copy.outerHTML))]
		.map((name) => `${name}: ${computed.getPropertyValue(name).trim()};`)
		.filter((line) => !line.endsWith(': ;'));
	if (vars.length) {
		const style = document.createElementNS(SVG_NS, 'style');
		style.textContent = `svg { ${vars.join(' ')} }`;
		// After the title and description, which must come first.
		const after = copy.querySelector(':scope > desc');
		if (after) after.after(style);
		else copy.insertBefore(style, copy.firstChild);
	}
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

function collectVariables(markup: string): string[] {
	return [...markup.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]);
}

function svgSize(svg: SVGSVGElement): { width: number; height: number } {
	const box = svg.viewBox?.baseVal;
	if (box && box.width > 0) return { width: box.width, height: box.height };
	const rect = svg.getBoundingClientRect();
	return { width: Math.round(rect.width) || 800, height: Math.round(rect.height) || 450 };
}

/** Renders the SVG onto a canvas at `scale` (2 = crisp on slides) and returns a PNG blob. */
export async function svgToPng(
	svg: SVGSVGElement,
	scale = 2,
	background = '#ffffff'
): Promise<Blob> {
	const { width, height } = svgSize(svg);
	const url = URL.createObjectURL(new Blob([serializeSvg(svg)], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.decoding = 'sync';
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new Error('The diagram could not be drawn as an image.'));
			image.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('This browser cannot draw to a canvas.');
		context.fillStyle = background;
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('No PNG.'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Saves `data` as a file through the browser's download. */
export function download(filename: string, data: Blob | string, type = 'text/plain'): void {
	const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
