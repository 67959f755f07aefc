import { describe, expect, it } from 'vitest';
import { describeDiagram } from './describe';
import { computeLayout } from './layout';
import { packetPath, placePackets } from './packets';
import type { PacketView } from './types';

const layout = computeLayout('wide');
const box = (id: string) => layout.nodes.find((n) => n.id === id)!;
const packet = (over: Partial<PacketView>): PacketView => ({
	key: 'k',
	traceId: 't',
	from: 'browser',
	to: 'web-server',
	kind: 'request',
	direction: 'in',
	progress: 0,
	label: 'GET',
	focused: true,
	...over
});

describe('placePackets', () => {
	it('moves a packet from its edge’s start to its end as progress goes from 0 to 1', () => {
		const [start] = placePackets(layout, [packet({ progress: 0 })], false);
		const [middle] = placePackets(layout, [packet({ progress: 0.5 })], false);
		const [end] = placePackets(layout, [packet({ progress: 1 })], false);
		// It travels from beside the browser's box to beside the web server's, covering at most
		// their margins (never a label).
		const browser = box('browser');
		const web = box('web-server');
		expect(end.x - start.x).toBeGreaterThanOrEqual(16);
		expect(start.x - start.width / 2).toBeGreaterThan(browser.x + browser.width - 12);
		expect(end.x + end.width / 2).toBeLessThan(web.x + 12);
		expect(middle.x).toBeGreaterThan(start.x);
		expect(middle.x).toBeLessThan(end.x);
		expect(start.angle).toBe(0);
	});

	it('puts requests and responses on one edge in different lanes', () => {
		// The progress at which the eased position (ease-out) is halfway along the edge.
		const halfway = 1 - Math.SQRT1_2;
		const [req] = placePackets(layout, [packet({ progress: halfway })], false);
		const [res] = placePackets(
			layout,
			[
				packet({
					from: 'web-server',
					to: 'browser',
					direction: 'out',
					kind: 'response',
					progress: halfway,
					label: '200'
				})
			],
			false
		);
		expect(req.x).toBeCloseTo(res.x, 5);
		expect(Math.abs(req.y - res.y)).toBeGreaterThanOrEqual(16);
		expect(req.shape).toBe('lozenge');
		expect(res.shape).toBe('rounded');
		expect(res.angle).toBe(180);
	});

	it('jumps to the edge’s end under reduced motion', () => {
		const [still] = placePackets(layout, [packet({ progress: 0.1 })], true);
		const [end] = placePackets(layout, [packet({ progress: 1 })], false);
		expect(still.x).toBe(end.x);
		expect(still.y).toBe(end.y);
	});

	it('keeps work inside one node on that node', () => {
		const [self] = placePackets(
			layout,
			[packet({ from: 'middleware', to: 'middleware', kind: 'middleware', progress: 0.4 })],
			false
		);
		const mw = box('middleware');
		expect(self.selfHop).toBe(true);
		expect(self.x).toBeGreaterThan(mw.x);
		expect(self.x).toBeLessThan(mw.x + mw.width + self.width);
		expect(Math.abs(self.y - mw.y)).toBeLessThan(10);
	});

	it('paints the focused packet last, on top', () => {
		const placed = placePackets(
			layout,
			[packet({ key: 'a' }), packet({ key: 'b', focused: false })],
			false
		);
		expect(placed.map((p) => p.key)).toEqual(['b', 'a']);
	});

	it('routes packets on hidden nodes through their stand-ins', () => {
		const small = computeLayout('wide', ['browser', 'web-server']);
		const placed = placePackets(
			small,
			[
				packet({ key: 'a', from: 'web-server', to: 'app-server', progress: 0.5 }),
				packet({ key: 'b', from: 'view', to: 'model', kind: 'call', progress: 0.5 })
			],
			false
		);
		expect(placed.map((p) => p.selfHop)).toEqual([true, true]);
	});

	it('draws a closed outline as wide as the label needs', () => {
		expect(packetPath('lozenge', 40)).toMatch(/^M-20,0 .* Z$/);
		expect(packetPath('rounded', 40)).toMatch(/Z$/);
		const [short] = placePackets(layout, [packet({ label: '200' })], false);
		const [long] = placePackets(layout, [packet({ label: 'DELETE' })], false);
		expect(long.width).toBeGreaterThan(short.width);
	});
});

describe('describeDiagram', () => {
	it('says in words what is shown, what works and where the requests are', () => {
		const text = describeDiagram(['browser', 'web-server'], 'web-server', [
			packet({ progress: 0.5 }),
			packet({ key: 'x', focused: false })
		]);
		expect(text).toBe(
			'Boxes: Browser, Web server. Working now: the Web server. GET request travelling from the Browser to the Web server. 1 other request is in flight.'
		);
		expect(describeDiagram(['browser'], null, [])).toBe(
			'Boxes: Browser. Nothing is working now. No request is in flight.'
		);
	});
});
