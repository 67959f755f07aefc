/**
 * What the diagram draws for one request in flight. The player builds these from its snapshot;
 * the diagram only turns them into positions and shapes.
 */
import type { Direction, HopKind, NodeId } from '$lib/sim/types';

export interface PacketView {
	/** Stable across frames (keyed `{#each}`), e.g. `${traceId}`. */
	key: string;
	traceId: string;
	from: NodeId;
	to: NodeId;
	kind: HopKind;
	direction: Direction;
	/** How far along its edge the packet is, 0 (at `from`) to 1 (at `to`). */
	progress: number;
	/** Short text on the packet: the method on a request, the status on a response. */
	label: string;
	/** The request the inspector shows; drawn larger, with a heavier outline. */
	focused: boolean;
}
