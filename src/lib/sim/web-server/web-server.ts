/**
 * The web server (nginx): the front door. It checks that a request is well formed and not too
 * big, answers `/static/…` from its own files, and passes everything else to the application
 * server (`proxy_pass`), adding `X-Forwarded-For`, `X-Forwarded-Proto` and `Host`. When the
 * application server is down, or its worker dies, the student sees nginx's 502; when it takes
 * longer than `proxy_read_timeout`, nginx's 504.
 *
 * The simulated configuration, as a student would write it:
 *
 *     server {
 *         listen 443 ssl;  server_name mysite.test;  server_tokens off;
 *         client_max_body_size 1m;
 *         location /static/ { alias /srv/mysite/static/; }
 *         location / {
 *             proxy_pass http://127.0.0.1:8000;
 *             proxy_set_header Host $host;
 *             proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
 *             proxy_set_header X-Forwarded-Proto $scheme;
 *             proxy_read_timeout 60s;
 *             add_header X-Trace-Id $request_id always;
 *         }
 *     }
 */
import type { HeaderList, SimRequest, SimResponse } from '../types';
import { COST, type TraceRecorder } from '../trace';
import { byteLength, getHeader } from '../http/headers';
import { decodeUtf8 } from '../http/bytes';
import { formatRequest, formatResponse, requestTarget } from '../http/raw';
import { nginxError, type NginxError } from './error-pages';
import { parseTarget } from './uri';
import { browserHeaders, checkRequest, checkRequestLine } from './request-checks';
import { serveStatic } from './static-location';
import { StaticFiles, STATIC_PREFIX } from './static-files';

export interface WebServerConfig {
	/** `client_max_body_size`, in bytes (nginx's default is 1m; 0 means no limit). */
	clientMaxBodySize: number;
	/** `proxy_read_timeout`, in seconds (nginx's default is 60). */
	proxyReadTimeoutS: number;
	/** The browser's address as nginx sees it (a documentation address, RFC 5737). */
	clientAddress: string;
}

export const DEFAULT_WEB_SERVER_CONFIG: WebServerConfig = {
	clientMaxBodySize: 1024 * 1024,
	proxyReadTimeoutS: 60,
	clientAddress: '203.0.113.7'
};

/** A request as nginx forwards it (HTTP/1.0, as `proxy_http_version` defaults to). */
export interface ProxiedRequest {
	method: string;
	target: string;
	headers: HeaderList;
	body: Uint8Array;
}

export type UpstreamResult =
	| { kind: 'response'; status: number; reason: string; headers: HeaderList; body: string }
	| { kind: 'refused' }
	| { kind: 'closed'; atMs: number };

export interface Upstream {
	/** `atMs` on the recorder when the upstream's answer (or its death) reached nginx. */
	handle(request: ProxiedRequest, recorder: TraceRecorder): Promise<UpstreamResult>;
}

/** `scheme://host` of the `Location` nginx writes itself: the `Host` the browser sent, without a port. */
function redirectOrigin(headers: HeaderList): string {
	return `https://${(getHeader(headers, 'host') ?? '').replace(/:\d+$/, '').toLowerCase()}`;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'te', 'trailer', 'upgrade']);

export class WebServer {
	config: WebServerConfig;
	readonly files: StaticFiles;
	readonly #upstream: Upstream;

	constructor(upstream: Upstream, files: StaticFiles, config: Partial<WebServerConfig> = {}) {
		this.#upstream = upstream;
		this.files = files;
		this.config = { ...DEFAULT_WEB_SERVER_CONFIG, ...config };
	}

	async handle(request: SimRequest, recorder: TraceRecorder): Promise<SimResponse> {
		const target = requestTarget(request.url);
		const host = /^[a-z]+:\/\/([^/?#]*)/i.exec(request.url)?.[1] ?? '';
		const headers = browserHeaders(request, host);
		const method = request.method;
		recorder.hop(
			'browser',
			'web-server',
			'request',
			'in',
			`The browser sends ${method} ${target.split('?')[0]} to the web server.`,
			{ http: formatRequest({ method, target, headers, body: decodeUtf8(request.body) }) }
		);
		recorder.transit(COST.network);
		recorder.spend('web-server', COST.parse);

		// In nginx's order: the request line, then its URI, then the headers and the body's size.
		const badLine = checkRequestLine(method, target);
		if (badLine) return this.#error(badLine, method, recorder);
		const parsed = parseTarget(target);
		if (!parsed.ok) return this.#error(nginxError(parsed.status), method, recorder, parsed.reason);
		const refusal = checkRequest(
			method,
			target,
			headers,
			request.body,
			this.config.clientMaxBodySize
		);
		if (refusal) return this.#error(refusal, method, recorder);

		if (parsed.path.startsWith(STATIC_PREFIX)) {
			const served = serveStatic(
				this.files,
				{
					method,
					path: parsed.path,
					query: parsed.query,
					headers,
					origin: redirectOrigin(headers)
				},
				recorder
			);
			if ('status' in served && 'closeConnection' in served) {
				return this.#error(served, method, recorder);
			}
			return this.#reply(served, method, recorder, 'static');
		}
		return this.#proxy(method, target, headers, request.body, recorder);
	}

	async #proxy(
		method: string,
		target: string,
		headers: HeaderList,
		body: Uint8Array,
		recorder: TraceRecorder
	): Promise<SimResponse> {
		const host = getHeader(headers, 'host') ?? '';
		const forwarded = getHeader(headers, 'x-forwarded-for');
		const proxied: ProxiedRequest = {
			method,
			target,
			headers: [
				['Host', host.replace(/:\d+$/, '').toLowerCase()],
				[
					'X-Forwarded-For',
					forwarded ? `${forwarded}, ${this.config.clientAddress}` : this.config.clientAddress
				],
				['X-Forwarded-Proto', 'https'],
				['Connection', 'close'],
				...(body.length ? [['Content-Length', String(body.length)] as const] : []),
				...headers.filter(([name]) => {
					const lower = name.toLowerCase();
					// nginx drops names with underscores or other odd characters (underscores_in_headers off).
					return (
						/^[A-Za-z0-9-]+$/.test(name) &&
						!HOP_BY_HOP.has(lower) &&
						!['host', 'x-forwarded-for', 'x-forwarded-proto', 'content-length'].includes(lower)
					);
				})
			],
			body
		};
		const sentAt = recorder.now;
		recorder.hop(
			'web-server',
			'app-server',
			'request',
			'in',
			`The web server passes ${method} ${target.split('?')[0]} on to the application server.`,
			{ http: formatRequest({ ...proxied, body: decodeUtf8(body) }, { version: 'HTTP/1.0' }) },
			COST.localProxy
		);
		const result = await this.#upstream.handle(proxied, recorder);
		const deadline = sentAt + COST.localProxy + this.config.proxyReadTimeoutS * 1000;
		const answeredAt = result.kind === 'closed' ? result.atMs : recorder.now;
		if (result.kind !== 'refused' && answeredAt > deadline) {
			recorder.rewindTo(deadline);
			const note =
				'upstream timed out (110: Connection timed out) while reading response header from upstream';
			return this.#error(nginxError(504), method, recorder, note);
		}
		if (result.kind === 'refused') {
			const note = 'connect() failed (111: Connection refused) while connecting to upstream';
			return this.#error(nginxError(502), method, recorder, note);
		}
		if (result.kind === 'closed') {
			const note =
				'upstream prematurely closed connection while reading response header from upstream';
			return this.#error(nginxError(502), method, recorder, note);
		}
		const skip = new Set([
			'server',
			'date',
			'connection',
			'content-type',
			'content-length',
			'keep-alive'
		]);
		const contentType = getHeader(result.headers, 'content-type');
		const contentLength = getHeader(result.headers, 'content-length');
		// No length from upstream: nginx sends the body to an HTTP/1.1 browser in chunks (a HEAD, a
		// 204 or a 304 has no body to chunk).
		const chunked =
			contentLength === undefined &&
			method !== 'HEAD' &&
			result.status !== 204 &&
			result.status !== 304 &&
			result.status >= 200;
		return this.#reply(
			{
				status: result.status,
				reason: result.reason,
				headers: [
					...(contentType ? [['Content-Type', contentType] as const] : []),
					...(contentLength !== undefined ? [['Content-Length', contentLength] as const] : []),
					...(chunked ? [['Transfer-Encoding', 'chunked'] as const] : []),
					['Connection', 'keep-alive'],
					...result.headers.filter(([name]) => !skip.has(name.toLowerCase()))
				],
				body: result.body
			},
			method,
			recorder,
			'proxy'
		);
	}

	#error(error: NginxError, method: string, recorder: TraceRecorder, log?: string): SimResponse {
		if (log) {
			recorder.hop(
				'web-server',
				'web-server',
				'static',
				'out',
				`nginx: ${error.status} ${error.reason}.`,
				{
					note: `[error] ${log}`
				}
			);
		}
		return this.#reply(
			{
				status: error.status,
				reason: error.reason,
				headers: [
					['Content-Type', 'text/html'],
					['Content-Length', String(byteLength(error.body))],
					['Connection', error.closeConnection ? 'close' : 'keep-alive'],
					...(error.headers ?? [])
				],
				body: error.body
			},
			method,
			recorder,
			'error'
		);
	}

	/** The last hop: nginx's status line, `Server`, `Date`, then the rest, back to the browser. */
	#reply(
		response: { status: number; reason: string; headers: HeaderList; body: string },
		method: string,
		recorder: TraceRecorder,
		source: 'static' | 'proxy' | 'error'
	): SimResponse {
		recorder.spend('web-server', source === 'proxy' ? COST.localProxy : 0);
		const date = new Date(recorder.startedAt + recorder.now).toUTCString();
		const headers: HeaderList = [
			['Server', 'nginx'],
			['Date', date],
			...response.headers,
			['X-Trace-Id', recorder.id],
			['Server-Timing', recorder.serverTiming()]
		];
		const final: SimResponse = {
			status: response.status,
			statusText: response.reason,
			headers,
			body: method === 'HEAD' ? '' : response.body
		};
		const what =
			source === 'static'
				? 'the file from its own disk'
				: source === 'proxy'
					? "the application server's answer"
					: 'its own error page';
		recorder.hop(
			'web-server',
			'browser',
			'response',
			'out',
			`The web server sends ${response.status} ${response.reason} back to the browser: ${what}.`,
			{ http: formatResponse(final) }
		);
		recorder.transit(COST.network);
		return final;
	}
}
