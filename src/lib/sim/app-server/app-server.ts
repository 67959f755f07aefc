/**
 * The application server (gunicorn, sync workers): it turns nginx's HTTP request into a WSGI call
 * into Django and Django's answer back into HTTP.
 *
 * Each of N workers handles one request at a time. The queue lives in simulated time: a worker
 * is busy from a request's arrival until Django's simulated work is done, so a request that
 * arrives (by the wall clock) while every worker is still busy waits for the first one to free
 * up, and the trace shows that wait. A request that runs longer than `timeout` (30 s by default)
 * gets its worker killed by gunicorn's arbiter ("[CRITICAL] WORKER TIMEOUT"); nginx then sees
 * the connection close and answers 502. The real work is still done one request at a time by
 * the site's queue: only the clock is parallel.
 */
import type { HeaderList } from '../types';
import { COST, type TraceRecorder } from '../trace';
import { byteLength } from '../http/headers';
import { formatResponse } from '../http/raw';
import type { Environ } from '../django/http-request';
import type { ProxiedRequest, Upstream, UpstreamResult } from '../web-server/web-server';
import { buildEnviron, settingsModuleNote } from './environ';

export interface AppServerConfig {
	/** Is gunicorn running at all? Off, nginx's connect() is refused: 502. */
	up: boolean;
	/** `--workers`: gunicorn's docs suggest 2 × cores + 1; the demo runs 3. */
	workers: number;
	/** `--timeout`, in seconds (0: never kill a worker). */
	timeoutS: number;
}

/** The worker processes' environment (`os.environ`), not the WSGI environ. */
export interface WorkerProcess {
	/** `DJANGO_SETTINGS_MODULE`, e.g. `mysite.settings_full` (gunicorn's `--env`). */
	settingsModule: string;
	/** What `wsgi.py`'s `os.environ.setdefault()` gives when gunicorn sets nothing. */
	wsgiDefault: string;
}

export const DEFAULT_APP_SERVER_CONFIG: AppServerConfig = { up: true, workers: 3, timeoutS: 30 };

/** What Django hands back through WSGI: `start_response(status, headers)` and the body. */
export interface WsgiResponse {
	status: number;
	reason: string;
	headers: HeaderList;
	body: string;
}

export interface WsgiCall {
	environ: Environ;
	/** `wsgi.input`: the body's bytes. */
	body: Uint8Array;
	recorder: TraceRecorder;
	/** Simulated time (recorder clock) at which gunicorn kills the worker. */
	deadlineMs: number;
}

/** Django's WSGI handler. Throws `WorkerKilled` when its work ran past `deadlineMs`. */
export type WsgiApplication = (call: WsgiCall) => Promise<WsgiResponse>;

/** Thrown by the application when the simulated clock passed the worker's deadline. */
export class WorkerKilled extends Error {
	override name = 'WorkerKilled';
}

/** gunicorn's `limit_request_line`. */
const LIMIT_REQUEST_LINE = 4094;
const FIRST_PID = 4211;
/** How long the arbiter takes to boot a replacement worker. */
const BOOT_MS = 800;

interface Worker {
	id: number;
	pid: number;
	/** Wall-clock ms until which this worker is busy. */
	busyUntil: number;
}

export class AppServer implements Upstream {
	config: AppServerConfig;
	readonly #app: WsgiApplication;
	#workers: Worker[] = [];
	#nextPid = FIRST_PID;
	/** Wall-clock start times of requests that had to wait. */
	#waiting: number[] = [];

	readonly #process: WorkerProcess;

	constructor(
		app: WsgiApplication,
		config: Partial<AppServerConfig> = {},
		process: WorkerProcess = { settingsModule: 'mysite.settings', wsgiDefault: 'mysite.settings' }
	) {
		this.#app = app;
		this.#process = process;
		this.config = { ...DEFAULT_APP_SERVER_CONFIG, ...config };
		this.reset();
	}

	/** Fresh workers, nobody busy: a restart. */
	reset(): void {
		this.#nextPid = FIRST_PID;
		this.#workers = [];
		this.#waiting = [];
		this.#fitWorkers();
	}

	#fitWorkers(): void {
		const count = Math.max(1, Math.floor(this.config.workers));
		while (this.#workers.length < count) {
			this.#workers.push({ id: this.#workers.length + 1, pid: this.#nextPid++, busyUntil: 0 });
		}
		this.#workers.length = count;
	}

	async handle(request: ProxiedRequest, recorder: TraceRecorder): Promise<UpstreamResult> {
		if (!this.config.up) return { kind: 'refused' };
		this.#fitWorkers();
		const requestLine = `${request.method} ${request.target} HTTP/1.0`;
		if (requestLine.length > LIMIT_REQUEST_LINE) {
			return this.#send(
				recorder,
				badRequest(`Request Line is too large (${requestLine.length} > ${LIMIT_REQUEST_LINE})`)
			);
		}

		const arrival = recorder.startedAt + recorder.now;
		// The first idle worker, or else the one that frees up soonest.
		const worker =
			this.#workers.find((w) => w.busyUntil <= arrival) ??
			this.#workers.reduce((best, w) => (w.busyUntil < best.busyUntil ? w : best));
		const waited = Math.max(0, worker.busyUntil - arrival);
		const workers = this.#workers.length;
		const queued = this.#waiting.filter((start) => start > arrival).length;
		if (waited > 0) {
			this.#waiting.push(arrival + waited);
			recorder.spend('app-server', waited);
			recorder.hop(
				'app-server',
				'app-server',
				'wait',
				'in',
				`All ${workers} workers are busy: the request waits ${formatSeconds(waited)} in gunicorn's queue.`,
				{ queue: { waitedMs: waited, worker: worker.id, workers, queued } }
			);
		}
		const startedAt = recorder.now;
		const environ = buildEnviron({
			method: request.method,
			target: request.target,
			headers: request.headers,
			remoteAddr: '127.0.0.1',
			remotePort: 50000 + (((recorder.startedAt / 7) % 10000) | 0)
		});
		recorder.hop(
			'app-server',
			'middleware',
			'request',
			'in',
			`Gunicorn worker ${worker.id} (pid ${worker.pid}) calls Django with the WSGI environ.`,
			{
				environ,
				queue: { waitedMs: waited, worker: worker.id, workers, queued },
				note: settingsModuleNote(this.#process.settingsModule, this.#process.wsgiDefault)
			},
			COST.localProxy
		);
		// `--timeout 0` means no timeout at all, as in gunicorn.
		const timeoutMs = this.config.timeoutS > 0 ? this.config.timeoutS * 1000 : Infinity;
		const deadline = startedAt + timeoutMs;
		try {
			const response = await this.#app({
				environ,
				body: request.body,
				recorder,
				deadlineMs: deadline
			});
			worker.busyUntil = recorder.startedAt + recorder.now;
			return this.#send(recorder, response, request.method);
		} catch (error) {
			if (!(error instanceof WorkerKilled)) throw error;
			recorder.rewindTo(deadline);
			const old = worker.pid;
			worker.pid = this.#nextPid++;
			worker.busyUntil = recorder.startedAt + deadline + BOOT_MS;
			recorder.hop(
				'app-server',
				'app-server',
				'call',
				'out',
				`Gunicorn kills worker ${worker.id} after ${this.config.timeoutS} s without an answer, and starts a new one.`,
				{
					note:
						`[CRITICAL] WORKER TIMEOUT (pid:${old})\n` +
						`[ERROR] Worker (pid:${old}) was sent SIGKILL! Perhaps out of memory?\n` +
						`[INFO] Booting worker with pid: ${worker.pid}`
				}
			);
			return { kind: 'closed', atMs: recorder.now };
		}
	}

	/** gunicorn writes its status line, `Server`, `Date`, `Connection`, then Django's headers. */
	#send(recorder: TraceRecorder, response: WsgiResponse, method = 'GET'): UpstreamResult {
		const headers: HeaderList = [
			['Server', 'gunicorn'],
			['Date', new Date(recorder.startedAt + recorder.now).toUTCString()],
			['Connection', 'close'],
			...response.headers
		];
		const body = method === 'HEAD' ? '' : response.body;
		recorder.hop(
			'app-server',
			'web-server',
			'response',
			'out',
			`Gunicorn writes Django's ${response.status} ${response.reason} back to the web server as HTTP.`,
			{
				http: formatResponse(
					{ status: response.status, statusText: response.reason, headers, body },
					{ version: 'HTTP/1.0' }
				)
			},
			COST.localProxy
		);
		return { kind: 'response', status: response.status, reason: response.reason, headers, body };
	}
}

/** gunicorn's own error page for a request it cannot parse. */
function badRequest(message: string): WsgiResponse {
	const body =
		'<html>\n  <head>\n    <title>Bad Request</title>\n  </head>\n  <body>\n' +
		`    <h1><p>Bad Request</p></h1>\n    ${message.replace(/>/g, '&gt;')}\n  </body>\n</html>\n`;
	return {
		status: 400,
		reason: 'Bad Request',
		headers: [
			['Content-Type', 'text/html'],
			['Content-Length', String(byteLength(body))]
		],
		body
	};
}

function formatSeconds(ms: number): string {
	return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
