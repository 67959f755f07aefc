/**
 * Sends the request an embed or a permalink names, as a real `fetch` to the simulated site, and
 * lands the player on the hop it names once the trace is known. The fetch itself stays pending
 * until the player delivers the response, like every other request on the page.
 */
import { onTrace } from '$lib/flow/trace-bus';
import { SITE_ORIGIN } from '$lib/mocks/origin';
import type { PlayerController } from '$lib/player/player.svelte';
import type { Trace } from '$lib/sim/types';
import { sitePath, type EmbedRequest } from './embed-config';

export interface OpenOptions {
	/** Hop to land on (0-based, clamped to the trace); `null` leaves the player where it starts. */
	hop: number | null;
}

/** Resolves with the request's trace as soon as the stack has answered it. */
export function openRequest(
	controller: PlayerController,
	request: EmbedRequest,
	{ hop }: OpenOptions
): Promise<Trace> {
	// Belt and braces: whatever built `request`, it is sent to the simulated site or not at all.
	const path = sitePath(request.path);
	if (path === null)
		return Promise.reject(new Error(`Not a path on ${SITE_ORIGIN}: ${request.path}`));
	const url = new URL(path, SITE_ORIGIN).href;
	const traced = new Promise<Trace>((resolve) => {
		const stop = onTrace((trace) => {
			if (trace.url !== url || trace.method !== request.method) return;
			stop();
			resolve(trace);
		});
	});
	const headers: Record<string, string> = {};
	if (request.body) headers['Content-Type'] = request.contentType ?? 'application/json';
	fetch(url, {
		method: request.method,
		headers,
		body: request.body && !['GET', 'HEAD'].includes(request.method) ? request.body : undefined,
		credentials: 'include'
	}).catch(() => {
		// A refused request still has a trace (or a DNS-like failure the player shows); nothing to do.
	});
	return traced.then((trace) => {
		if (hop !== null) controller.goto(trace.id, Math.min(hop, trace.hops.length - 1));
		return trace;
	});
}

/**
 * A permalink (`/playground/?request=GET%20/blog/3/&hop=4`) opens its request and lands on its
 * hop. Returns the problems with the link's parameters, for a notice; nothing when there is none.
 */
export async function openFromLocation(controller: PlayerController): Promise<string[]> {
	const { parseEmbedParams } = await import('./embed-params');
	const params = new URL(location.href).searchParams;
	if (!params.has('request')) return [];
	const { config, problems } = parseEmbedParams(params);
	if (config.request) {
		const { startSimulation } = await import('$lib/mocks/browser');
		await startSimulation();
		await openRequest(controller, config.request, { hop: config.hop });
	}
	return problems;
}
