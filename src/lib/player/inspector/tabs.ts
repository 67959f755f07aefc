/** Which inspector tabs a hop has: only the ones whose details it carries, in a fixed order. */
import type { Hop, Trace } from '$lib/sim/types';

export type TabId =
	| 'http'
	| 'urls'
	| 'code'
	| 'sql'
	| 'template'
	| 'state'
	| 'middleware'
	| 'queue'
	| 'token'
	| 'smtp';

export const TAB_LABEL: Readonly<Record<TabId, string>> = {
	http: 'HTTP',
	urls: 'URL patterns',
	code: 'View code',
	sql: 'SQL',
	template: 'Template',
	state: 'Cookies & session',
	middleware: 'Middleware',
	queue: 'Queue',
	token: 'ID token',
	smtp: 'SMTP'
};

export function tabsFor(hop: Hop | null): TabId[] {
	if (!hop) return [];
	const d = hop.detail;
	const tabs: TabId[] = [];
	if (d.http || d.environ) tabs.push('http');
	if (d.resolver) tabs.push('urls');
	if (d.source) tabs.push('code');
	if (d.query) tabs.push('sql');
	if (d.template) tabs.push('template');
	if (d.state) tabs.push('state');
	if (d.middleware) tabs.push('middleware');
	if (d.queue) tabs.push('queue');
	if (d.token) tabs.push('token');
	if (d.smtp) tabs.push('smtp');
	return tabs;
}

/** The tab that best explains each kind of hop, when the hop has it. */
const PREFERRED: Readonly<Record<Hop['kind'], TabId[]>> = {
	request: ['http', 'smtp', 'queue'],
	response: ['http', 'state', 'code'],
	middleware: ['state', 'middleware'],
	resolve: ['urls'],
	call: ['token', 'code'],
	query: ['sql'],
	rows: ['sql'],
	render: ['template'],
	return: ['template', 'sql', 'code'],
	static: ['http'],
	wait: ['queue']
};

/** The user's last choice when this hop has it; otherwise the tab that fits the hop's kind. */
export function pickTab(hop: Hop | null, chosen: TabId | null): TabId | null {
	const tabs = tabsFor(hop);
	if (!hop || tabs.length === 0) return null;
	if (chosen && tabs.includes(chosen)) return chosen;
	return PREFERRED[hop.kind].find((t) => tabs.includes(t)) ?? tabs[0];
}

/**
 * The first hop after `hop` that carries an HTTP response on its way out (Django handing the
 * response to gunicorn): what a hop without details of its own leads to.
 */
export function responseAfter(trace: Trace, hop: Hop): Hop | null {
	const at = trace.hops.indexOf(hop);
	const from = at === -1 ? trace.hops.findIndex((h) => h.atMs >= hop.atMs) : at + 1;
	for (let i = Math.max(0, from); i < trace.hops.length; i++) {
		const h = trace.hops[i];
		if (h.direction === 'out' && h.detail.http) return h;
	}
	return null;
}
