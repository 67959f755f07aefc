/**
 * Where each packet is drawn on a frame, and its shape. Pure: the diagram calls it inside a
 * `$derived`, so only the packets' transforms change from frame to frame.
 */
import { easeQuadOut } from 'd3-ease';
import { interpolateNumber } from 'd3-interpolate';
import { borderPoint, type DiagramLayout } from './layout';
import type { PacketView } from './types';

/** A packet's height at the default 12-unit text; it grows with the text (`packetHeight`). */
export const PACKET_HEIGHT = 22;
/** Requests and responses on one edge travel in two lanes, this far either side of the line. */
const LANE = 9;
/** Monospace glyphs are about 0.62 em wide. */
const CHAR_EM = 7.4 / 12;
const MIN_TRAVEL = 16;
/** How far into a box a packet may reach without touching its name. */
const BOX_MARGIN = 10;

export interface PlacedPacket {
	key: string;
	x: number;
	y: number;
	width: number;
	/** `in` packets (requests, calls, queries) are pointed lozenges; `out` ones rounded squares. */
	shape: 'lozenge' | 'rounded';
	/** Work inside one node: drawn on the node, pulsing, with no travel arrow. */
	selfHop: boolean;
	/** Travel direction in degrees (0 = rightwards), for the small arrow in front of the packet. */
	angle: number;
	/** Where the travel arrow sits, relative to the packet's centre. */
	arrowX: number;
	arrowY: number;
	label: string;
	focused: boolean;
	height: number;
}

export function packetWidth(label: string, font = 12): number {
	return Math.max(34, Math.round(label.length * CHAR_EM * font + 18));
}

export const packetHeight = (font = 12) => PACKET_HEIGHT + (font - 12);

export function placePackets(
	layout: DiagramLayout,
	packets: readonly PacketView[],
	reducedMotion: boolean
): PlacedPacket[] {
	const boxes = new Map(layout.nodes.map((n) => [n.id, n]));
	const font = layout.fonts?.packet ?? 12;
	const height = packetHeight(font);
	const selfCount = new Map<string, number>();
	const placed: PlacedPacket[] = [];
	for (const p of packets) {
		const from = boxes.get(layout.standIn[p.from]);
		const to = boxes.get(layout.standIn[p.to]);
		if (!from || !to) continue;
		const width = packetWidth(p.label, font);
		const shape = p.direction === 'in' ? 'lozenge' : 'rounded';
		const base = { key: p.key, width, height, shape, label: p.label, focused: p.focused } as const;
		if (from === to) {
			// Several packets working inside one node line up along its top edge, right to left,
			// in up to three slots (then they share them).
			const n = selfCount.get(from.id) ?? 0;
			selfCount.set(from.id, n + 1);
			const slot = n % 3;
			placed.push({
				...base,
				x: from.x + from.width - width / 2 + 4 - slot * (from.width / 3),
				y: from.y - 6,
				selfHop: true,
				angle: 0,
				arrowX: 0,
				arrowY: 0
			});
			continue;
		}
		const { x: x1, y: y1 } = borderPoint(from, to.cx, to.cy);
		const { x: x2, y: y2 } = borderPoint(to, from.cx, from.cy);
		const length = Math.hypot(x2 - x1, y2 - y1) || 1;
		const ux = (x2 - x1) / length;
		const uy = (y2 - y1) / length;
		// The lane follows the edge's canonical direction, so a request and its response on the
		// same edge never overlap whichever way each travels.
		const canonical = from.id < to.id ? 1 : -1;
		const half = width / 2 + 4;
		const reach = Math.min(
			ux === 0 ? Infinity : half / Math.abs(ux),
			uy === 0 ? Infinity : (height / 2 + 4) / Math.abs(uy)
		);
		// Where the edge is long enough the packet stops where it touches a box; where it is short,
		// it travels at least MIN_TRAVEL and overlaps the boxes' margins a little. Where it would
		// overlap them by more than a margin (a long label, a compact diagram), it travels along
		// their top or bottom border instead of across their middle, so it never covers a name.
		const fitted = Math.max(0, Math.min(reach, (length - MIN_TRAVEL) / 2));
		const side = Math.abs(ux) >= Math.abs(uy) ? Math.min(from.height, to.height) : 0;
		const cramped = side > 0 && reach - fitted > BOX_MARGIN;
		const laneWidth = cramped ? side / 2 + 2 : LANE;
		const lane = (p.direction === 'in' ? -laneWidth : laneWidth) * canonical;
		const inset = cramped ? 0 : fitted;
		// Ease-out: a packet leaves at once (no slow start after a click) and settles into the box.
		const t = reducedMotion ? 1 : easeQuadOut(Math.min(1, Math.max(0, p.progress)));
		const along = interpolateNumber(inset, length - inset)(t);
		placed.push({
			...base,
			x: x1 + ux * along - uy * lane,
			y: y1 + uy * along + ux * lane,
			selfHop: false,
			angle: (Math.atan2(uy, ux) * 180) / Math.PI,
			arrowX: ux * reach,
			arrowY: uy * reach
		});
	}
	// SVG paints in document order: the focused packet goes last, on top of the others.
	const focused = placed.findIndex((p) => p.focused);
	if (focused >= 0 && focused < placed.length - 1) placed.push(...placed.splice(focused, 1));
	return placed;
}

/** Outlines by shape and size: the diagram asks for every packet at every frame. */
const outlines = new Map<string, string>();

/** The outline of a packet, centred on (0, 0). */
export function packetPath(
	shape: PlacedPacket['shape'],
	width: number,
	height = PACKET_HEIGHT
): string {
	const key = `${shape} ${width} ${height}`;
	let d = outlines.get(key);
	if (d === undefined) {
		d = outline(shape, width, height);
		// Sizes come from label lengths and a few font sizes: a handful, but keep it bounded.
		if (outlines.size > 500) outlines.clear();
		outlines.set(key, d);
	}
	return d;
}

function outline(shape: PlacedPacket['shape'], width: number, height: number): string {
	const w = width / 2;
	const h = height / 2;
	if (shape === 'lozenge')
		return `M${-w},0 L${-w + 9},${-h} L${w - 9},${-h} L${w},0 L${w - 9},${h} L${-w + 9},${h} Z`;
	const r = 7;
	return `M${-w + r},${-h} H${w - r} Q${w},${-h} ${w},${-h + r} V${h - r} Q${w},${h} ${w - r},${h} H${-w + r} Q${-w},${h} ${-w},${h - r} V${-h + r} Q${-w},${-h} ${-w + r},${-h} Z`;
}
