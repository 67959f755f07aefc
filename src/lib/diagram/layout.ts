/**
 * Where the diagram's boxes, groups and edges go. Pure functions of the orientation and the visible
 * nodes, in SVG user units (the SVG scales to its container through its viewBox).
 *
 * Nodes sit on a grid: the wide layout (landscape) reads left to right, browser first, with the
 * URL resolver above the view, the template below it and the database below the model; the tall layout (phone portrait) is the
 * same grid transposed, reading top to bottom. Hidden nodes free their rows and columns, and an
 * edge that touched a hidden node is re-routed to the node that stands in for it.
 *
 * Servers outside mysite (an identity provider, a payment API, a mail server) are drawn only when
 * asked for, in a band of their own before the stack's groups (above them when wide, on their left
 * when tall), each in its own small group. Along the reading direction each sits where its edges
 * stay clear of mysite's boxes: the identity provider halfway between the browser and the view
 * (both talk to it), the others a little past the view that calls them.
 */
import {
	NODE_GROUP,
	NODE_IDS,
	STACK_NODE_IDS,
	isOutsideNode,
	type NodeGroup,
	type NodeId
} from '$lib/sim/types';
import { EDGES, GROUP_LABEL, NODE_LABEL } from './nodes';

export type Orientation = 'wide' | 'tall';

/**
 * `roomy`: the boxes as drawn on a wide screen. `compact`: smaller gaps and larger text (in SVG
 * units), for a wide diagram that the page shows smaller than its viewBox (a lesson's column on a
 * laptop), so that every text still renders at least 12 CSS px.
 */
export type Density = 'roomy' | 'compact';

/** Text sizes in SVG units (the CSS px they render at is this times the diagram's scale). */
export interface DiagramFonts {
	group: number;
	label: number;
	sublabel: number;
	packet: number;
}

/** The smallest text the diagram may render, in CSS px. */
export const MIN_TEXT_PX = 12;

/** Containers narrower than this (CSS px) get the tall layout. */
export const TALL_BELOW_PX = 600;

export function chooseOrientation(containerWidth: number): Orientation {
	return containerWidth > 0 && containerWidth < TALL_BELOW_PX ? 'tall' : 'wide';
}

/** [column, row] of each node in the wide layout; the tall layout swaps x and y. */
const WIDE_CELL: Readonly<Record<NodeId, readonly [number, number]>> = {
	browser: [0, 1],
	'web-server': [1, 1],
	'app-server': [2, 1],
	middleware: [3, 1],
	'url-resolver': [4, 0],
	view: [4, 1],
	template: [4, 2],
	model: [5, 1],
	// Below the model (beside it when tall): one column fewer leaves more room for the text.
	database: [5, 2],
	// Outside servers sit in their own band (see `outsideMain`); only their order counts here.
	'identity-provider': [0, -1],
	'payment-api': [1, -1],
	'mail-server': [2, -1]
};

interface Metrics {
	boxW: number;
	boxH: number;
	/** Space between boxes of one group, along and across the reading direction. */
	gapMain: number;
	gapCross: number;
	/** Extra space between two groups along the reading direction. */
	groupGap: number;
	groupPad: number;
	groupLabelH: number;
	margin: number;
	/** The least width (tall) of the groups' inside, so that their labels fit. */
	minCrossSpan: number;
}

const METRICS: Readonly<Record<Orientation | 'compact', Metrics>> = {
	compact: {
		boxW: 116,
		boxH: 60,
		gapMain: 18,
		gapCross: 40,
		groupGap: 4,
		groupPad: 8,
		groupLabelH: 24,
		margin: 4,
		minCrossSpan: 0
	},
	wide: {
		boxW: 124,
		boxH: 60,
		gapMain: 44,
		gapCross: 54,
		groupGap: 6,
		groupPad: 12,
		groupLabelH: 22,
		margin: 4,
		minCrossSpan: 0
	},
	tall: {
		boxW: 104,
		boxH: 46,
		gapMain: 24,
		gapCross: 26,
		groupGap: 18,
		groupPad: 8,
		groupLabelH: 18,
		margin: 4,
		minCrossSpan: 128
	}
};

const FONTS: Readonly<Record<Orientation | 'compact', DiagramFonts>> = {
	wide: { group: 12, label: 16, sublabel: 13, packet: 12 },
	compact: { group: 15.5, label: 15.5, sublabel: 15.5, packet: 15.5 },
	// On a 375 px phone the tall diagram (~390 units wide) is drawn 325–343 px wide (a lesson's
	// stage, the playground): 14.5 units are drawn at 12 px or more.
	tall: { group: 14.5, label: 15, sublabel: 14.5, packet: 14.5 }
};

/** Group names short enough for a compact group one box wide. */
const SHORT_GROUP_LABEL: Readonly<Record<NodeGroup, string>> = {
	...GROUP_LABEL,
	'app-server': 'App server',
	'identity-provider': 'Identity',
	'payment-api': 'Payments'
};

export interface NodeBox {
	id: NodeId;
	group: NodeGroup;
	x: number;
	y: number;
	width: number;
	height: number;
	cx: number;
	cy: number;
	label: string;
	sublabel: string;
}

export interface GroupBox {
	id: NodeGroup;
	label: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface EdgeLine {
	key: string;
	a: NodeId;
	b: NodeId;
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

export interface DiagramLayout {
	orientation: Orientation;
	density: Density;
	fonts: DiagramFonts;
	width: number;
	height: number;
	nodes: NodeBox[];
	groups: GroupBox[];
	edges: EdgeLine[];
	/** For every node, the visible node that shows it (itself when visible). */
	standIn: Readonly<Record<NodeId, NodeId>>;
}

export const edgeKey = (a: NodeId, b: NodeId) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Neighbours along mysite's own edges: a stand-in is never found by way of an outside server. */
const NEIGHBOURS: Readonly<Record<NodeId, NodeId[]>> = Object.fromEntries(
	NODE_IDS.map((id) => [
		id,
		EDGES.filter(([a, b]) => !isOutsideNode(a) && !isOutsideNode(b)).flatMap(([a, b]) =>
			a === id ? [b] : b === id ? [a] : []
		)
	])
) as Record<NodeId, NodeId[]>;

/**
 * The visible node nearest to `id` along the edges, preferring one in the same group: a hidden
 * URL resolver is shown by the view, a hidden Django by the application server.
 */
export function standInFor(id: NodeId, visible: ReadonlySet<NodeId>): NodeId {
	if (visible.has(id)) return id;
	// A server outside mysite that is not drawn is shown by whatever shows the view that called it.
	if (isOutsideNode(id)) return standInFor('view', visible);
	let best: { node: NodeId; score: number } | null = null;
	const seen = new Set<NodeId>([id]);
	let frontier: NodeId[] = [id];
	for (let distance = 1; frontier.length > 0; distance++) {
		const next: NodeId[] = [];
		for (const node of frontier)
			for (const n of NEIGHBOURS[node]) {
				if (seen.has(n)) continue;
				seen.add(n);
				next.push(n);
				if (!visible.has(n)) continue;
				// Same group first, then nearer, then nearer the browser (the node list's order).
				const score =
					(NODE_GROUP[n] === NODE_GROUP[id] ? 0 : 1000) + distance * 10 + NODE_IDS.indexOf(n) / 10;
				if (!best || score < best.score) best = { node: n, score };
			}
		frontier = next;
	}
	return best?.node ?? id;
}

/** Where the segment from the centre of `box` towards (tx, ty) leaves the box. */
export function borderPoint(
	box: NodeBox,
	tx: number,
	ty: number,
	inset = 3
): { x: number; y: number } {
	const dx = tx - box.cx;
	const dy = ty - box.cy;
	const sx = dx === 0 ? Infinity : (box.width / 2 + inset) / Math.abs(dx);
	const sy = dy === 0 ? Infinity : (box.height / 2 + inset) / Math.abs(dy);
	const s = Math.min(sx, sy);
	return { x: box.cx + dx * s, y: box.cy + dy * s };
}

/**
 * The density for a wide diagram `containerWidth` CSS px wide: roomy while it renders at full
 * size or larger, compact when it would shrink (its text would fall under 12 px).
 */
export function chooseDensity(
	containerWidth: number,
	orientation: Orientation,
	visibleNodes?: readonly NodeId[]
): Density {
	if (orientation === 'tall' || containerWidth <= 0) return 'roomy';
	const roomy = computeLayout('wide', visibleNodes, 'roomy');
	const smallest = Math.min(...Object.values(roomy.fonts));
	return (containerWidth / roomy.width) * smallest >= MIN_TEXT_PX ? 'roomy' : 'compact';
}

export function computeLayout(
	orientation: Orientation,
	visibleNodes?: readonly NodeId[],
	density: Density = 'roomy'
): DiagramLayout {
	const compact = orientation === 'wide' && density === 'compact';
	const m = METRICS[compact ? 'compact' : orientation];
	const groupLabel = compact ? SHORT_GROUP_LABEL : GROUP_LABEL;
	const wanted = (visibleNodes ?? []).filter((id) => NODE_IDS.includes(id));
	// Outside servers are added to mysite's stack: asking only for them still draws the stack.
	const wantedStack = wanted.filter((id) => !isOutsideNode(id));
	const visible = new Set<NodeId>([
		...(wantedStack.length > 0 ? wantedStack : STACK_NODE_IDS),
		...wanted.filter(isOutsideNode)
	]);
	const shown = NODE_IDS.filter((id) => visible.has(id));
	const stack = shown.filter((id) => !isOutsideNode(id));
	const outside = shown.filter(isOutsideNode);

	// Main axis: the reading direction (x when wide, y when tall), along which groups follow each other.
	const cell = (id: NodeId) => ({ main: WIDE_CELL[id][0], cross: WIDE_CELL[id][1] });
	const mains = [...new Set(stack.map((id) => cell(id).main))].sort((a, b) => a - b);
	const crosses = [...new Set(stack.map((id) => cell(id).cross))].sort((a, b) => a - b);
	const groupOfMain = new Map(stack.map((id) => [cell(id).main, NODE_GROUP[id]]));

	const wide = orientation === 'wide';
	const boxMain = wide ? m.boxW : m.boxH;
	const boxCross = wide ? m.boxH : m.boxW;
	// The outside servers' band, before the stack across the reading direction: a group label
	// (wide: above each box; tall: the band is as wide as a box, its label above the box too).
	const band =
		outside.length > 0
			? (wide ? m.groupLabelH : 0) + 2 * m.groupPad + boxCross + m.groupGap + m.gapCross / 2
			: 0;
	// Group labels sit above each group: once across the top (wide), or before each group (tall).
	const lead = m.margin + m.groupPad + (wide ? 0 : m.groupLabelH);
	const crossStart = band + m.margin + m.groupPad + (wide ? m.groupLabelH : 0);

	const mainPos = new Map<number, number>();
	let at = lead;
	mains.forEach((main, i) => {
		if (i > 0) {
			at += boxMain + m.gapMain;
			if (groupOfMain.get(main) !== groupOfMain.get(mains[i - 1]))
				at += m.groupGap + (wide ? 0 : m.groupLabelH);
		}
		mainPos.set(main, at);
	});
	// A single column of boxes still leaves room for the longest group label ("Application server").
	const span = crosses.length * (boxCross + m.gapCross) - m.gapCross;
	const shift = Math.max(0, (m.minCrossSpan - span) / 2);
	const crossPos = new Map(
		crosses.map((c, i) => [c, crossStart + shift + i * (boxCross + m.gapCross)])
	);

	const box = (id: NodeId, main: number, cross: number): NodeBox => {
		const x = wide ? main : cross;
		const y = wide ? cross : main;
		return {
			id,
			group: NODE_GROUP[id],
			x,
			y,
			width: m.boxW,
			height: m.boxH,
			cx: x + m.boxW / 2,
			cy: y + m.boxH / 2,
			...NODE_LABEL[id]
		};
	};
	const nodes: NodeBox[] = stack.map((id) =>
		box(id, mainPos.get(cell(id).main)!, crossPos.get(cell(id).cross)!)
	);

	// The outside band: each server where its edges run clear of mysite's boxes.
	const standIn = Object.fromEntries(NODE_IDS.map((id) => [id, standInFor(id, visible)])) as Record<
		NodeId,
		NodeId
	>;
	const mainOf = (id: NodeId) => {
		const n = nodes.find((b) => b.id === standIn[id])!;
		return wide ? n.x : n.y;
	};
	const step = boxMain + m.gapMain;
	const bandCross = m.margin + m.groupPad + (wide ? m.groupLabelH : 0);
	// Far enough past the caller that its edge passes under the box before it (the URL resolver,
	// right above the view) with a margin: the edge climbs `rise` over the distance found.
	const rise = (crossPos.get(cell('view').cross) ?? crossStart) - bandCross;
	const clearance = boxCross / 2 + m.gapCross - 8;
	const pastCaller = Math.max(1.2 * step, (rise * (boxMain / 2)) / clearance);
	let next = -Infinity;
	for (const id of outside) {
		const wish =
			id === 'identity-provider'
				? (mainOf('browser') + mainOf('view')) / 2
				: mainOf('view') + pastCaller;
		const main = Math.max(wish, next);
		next = main + step + m.groupPad * 2 + (wide ? 0 : m.groupLabelH);
		nodes.push(box(id, main, bandCross));
	}

	// Every group spans the whole cross axis, like machines standing side by side.
	const crossEnd = crossStart + Math.max(span, m.minCrossSpan);
	const groups: GroupBox[] = [];
	for (const group of new Set(nodes.map((n) => n.group))) {
		const members = nodes.filter((n) => n.group === group);
		if (isOutsideNode(members[0].id)) {
			// A small group around the one box, its label above it.
			const n = members[0];
			groups.push({
				id: group,
				label: (compact || !wide ? SHORT_GROUP_LABEL : groupLabel)[group],
				x: n.x - m.groupPad,
				y: n.y - m.groupPad - m.groupLabelH,
				width: n.width + 2 * m.groupPad,
				height: n.height + 2 * m.groupPad + m.groupLabelH
			});
			continue;
		}
		const from = Math.min(...members.map((n) => (wide ? n.x : n.y))) - m.groupPad;
		const to =
			Math.max(...members.map((n) => (wide ? n.x + n.width : n.y + n.height))) + m.groupPad;
		const c0 = crossStart - m.groupPad - (wide ? m.groupLabelH : 0);
		const c1 = crossEnd + m.groupPad;
		const lead = wide ? 0 : m.groupLabelH;
		groups.push(
			wide
				? {
						id: group,
						label: groupLabel[group],
						x: from,
						y: c0,
						width: to - from,
						height: c1 - c0
					}
				: {
						id: group,
						label: groupLabel[group],
						x: c0,
						y: from - lead,
						width: c1 - c0,
						height: to - from + lead
					}
		);
	}

	const byId = new Map(nodes.map((n) => [n.id, n]));
	const edges: EdgeLine[] = [];
	for (const [a0, b0] of EDGES) {
		// An outside server not drawn leaves no edge behind (it is not part of mysite).
		if ((isOutsideNode(a0) && !visible.has(a0)) || (isOutsideNode(b0) && !visible.has(b0)))
			continue;
		const a = standIn[a0];
		const b = standIn[b0];
		const key = edgeKey(a, b);
		if (a === b || edges.some((e) => e.key === key)) continue;
		const boxA = byId.get(a)!;
		const boxB = byId.get(b)!;
		const p = borderPoint(boxA, boxB.cx, boxB.cy);
		const q = borderPoint(boxB, boxA.cx, boxA.cy);
		edges.push({ key, a, b, x1: p.x, y1: p.y, x2: q.x, y2: q.y });
	}

	const width = Math.max(...groups.map((g) => g.x + g.width)) + m.margin;
	const height = Math.max(...groups.map((g) => g.y + g.height)) + m.margin;
	return {
		orientation,
		density: compact ? 'compact' : 'roomy',
		fonts: FONTS[compact ? 'compact' : orientation],
		width,
		height,
		nodes,
		groups,
		edges,
		standIn
	};
}
