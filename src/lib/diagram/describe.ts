/**
 * The diagram's state in words, for its SVG `<desc>`: what is shown, which node is working,
 * and where the requests are.
 */
import type { HopKind, NodeId } from '$lib/sim/types';
import { NODE_LABEL } from './nodes';
import type { PacketView } from './types';

const KIND_WORDS: Readonly<Record<HopKind, string>> = {
	request: 'request',
	response: 'response',
	middleware: 'middleware step',
	resolve: 'URL lookup',
	call: 'call',
	query: 'SQL query',
	rows: 'set of rows',
	render: 'template render',
	return: 'return value',
	static: 'static file lookup',
	wait: 'wait for a worker'
};

/** Node names, where the diagram renames a box (Django drawn as one box). */
export type NodeNames = Readonly<Partial<Record<NodeId, string>>>;

export function describePacket(p: PacketView, names: NodeNames = {}): string {
	const name = (id: NodeId) => names[id] ?? NODE_LABEL[id].label;
	const what = `${p.label} ${KIND_WORDS[p.kind]}`.trim();
	return p.from === p.to
		? `${what} inside the ${name(p.from)}`
		: `${what} travelling from the ${name(p.from)} to the ${name(p.to)}`;
}

export function describeDiagram(
	shown: readonly NodeId[],
	activeNode: NodeId | null,
	packets: readonly PacketView[],
	names: NodeNames = {}
): string {
	const name = (id: NodeId) => names[id] ?? NODE_LABEL[id].label;
	const parts = [`Boxes: ${shown.map(name).join(', ')}.`];
	parts.push(activeNode ? `Working now: the ${name(activeNode)}.` : 'Nothing is working now.');
	if (packets.length === 0) parts.push('No request is in flight.');
	else {
		const focused = packets.find((p) => p.focused) ?? packets[0];
		const others = packets.length - 1;
		const said = describePacket(focused, names);
		parts.push(`${said[0].toUpperCase()}${said.slice(1)}.`);
		if (others > 0)
			parts.push(`${others} other ${others === 1 ? 'request is' : 'requests are'} in flight.`);
	}
	return parts.join(' ');
}
