/**
 * The facts about one trace that checks and predictions talk about: where the request went, what
 * the resolver decided, who Django thought the user was, which SQL ran. Read once from the hops so
 * the check language stays a plain comparison.
 */
import { NODE_GROUP, type HeaderList, type NodeId, type Trace } from '$lib/sim/types';

/** The furthest layer a request reached. */
export type ServedBy = 'web-server' | 'app-server' | 'django';

export interface TraceFacts {
	method: string;
	path: string;
	pathWithQuery: string;
	status: number;
	servedBy: ServedBy;
	nodes: Set<NodeId>;
	resolver?: { matched: boolean; route?: string; name?: string; view?: string };
	/** The username Django saw, or `anonymous`. */
	user: string;
	requestHeaders: HeaderList;
	responseHeaders: HeaderList;
	body: string;
	sql: string[];
	templates: string[];
	cookiesSet: string[];
	cookiesSent: string[];
}

const ANONYMOUS = new Set(['', 'anonymous', 'AnonymousUser']);

function headerValues(headers: HeaderList, name: string): string[] {
	return headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
}

export function traceFacts(trace: Trace): TraceFacts {
	const url = new URL(trace.url);
	const nodes = new Set<NodeId>();
	let resolver: TraceFacts['resolver'];
	let user = '';
	const sql: string[] = [];
	const templates: string[] = [];
	for (const hop of trace.hops) {
		nodes.add(hop.from);
		nodes.add(hop.to);
		const d = hop.detail;
		if (d.resolver) {
			const m = d.resolver.match;
			resolver = m
				? {
						matched: true,
						route: m.route,
						name: m.namespace && m.urlName ? `${m.namespace}:${m.urlName}` : m.urlName,
						view: m.viewName
					}
				: { matched: false };
		}
		if (d.state?.user !== undefined) user = d.state.user;
		if (hop.kind === 'query' && d.query) sql.push(d.query.sql);
		if (d.template) {
			for (const name of [d.template.name, ...d.template.used])
				if (!templates.includes(name)) templates.push(name);
		}
	}
	const groups = new Set([...nodes].map((n) => NODE_GROUP[n]));
	const servedBy: ServedBy = groups.has('django')
		? 'django'
		: groups.has('app-server')
			? 'app-server'
			: 'web-server';
	const cookieHeader = headerValues(trace.request.headers, 'cookie').join('; ');
	return {
		method: trace.method.toUpperCase(),
		path: url.pathname,
		pathWithQuery: url.pathname + url.search,
		status: trace.status,
		servedBy,
		nodes,
		resolver,
		user: ANONYMOUS.has(user) ? 'anonymous' : user,
		requestHeaders: trace.request.headers,
		responseHeaders: trace.response.headers,
		body: trace.response.body,
		sql,
		templates,
		cookiesSet: headerValues(trace.response.headers, 'set-cookie').map((l) =>
			l.split('=', 1)[0].trim()
		),
		cookiesSent: cookieHeader
			.split(';')
			.map((c) => c.split('=', 1)[0].trim())
			.filter(Boolean)
	};
}
