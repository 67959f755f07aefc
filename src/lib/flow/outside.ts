/**
 * Which servers outside mysite a set of traces reaches (the identity provider, the payment API,
 * the mail server): the diagram draws one only while a request it shows travels to it.
 */
import { OUTSIDE_NODE_IDS, isOutsideNode, type OutsideNodeId, type Trace } from '$lib/sim/types';

/** Traces never change: each one's servers are read once, not at every hop of every request. */
const reachedBy = new WeakMap<Trace, readonly OutsideNodeId[]>();

function reachedByTrace(trace: Trace): readonly OutsideNodeId[] {
	let reached = reachedBy.get(trace);
	if (!reached) {
		const ids = new Set<OutsideNodeId>();
		for (const hop of trace.hops) {
			if (isOutsideNode(hop.from)) ids.add(hop.from);
			if (isOutsideNode(hop.to)) ids.add(hop.to);
		}
		reached = [...ids];
		reachedBy.set(trace, reached);
	}
	return reached;
}

export function outsideNodesReached(
	traces: readonly (Trace | null | undefined)[]
): OutsideNodeId[] {
	const reached = new Set<OutsideNodeId>();
	for (const trace of traces) if (trace) for (const id of reachedByTrace(trace)) reached.add(id);
	// In a fixed order, so the diagram does not move when the same servers come back.
	return OUTSIDE_NODE_IDS.filter((id) => reached.has(id));
}
