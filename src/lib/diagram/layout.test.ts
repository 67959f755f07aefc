import { describe, expect, it } from 'vitest';
import { NODE_GROUP, NODE_IDS, STACK_NODE_IDS, isOutsideNode, type NodeId } from '$lib/sim/types';
import {
	MIN_TEXT_PX,
	chooseOrientation,
	computeLayout,
	type DiagramLayout,
	type Density,
	type Orientation
} from './layout';
import { EDGES } from './nodes';

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) =>
	a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Rect, outer: Rect) =>
	inner.x >= outer.x &&
	inner.y >= outer.y &&
	inner.x + inner.width <= outer.x + outer.width &&
	inner.y + inner.height <= outer.y + outer.height;

function expectSound(layout: DiagramLayout) {
	const view = { x: 0, y: 0, width: layout.width, height: layout.height };
	for (const node of layout.nodes) {
		expect(inside(node, view), `${node.id} inside the viewBox`).toBe(true);
		const group = layout.groups.find((g) => g.id === node.group)!;
		expect(inside(node, group), `${node.id} inside its group`).toBe(true);
	}
	for (const [i, a] of layout.nodes.entries())
		for (const b of layout.nodes.slice(i + 1))
			expect(overlaps(a, b), `${a.id} and ${b.id} overlap`).toBe(false);
	for (const [i, a] of layout.groups.entries())
		for (const b of layout.groups.slice(i + 1))
			expect(overlaps(a, b), `groups ${a.id} and ${b.id} overlap`).toBe(false);
	for (const g of layout.groups) expect(inside(g, view), `group ${g.id} inside`).toBe(true);
	const shown = new Set(layout.nodes.map((n) => n.id));
	for (const e of layout.edges) {
		expect(shown.has(e.a) && shown.has(e.b)).toBe(true);
		// Edges start and end just outside the boxes they join, never inside another box.
		for (const n of layout.nodes)
			for (const [x, y] of [
				[e.x1, e.y1],
				[e.x2, e.y2]
			])
				expect(x > n.x && x < n.x + n.width && y > n.y && y < n.y + n.height).toBe(false);
	}
}

describe('chooseOrientation', () => {
	it('is tall under 600 px and wide from 600 px, and wide before measuring', () => {
		expect(chooseOrientation(390)).toBe('tall');
		expect(chooseOrientation(599)).toBe('tall');
		expect(chooseOrientation(600)).toBe('wide');
		expect(chooseOrientation(1920)).toBe('wide');
		expect(chooseOrientation(0)).toBe('wide');
	});
});

describe('the tall layout on a phone', () => {
	it("draws mysite's stack with text of 12 px or more in a 375 px window (a 325 px column)", () => {
		expect(chooseOrientation(325)).toBe('tall');
		for (const visible of [undefined, [...STACK_NODE_IDS], ['browser', 'web-server'] as NodeId[]]) {
			const layout = computeLayout('tall', visible);
			const scale = Math.min(1, 325 / layout.width);
			expect(Math.min(...Object.values(layout.fonts)) * scale).toBeGreaterThanOrEqual(MIN_TEXT_PX);
		}
	});
});

describe.each<Orientation>(['wide', 'tall'])('the %s layout', (orientation) => {
	const layout = computeLayout(orientation);
	const byId = (id: NodeId) => layout.nodes.find((n) => n.id === id)!;
	const along = (id: NodeId) => (orientation === 'wide' ? byId(id).cx : byId(id).cy);
	const across = (id: NodeId) => (orientation === 'wide' ? byId(id).cy : byId(id).cx);

	it('shows every node, in four groups, with every edge', () => {
		expect(layout.nodes.map((n) => n.id)).toEqual([...STACK_NODE_IDS]);
		expect(layout.groups.map((g) => g.id)).toEqual([
			'client',
			'web-server',
			'app-server',
			'django'
		]);
		expect(layout.edges).toHaveLength(
			EDGES.filter(([a, b]) => !isOutsideNode(a) && !isOutsideNode(b)).length
		);
	});

	it('keeps every box inside the viewBox and its group, with no overlaps', () => {
		expectSound(layout);
	});

	it('reads in request order: browser, web server, app server, Django', () => {
		const order: NodeId[] = ['browser', 'web-server', 'app-server', 'middleware', 'view', 'model'];
		for (let i = 1; i < order.length; i++)
			expect(along(order[i])).toBeGreaterThan(along(order[i - 1]));
		expect(along('url-resolver')).toBe(along('view'));
		expect(across('url-resolver')).toBeLessThan(across('view'));
		expect(across('template')).toBeGreaterThan(across('view'));
		expect(along('database')).toBe(along('model'));
		expect(across('database')).toBeGreaterThan(across('model'));
	});

	it('has the shape its name says', () => {
		if (orientation === 'wide') expect(layout.width).toBeGreaterThan(layout.height * 2);
		else expect(layout.height).toBeGreaterThan(layout.width * 1.25);
	});
});

describe('visibleNodes', () => {
	it('hides nodes, frees their space and re-routes edges to stand-ins', () => {
		const full = computeLayout('wide');
		const layout = computeLayout('wide', ['browser', 'web-server', 'app-server', 'view']);
		expect(layout.nodes.map((n) => n.id)).toEqual(['browser', 'web-server', 'app-server', 'view']);
		expect(layout.edges.map((e) => [e.a, e.b])).toEqual([
			['browser', 'web-server'],
			['web-server', 'app-server'],
			['app-server', 'view']
		]);
		expect(layout.standIn.middleware).toBe('view');
		expect(layout.standIn['url-resolver']).toBe('view');
		expect(layout.standIn.database).toBe('view');
		expect(layout.width).toBeLessThan(full.width);
		expect(layout.height).toBeLessThan(full.height);
		expectSound(layout);
	});

	it('lets the web server stand in for the whole back end', () => {
		for (const orientation of ['wide', 'tall'] as const) {
			const layout = computeLayout(orientation, ['browser', 'web-server']);
			expect(layout.edges).toHaveLength(1);
			expect(layout.groups.map((g) => g.id)).toEqual(['client', 'web-server']);
			for (const id of NODE_IDS)
				expect(layout.standIn[id]).toBe(id === 'browser' ? 'browser' : 'web-server');
			// Outside servers that are not drawn leave no edge (not even browser → web server twice).
			// Room for the longest group label even around a single column of boxes.
			for (const g of layout.groups) expect(g.width).toBeGreaterThanOrEqual(140);
			expectSound(layout);
		}
	});

	it('prefers a stand-in in the same group', () => {
		const layout = computeLayout('tall', [
			'browser',
			'web-server',
			'app-server',
			'middleware',
			'database'
		]);
		expect(layout.standIn.view).toBe('middleware');
		expect(layout.standIn.model).toBe('database');
		expect(layout.edges.map((e) => [e.a, e.b])).toContainEqual(['middleware', 'database']);
		for (const n of layout.nodes) expect(NODE_GROUP[n.id]).toBe(n.group);
		expectSound(layout);
	});

	it('ignores unknown ids and treats an empty list as all nodes', () => {
		expect(computeLayout('wide', []).nodes).toHaveLength(STACK_NODE_IDS.length);
		expect(computeLayout('wide', ['browser', 'nope' as NodeId]).nodes.map((n) => n.id)).toEqual([
			'browser'
		]);
	});
});

/** Whether the segment (x1,y1)–(x2,y2) passes through the inside of `r` (Liang–Barsky clipping). */
function crosses(e: { x1: number; y1: number; x2: number; y2: number }, r: Rect): boolean {
	const dx = e.x2 - e.x1;
	const dy = e.y2 - e.y1;
	let t0 = 0;
	let t1 = 1;
	for (const [p, q] of [
		[-dx, e.x1 - r.x],
		[dx, r.x + r.width - e.x1],
		[-dy, e.y1 - r.y],
		[dy, r.y + r.height - e.y1]
	]) {
		if (p === 0) {
			if (q <= 0) return false;
			continue;
		}
		const t = q / p;
		if (p < 0) t0 = Math.max(t0, t);
		else t1 = Math.min(t1, t);
	}
	return t1 - t0 > 1e-6;
}

describe('outside servers', () => {
	const cases: Array<[string, NodeId[] | undefined, NodeId[]]> = [
		['the identity provider', undefined, ['identity-provider']],
		['the payment API and the mail server', undefined, ['payment-api', 'mail-server']],
		['all three', undefined, ['identity-provider', 'payment-api', 'mail-server']],
		[
			'the overview (Django as one box)',
			['browser', 'web-server', 'app-server', 'middleware'],
			['identity-provider', 'mail-server']
		]
	];
	describe.each<[Orientation, Density]>([
		['wide', 'roomy'],
		['wide', 'compact'],
		['tall', 'roomy']
	])('%s, %s', (orientation, density) => {
		it.each(cases)('draws %s in a band of its own, edges clear of every box', (_, base, extra) => {
			const layout = computeLayout(orientation, [...(base ?? []), ...extra], density);
			expectSound(layout);
			for (const id of extra) {
				const box = layout.nodes.find((n) => n.id === id)!;
				expect(box, id).toBeDefined();
				// Before the stack across the reading direction: above it (wide), left of it (tall).
				const stackStart = Math.min(
					...layout.nodes
						.filter((n) => !isOutsideNode(n.id))
						.map((n) => (orientation === 'wide' ? n.y : n.x))
				);
				expect(orientation === 'wide' ? box.y + box.height : box.x + box.width).toBeLessThan(
					stackStart
				);
				expect(layout.groups.find((g) => g.id === NODE_GROUP[id])?.label).toBeTruthy();
			}
			// Every edge reaches only the two boxes it joins.
			for (const e of layout.edges)
				for (const n of layout.nodes)
					if (n.id !== e.a && n.id !== e.b)
						expect(crosses(e, n), `${e.key} crosses ${n.id}`).toBe(false);
			// The view calls the servers; the browser visits the identity provider.
			const caller = base ? 'middleware' : 'view';
			for (const id of extra)
				expect(layout.edges.some((e) => e.key === [caller, id].sort().join('|'))).toBe(true);
			if (extra.includes('identity-provider'))
				expect(layout.edges.some((e) => e.key === 'browser|identity-provider')).toBe(true);
		});
	});

	it('leaves the stack where it was, only moved across, when a server appears', () => {
		const plain = computeLayout('wide');
		const withIdp = computeLayout('wide', ['identity-provider']);
		for (const n of plain.nodes) {
			const moved = withIdp.nodes.find((m) => m.id === n.id)!;
			expect(moved.x).toBe(n.x);
			expect(moved.y).toBeGreaterThan(n.y);
		}
	});
});
