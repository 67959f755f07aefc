/**
 * Which servers outside mysite a set of traces reaches (the identity provider, the payment API,
 * the mail server): the diagram draws one only while a request it shows travels to it.
 */
import { OUTSIDE_NODE_IDS, isOutsideNode, type OutsideNodeId, type Trace } from '$lib/sim/types';

export function outsideNodesReached(
	traces: readonly (Trace | null | undefined)[]
): OutsideNodeId[] {
	const reached = new Set<OutsideNodeId>();
	for (const trace of traces)
		for (const hop of trace?.hops ?? []) {
			if (isOutsideNode(hop.from)) reached.add(hop.from);
			if (isOutsideNode(hop.to)) reached.add(hop.to);
		}
	// In a fixed order, so the diagram does not move when the same servers come back.
	return OUTSIDE_NODE_IDS.filter((id) => reached.has(id));
}
