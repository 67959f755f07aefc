/**
 * The trace recorder: a simulated clock and the list of hops one request makes through the stack.
 *
 * Every node calls `hop(from, to, kind, direction, summary, detail, costMs)` as the request (or
 * its answer) leaves it; `costMs` is the simulated work done at `from` before it left. The
 * recorder keeps per-node totals (sent back as `Server-Timing`, one entry per node id) and
 * `finish()` freezes everything into a plain, JSON-safe `Trace`.
 *
 * Names the rest of Django uses (agreed with the views, ORM and template helpers):
 * - a view saying "these source lines ran":      `recorder.ran(source, summary)`   → view→view `call`
 *   (the handler itself records url-resolver→view with the view's own `source`, if it has one)
 * - the ORM (any caller: view, middleware):       `recorder.ormCall(orm)`           → <actor>→model `call`
 *                                                 `recorder.query(info)`            → model→database `query`,
 *                                                                                     database→model `rows`
 *                                                 `recorder.ormReturn(summary)`     → model→<actor> `return`
 *   A `query()` outside an `ormCall()`/`ormReturn()` pair opens and closes the call itself, so a
 *   session load or a raw statement still draws a complete round trip.
 * - templates:                                    `recorder.render(name, context)`  → view→template `render`
 *                                                 `recorder.rendered(info)`         → template→view `return`
 * Views reach the request's recorder as `request.sim.recorder`; the ORM reaches it through the
 * site's query listener, which knows "the current request" because a site runs one request
 * through Django at a time (site.ts).
 * `<actor>` is whoever runs Django code right now: the handler sets `recorder.actor` to
 * `middleware` while middleware runs and to `view` while the view runs.
 */
import type {
	Direction,
	Hop,
	HopDetail,
	HopKind,
	NodeId,
	QueryInfo,
	SimRequest,
	SimResponse,
	SourceRef,
	TemplateInfo,
	Trace
} from './types';
import { NODE_IDS } from './types';
import { frozenPlainCopy } from './plain-data';
import { asRun } from './source-as-run';
import { decodeUtf8 } from './http/bytes';
import { byteLength } from './http/headers';

/** Simulated costs in milliseconds: rough, but in proportion, so the timeline teaches something. */
export const COST = {
	network: 20, // browser ↔ web server over the internet
	parse: 0.05, // nginx reading a request line and headers
	localProxy: 0.3, // nginx → gunicorn over a local socket
	staticLookup: 0.2,
	middleware: 0.05,
	resolvePattern: 0.01,
	viewLine: 0.05,
	ormCall: 0.05,
	query: 0.4,
	perRow: 0.01,
	render: 0.8
} as const;

export interface RecorderOptions {
	id?: string;
	/** Wall-clock start (ms since epoch); defaults to `Date.now()`. */
	startedAt?: number;
}

/** Random once per page (or process), so ids from two tabs differ; a counter after it. */
const ID_PREFIX = `${Date.now().toString(36)}-${Math.floor(Math.random() * 0x100000000).toString(16)}`;
let counter = 0;

/** A short, unique, URL-safe id (also the `X-Trace-Id` header): no random draw per request. */
export function newTraceId(): string {
	counter += 1;
	return `${ID_PREFIX}-${counter.toString(16).padStart(4, '0')}`;
}

export class TraceRecorder {
	readonly id: string;
	readonly startedAt: number;
	/** The node that is running Django code now: the ORM's calls start and end here. */
	actor: NodeId = 'view';
	/**
	 * The project's files as the server runs them (Django's handler sets them): a hop's `source`
	 * from a file the student edited then carries the file as it ran (`source-as-run.ts`).
	 */
	files?: Readonly<Record<string, string>>;
	#clock = 0;
	#hops: Hop[] = [];
	#timings: Partial<Record<NodeId, number>> = {};
	#pending: Partial<Record<NodeId, number>> = {};
	#ormDepth = 0;

	constructor(options: RecorderOptions = {}) {
		this.id = options.id ?? newTraceId();
		this.startedAt = options.startedAt ?? Date.now();
	}

	/** The simulated clock: milliseconds since the request left the browser. */
	get now(): number {
		return this.#clock;
	}

	get hops(): readonly Hop[] {
		return this.#hops;
	}

	get lastHop(): Hop | undefined {
		return this.#hops[this.#hops.length - 1];
	}

	/** Per-node totals so far. */
	get timings(): Readonly<Partial<Record<NodeId, number>>> {
		return { ...this.#timings };
	}

	/** Records a hop leaving `from` after `costMs` of work there (plus any `spend()` on it). */
	hop(
		from: NodeId,
		to: NodeId,
		kind: HopKind,
		direction: Direction,
		summary: string,
		detail: HopDetail = {},
		costMs = 0
	): Hop {
		if (detail.source && this.files) {
			const source = asRun(detail.source, this.files);
			if (source !== detail.source) detail = { ...detail, source };
		}
		const duration = round(costMs + (this.#pending[from] ?? 0));
		delete this.#pending[from];
		this.#clock = round(this.#clock + costMs);
		if (costMs > 0) this.#timings[from] = round((this.#timings[from] ?? 0) + costMs);
		const hop: Hop = {
			index: this.#hops.length,
			from,
			to,
			kind,
			direction,
			summary,
			durationMs: duration,
			atMs: this.#clock,
			detail
		};
		this.#hops.push(hop);
		return hop;
	}

	/** Work inside a node that is not a hop of its own (a slow view, gunicorn's queue). */
	spend(node: NodeId, ms: number): void {
		if (ms <= 0) return;
		this.#clock = round(this.#clock + ms);
		this.#timings[node] = round((this.#timings[node] ?? 0) + ms);
		this.#pending[node] = round((this.#pending[node] ?? 0) + ms);
	}

	/** Time on the wire, which belongs to no node (so it is not in `Server-Timing`). */
	transit(ms: number): void {
		this.#clock = round(this.#clock + ms);
	}

	/**
	 * Forgets everything after simulated time `atMs`: what a killed worker or a proxy that gave up
	 * never got to see. The time between the last kept hop and `atMs` was spent at `node`
	 * (by default where the last kept hop went).
	 */
	rewindTo(atMs: number, node?: NodeId): void {
		if (atMs >= this.#clock) return;
		this.#hops = this.#hops.filter((hop) => hop.atMs <= atMs);
		this.#timings = {};
		this.#pending = {};
		this.#ormDepth = 0;
		for (const hop of this.#hops) {
			this.#timings[hop.from] = round((this.#timings[hop.from] ?? 0) + hop.durationMs);
		}
		const last = this.lastHop;
		this.#clock = last?.atMs ?? 0;
		this.spend(node ?? last?.to ?? 'web-server', atMs - this.#clock);
	}

	// --- Django-level helpers (see the module comment) -------------------------------------

	/** A view (or a mixin it runs) executed these lines. */
	ran(source: SourceRef, summary: string, costMs: number = COST.viewLine): Hop {
		return this.hop('view', 'view', 'call', 'in', summary, { source }, costMs);
	}

	/** The caller (`actor`) asks the ORM for something, e.g. `Post.objects.get(pk=3)`. */
	ormCall(orm: string, summary = `Asks the model: ${orm}`): Hop {
		this.#ormDepth += 1;
		return this.hop(this.actor, 'model', 'call', 'in', summary, { note: orm }, COST.ormCall);
	}

	/** One SQL statement and the rows it gave back: two hops. */
	query(info: QueryInfo): Hop {
		const implicit = this.#ormDepth === 0;
		if (implicit) this.ormCall(info.orm);
		const verb = info.sql.trimStart().split(/\s+/, 1)[0]?.toUpperCase() ?? 'SQL';
		this.hop(
			'model',
			'database',
			'query',
			'in',
			`The ORM sends ${/^[AEIOU]/.test(verb) ? 'an' : 'a'} ${verb} query to SQLite.`,
			{ query: info },
			COST.ormCall
		);
		const got =
			info.rowsAffected !== undefined && verb !== 'SELECT'
				? `${info.rowsAffected} row${info.rowsAffected === 1 ? '' : 's'} changed`
				: `${info.rows.length} row${info.rows.length === 1 ? '' : 's'}`;
		const hop = this.hop(
			'database',
			'model',
			'rows',
			'out',
			`SQLite answers: ${got}.`,
			{ query: info },
			COST.query + COST.perRow * info.rows.length
		);
		if (implicit) this.ormReturn(`The model hands back the result of ${info.orm}.`);
		return hop;
	}

	/** The ORM hands its result (instances, a count, nothing) back to the caller. */
	ormReturn(summary: string, note?: string): Hop {
		this.#ormDepth = Math.max(0, this.#ormDepth - 1);
		return this.hop('model', this.actor, 'return', 'out', summary, note ? { note } : {});
	}

	/** The view hands a template name and context to the template engine. */
	render(name: string, context: Readonly<Record<string, unknown>>): Hop {
		return this.hop(
			'view',
			'template',
			'render',
			'in',
			`The view asks the template engine to render ${name}.`,
			{ template: { name, used: [name], context, html: '' } }
		);
	}

	/** The template engine hands the finished HTML back to the view. */
	rendered(info: TemplateInfo, costMs: number = COST.render): Hop {
		const size = byteLength(info.html);
		return this.hop(
			'template',
			'view',
			'return',
			'out',
			`The template engine returns ${size} bytes of HTML from ${info.name}.`,
			{ template: info },
			costMs
		);
	}

	// --- finishing -------------------------------------------------------------------------

	/** `Server-Timing` value: one entry per node that spent time, in diagram order. */
	serverTiming(): string {
		return NODE_IDS.filter((node) => node !== 'browser' && this.#timings[node] !== undefined)
			.map((node) => `${node};dur=${formatMs(this.#timings[node] ?? 0)}`)
			.join(', ');
	}

	/** Freezes the hops into a `Trace` with the request and response the browser saw. */
	finish(request: SimRequest, response: SimResponse): Trace {
		const trace: Trace = {
			id: this.id,
			method: request.method,
			url: request.url,
			status: response.status,
			startedAt: this.startedAt,
			totalMs: this.#clock,
			timings: { ...this.#timings },
			hops: this.#hops,
			request: {
				method: request.method,
				url: request.url,
				headers: request.headers,
				body: decodeUtf8(request.body),
				bodyBytes: request.body.length
			},
			response
		};
		// A copy, so later changes to a model instance or a context dict cannot reach the trace.
		return frozenPlainCopy(trace);
	}
}

function round(ms: number): number {
	return Math.round(ms * 1000) / 1000;
}

function formatMs(ms: number): string {
	return String(round(ms));
}
