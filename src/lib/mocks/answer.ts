/**
 * One request answered by a simulated site, as the browser reaches it: a request for an outside
 * server the running project does not have (the default mysite has none) fails before it leaves
 * the browser, as a DNS lookup of an unknown name does.
 */
import type { Site } from '$lib/sim/site';
import type { HandledRequest, SimRequest } from '$lib/sim/types';
import { SITE_ORIGIN } from './origin';

/** A request answered: the response and the trace of its journey. */
export type Handled = HandledRequest;

/** `site`'s answer to `request`, or null when its host does not exist (`Failed to fetch`). */
export async function answerWith(site: Site, request: SimRequest): Promise<Handled | null> {
	const { origin, hostname } = new URL(request.url);
	if (origin !== SITE_ORIGIN && !site.internet.server(hostname)) return null;
	return site.handle(request);
}
