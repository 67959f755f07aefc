/**
 * Exports traces as a HAR 1.2 file (the HTTP Archive format that browser DevTools import),
 * so a student can open what the simulated browser sent and received in a real Network panel.
 * Spec: http://www.softwareishard.com/blog/har-12-spec/
 */
import { NODE_IDS, isOutsideNode } from '$lib/sim/types';
import type { HeaderList, NodeId, SimResponse, Trace, TracedRequest } from '$lib/sim/types';

interface HarNameValue {
	name: string;
	value: string;
}

export interface HarEntry {
	startedDateTime: string;
	time: number;
	request: {
		method: string;
		url: string;
		httpVersion: string;
		cookies: HarNameValue[];
		headers: HarNameValue[];
		queryString: HarNameValue[];
		postData?: { mimeType: string; text: string };
		headersSize: number;
		bodySize: number;
	};
	response: {
		status: number;
		statusText: string;
		httpVersion: string;
		cookies: HarNameValue[];
		headers: HarNameValue[];
		content: { size: number; mimeType: string; text: string };
		redirectURL: string;
		headersSize: number;
		bodySize: number;
	};
	cache: Record<string, never>;
	timings: {
		blocked: number;
		dns: number;
		connect: number;
		send: number;
		wait: number;
		receive: number;
		ssl: number;
	};
	serverIPAddress?: string;
	comment?: string;
	_traceId: string;
	/**
	 * The calls the server made to other servers while answering (the view's POST to the identity
	 * provider's /token): they never passed through the browser, so they are not entries of their
	 * own; HAR allows custom fields that start with `_`.
	 */
	_serverCalls?: HarServerCall[];
}

/** One server-to-server call inside an entry: who called whom, and the raw HTTP both ways. */
export interface HarServerCall {
	from: string;
	to: string;
	startedDateTime: string;
	time: number;
	request: string;
	response: string;
}

export interface Har {
	log: {
		version: '1.2';
		creator: { name: string; version: string };
		entries: HarEntry[];
		comment?: string;
	};
}

const encoder = new TextEncoder();
const byteLength = (text: string) => encoder.encode(text).length;

function headerValue(headers: HeaderList, name: string): string | undefined {
	const lower = name.toLowerCase();
	return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

const toPairs = (headers: HeaderList): HarNameValue[] =>
	headers.map(([name, value]) => ({ name, value }));

function requestCookies(request: TracedRequest): HarNameValue[] {
	const header = headerValue(request.headers, 'cookie');
	if (!header) return [];
	return header
		.split(';')
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => {
			const eq = part.indexOf('=');
			return eq < 0
				? { name: part, value: '' }
				: { name: part.slice(0, eq), value: part.slice(eq + 1) };
		});
}

function responseCookies(response: SimResponse): HarNameValue[] {
	return response.headers
		.filter(([name]) => name.toLowerCase() === 'set-cookie')
		.map(([, line]) => {
			const pair = line.split(';')[0];
			const eq = pair.indexOf('=');
			return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
		});
}

/** Size of the status/request line plus headers plus the blank line, as HAR counts it. */
function headersSize(firstLine: string, headers: HeaderList): number {
	return byteLength(
		firstLine + '\r\n' + headers.map(([n, v]) => `${n}: ${v}\r\n`).join('') + '\r\n'
	);
}

/**
 * The request hops from a node of the stack to a server outside, each with the answer that came
 * back to it (the next hop from that server to the caller).
 */
function serverCalls(trace: Trace): HarServerCall[] {
	const calls: HarServerCall[] = [];
	trace.hops.forEach((hop, i) => {
		if (hop.from === 'browser' || !isOutsideNode(hop.to) || hop.direction !== 'in') return;
		const answer = trace.hops.slice(i + 1).find((h) => h.from === hop.to && h.to === hop.from);
		calls.push({
			from: hop.from,
			to: hop.to,
			startedDateTime: new Date(trace.startedAt + hop.atMs).toISOString(),
			time: answer ? answer.atMs + answer.durationMs - hop.atMs : hop.durationMs,
			request: hop.detail.http ?? hop.summary,
			response: answer?.detail.http ?? answer?.detail.note ?? answer?.summary ?? ''
		});
	});
	return calls;
}

/** Everything behind the web server: the time the browser waits for the answer. */
const SERVER_NODES: readonly NodeId[] = NODE_IDS.slice(NODE_IDS.indexOf('app-server'));

export function traceToHarEntry(trace: Trace): HarEntry {
	const { request, response } = trace;
	const url = new URL(request.url);
	const requestLine = `${request.method} ${url.pathname}${url.search} HTTP/1.1`;
	const statusLine = `HTTP/1.1 ${response.status} ${response.statusText}`;
	const mimeType = headerValue(response.headers, 'content-type') ?? 'application/octet-stream';
	// The simulated clock splits into waiting for the server and the two network legs.
	const wait = SERVER_NODES.reduce((sum, node) => sum + (trace.timings[node] ?? 0), 0);
	const network = Math.max(0, trace.totalMs - wait);
	const requestContentType = headerValue(request.headers, 'content-type');
	const calls = serverCalls(trace);
	return {
		startedDateTime: new Date(trace.startedAt).toISOString(),
		time: trace.totalMs,
		request: {
			method: request.method,
			url: request.url,
			httpVersion: 'HTTP/1.1',
			cookies: requestCookies(request),
			headers: toPairs(request.headers),
			queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
			...(request.body
				? {
						postData: {
							mimeType: requestContentType ?? 'application/octet-stream',
							text: request.body
						}
					}
				: {}),
			headersSize: headersSize(requestLine, request.headers),
			bodySize: request.bodyBytes ?? byteLength(request.body)
		},
		response: {
			status: response.status,
			statusText: response.statusText,
			httpVersion: 'HTTP/1.1',
			cookies: responseCookies(response),
			headers: toPairs(response.headers),
			content: { size: byteLength(response.body), mimeType, text: response.body },
			redirectURL: headerValue(response.headers, 'location') ?? '',
			headersSize: headersSize(statusLine, response.headers),
			bodySize: byteLength(response.body)
		},
		cache: {},
		timings: {
			blocked: -1,
			dns: -1,
			connect: -1,
			ssl: -1,
			send: network / 2,
			wait,
			receive: network / 2
		},
		comment: 'Simulated by Request Flow: times are the simulation’s clock, not a real network.',
		_traceId: trace.id,
		...(calls.length > 0 ? { _serverCalls: calls } : {})
	};
}

export function tracesToHar(traces: readonly Trace[], version = '0.1.0'): Har {
	return {
		log: {
			version: '1.2',
			creator: { name: 'Request Flow', version },
			entries: traces.map(traceToHarEntry)
		}
	};
}
