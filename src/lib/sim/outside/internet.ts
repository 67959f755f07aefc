/**
 * The other servers on the simulated internet: an identity provider, a payment provider's API, a
 * mail server. Each is an `OutsideServer` on its own host; the full project registers them
 * (`DjangoProject.outside`) and the site keeps them in one `Internet`.
 *
 * Two ways a request reaches one:
 * - from the browser (the student is sent to the identity provider's login page): `site.handle()`
 *   sees a host that is not mysite's and hands the request to the server, which records its own
 *   hops from `browser` on the request's trace;
 * - from Django, server to server (the view's `requests.post(...)`, `send_mail`): `callServer()`
 *   records the request leaving the calling node (`recorder.actor`, the view) for the server's
 *   node with its raw HTTP, lets the server answer, and records the answer coming back. The
 *   browser never sees these requests: the secret keys they carry stay on the server.
 *
 * A server can be switched off (`internet.setUp(host, false)`): a call to it then waits for the
 * caller's timeout and raises, as `requests` raises `ReadTimeout`.
 */
import type { HeaderList, OutsideNodeId, SimRequest, SimResponse } from '../types';
import type { TraceRecorder } from '../trace';
import { formatRequest, formatResponse, requestTarget } from '../http/raw';
import { decodeUtf8 } from '../http/bytes';

export interface OutsideCall {
	recorder: TraceRecorder;
	/** Wall clock of the simulation (ms since epoch). */
	now(): number;
	/** Who sent it: the student's browser, or a server (Django). */
	caller: 'browser' | 'server';
}

export interface OutsideServer {
	/** Host name, e.g. `id.example.test`. */
	readonly host: string;
	/** The diagram node that draws it. */
	readonly node: OutsideNodeId;
	/**
	 * Answers one request. For a call from the browser it records its own hops on `call.recorder`
	 * (browser → node and back); for a call from a server `callServer()` records the two hops
	 * around it, and the server may only record work inside its node (`from === to`).
	 */
	handle(request: SimRequest, call: OutsideCall): Promise<SimResponse> | SimResponse;
	/** Back to its first state (its users, its codes, its mailboxes). */
	reset?(): void;
}

/** `requests.exceptions.ReadTimeout` / `ConnectionError`, as the caller's Python sees it. */
export class OutsideUnavailable extends Error {
	constructor(
		readonly host: string,
		readonly pythonName: 'requests.exceptions.ReadTimeout' | 'requests.exceptions.ConnectionError',
		message: string
	) {
		super(message);
		this.name = 'OutsideUnavailable';
	}
}

export class Internet {
	#servers = new Map<string, OutsideServer>();
	#down = new Set<string>();

	constructor(servers: readonly OutsideServer[] = []) {
		for (const server of servers) this.#servers.set(server.host, server);
	}

	server(host: string): OutsideServer | undefined {
		return this.#servers.get(host.toLowerCase());
	}

	get servers(): readonly OutsideServer[] {
		return [...this.#servers.values()];
	}

	isUp(host: string): boolean {
		return !this.#down.has(host);
	}

	/** Switches a server on or off (off: calls to it time out). */
	setUp(host: string, up: boolean): void {
		if (up) this.#down.delete(host);
		else this.#down.add(host);
	}

	reset(): void {
		this.#down.clear();
		for (const server of this.#servers.values()) server.reset?.();
	}
}

export interface CallOptions {
	internet: Internet;
	recorder: TraceRecorder;
	now(): number;
	/** The caller's timeout in seconds (`requests.post(..., timeout=5)`). */
	timeoutS: number;
	/** One plain sentence for the request hop, e.g. "The view asks the payment API to charge 12.50 EUR." */
	summary: string;
	/** One plain sentence for the answer hop; by default "<host> answers <status> <reason>." */
	answerSummary?: (response: SimResponse) => string;
}

/** Network time between two servers in one data centre region, each way (simulated ms). */
export const SERVER_TO_SERVER_MS = 15;

/**
 * Sends `request` from the node running Django code now to the server of its URL's host, and
 * records both hops with their raw HTTP. Raises `OutsideUnavailable` when the host is unknown or
 * switched off (after the timeout, as the caller would wait).
 */
export async function callServer(request: SimRequest, options: CallOptions): Promise<SimResponse> {
	const { recorder, internet } = options;
	const from = recorder.actor;
	const host = new URL(request.url).hostname;
	const server = internet.server(host);
	if (!server) {
		throw new OutsideUnavailable(
			host,
			'requests.exceptions.ConnectionError',
			`Failed to resolve '${host}' (Name or service not known)`
		);
	}
	recorder.hop(from, server.node, 'request', 'in', options.summary, {
		http: formatRequest({
			method: request.method,
			target: requestTarget(request.url),
			headers: request.headers,
			body: decodeUtf8(request.body)
		})
	});
	recorder.transit(SERVER_TO_SERVER_MS);
	if (!internet.isUp(host)) {
		recorder.spend(server.node, options.timeoutS * 1000);
		recorder.hop(
			server.node,
			from,
			'response',
			'out',
			`No answer from ${host} within ${options.timeoutS} s: the call gives up (ReadTimeout).`,
			{
				note: `requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='${host}', port=443): Read timed out. (read timeout=${options.timeoutS})`
			}
		);
		throw new OutsideUnavailable(
			host,
			'requests.exceptions.ReadTimeout',
			`HTTPSConnectionPool(host='${host}', port=443): Read timed out. (read timeout=${options.timeoutS})`
		);
	}
	const response = await server.handle(request, {
		recorder,
		now: options.now,
		caller: 'server'
	});
	recorder.hop(
		server.node,
		from,
		'response',
		'out',
		options.answerSummary?.(response) ??
			`${host} answers ${response.status} ${response.statusText}.`,
		{ http: formatResponse(response) },
		1
	);
	recorder.transit(SERVER_TO_SERVER_MS);
	return response;
}

/** A JSON request as `requests.post(url, json=..., headers=...)` sends it. */
export function jsonRequest(
	method: string,
	url: string,
	body: unknown,
	headers: HeaderList = []
): SimRequest {
	const text = body === undefined ? '' : JSON.stringify(body);
	const host = new URL(url).host;
	return {
		method,
		url,
		headers: [
			['Host', host],
			['User-Agent', 'python-requests/2.32.3'],
			['Accept-Encoding', 'gzip, deflate'],
			['Accept', '*/*'],
			['Connection', 'keep-alive'],
			...headers,
			...(text
				? ([
						['Content-Length', String(new TextEncoder().encode(text).length)],
						['Content-Type', 'application/json']
					] as const)
				: [])
		],
		body: new TextEncoder().encode(text)
	};
}

declare module '../django/context' {
	interface SimContext {
		/** The other servers this project can call (`callServer({ internet, ... })`). */
		internet?: Internet;
	}
}
