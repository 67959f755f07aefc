/**
 * The request history: every request the simulated browser sent, newest first, at most 50.
 *
 * The mini browser and the API console register each request they send (`begin`) and close it
 * with the response (`finish`/`fail`). Traces arrive from the trace bus as the stack answers;
 * each is claimed by the request it belongs to (the first request, then each redirect a browser
 * follows), so a login's 302 and the profile page it leads to make one entry. A trace no request
 * claims (a stylesheet or image the page loaded, a fetch typed elsewhere) gets its own entry.
 */
import { onTrace } from '$lib/flow/trace-bus';
import type { Trace } from '$lib/sim/types';
import { expectedNext, servedByWebServerOnly, traceLocation, withoutHash } from './redirect';
import type { ClientRequest } from './request';

export type RequestSource = 'browser' | 'console' | 'script' | 'page';

export interface TraceStep {
	traceId: string;
	method: string;
	url: string;
	status: number;
	location?: string;
	webServerOnly: boolean;
	simulatedMs: number;
}

export interface HistoryEntry {
	id: number;
	source: RequestSource;
	request: ClientRequest;
	startedAt: number;
	state: 'pending' | 'done' | 'failed';
	status?: number;
	statusText?: string;
	finalUrl?: string;
	/** The trace of the final response (`X-Trace-Id`), for "Show in player". */
	traceId?: string;
	/** Every trace of this request, redirects included, in order. */
	steps: TraceStep[];
	wallMs?: number;
	error?: string;
}

export const HISTORY_LIMIT = 50;

function step(trace: Trace): TraceStep {
	return {
		traceId: trace.id,
		method: trace.method,
		url: trace.url,
		status: trace.status,
		location: traceLocation(trace),
		webServerOnly: servedByWebServerOnly(trace),
		simulatedMs: trace.totalMs
	};
}

export class RequestHistory {
	entries = $state<HistoryEntry[]>([]);
	#nextId = 1;
	#traces: Trace[] = [];
	#connections = 0;
	#stop: (() => void) | null = null;

	/**
	 * Listens to the trace bus while at least one component shows the history; returns the
	 * function that lets go.
	 */
	connect(): () => void {
		if (this.#connections++ === 0) this.#stop = onTrace((trace) => this.observe(trace));
		let connected = true;
		return () => {
			if (!connected) return;
			connected = false;
			if (--this.#connections === 0) {
				this.#stop?.();
				this.#stop = null;
			}
		};
	}

	begin(source: RequestSource, request: ClientRequest): number {
		const id = this.#nextId++;
		this.entries.unshift({
			id,
			source,
			request,
			startedAt: Date.now(),
			state: 'pending',
			steps: []
		});
		this.#trim();
		return id;
	}

	finish(
		id: number,
		response: { status: number; statusText: string; url: string; traceId: string | null }
	): void {
		const entry = this.#find(id);
		if (!entry) return;
		entry.state = 'done';
		entry.status = response.status;
		entry.statusText = response.statusText;
		entry.finalUrl = response.url;
		entry.traceId = response.traceId ?? entry.steps.at(-1)?.traceId;
		entry.wallMs = Date.now() - entry.startedAt;
	}

	fail(id: number, message: string): void {
		const entry = this.#find(id);
		if (!entry) return;
		entry.state = 'failed';
		entry.error = message;
		entry.wallMs = Date.now() - entry.startedAt;
	}

	/** A trace from the stack: it belongs to a pending request, or it is a request of its own. */
	observe(trace: Trace): void {
		this.#traces.push(trace);
		if (this.#traces.length > HISTORY_LIMIT * 4) this.#traces.shift();
		const url = withoutHash(trace.url);
		// Oldest pending request first: it asked first, so its request reached the stack first.
		const owner = [...this.entries].reverse().find((entry) => {
			if (entry.state !== 'pending') return false;
			const next = expectedNext(entry.request, entry.steps);
			return next !== null && next.method === trace.method.toUpperCase() && next.url === url;
		});
		if (owner) {
			owner.steps.push(step(trace));
			return;
		}
		this.entries.unshift({
			id: this.#nextId++,
			source: 'page',
			request: { method: trace.method, url: trace.url, headers: [], body: { kind: 'none' } },
			startedAt: trace.startedAt,
			state: 'done',
			status: trace.status,
			statusText: trace.response.statusText,
			finalUrl: trace.url,
			traceId: trace.id,
			steps: [step(trace)],
			wallMs: undefined
		});
		this.#trim();
	}

	trace(id: string): Trace | undefined {
		return this.#traces.find((t) => t.id === id);
	}

	clear(): void {
		this.entries = this.entries.filter((e) => e.state === 'pending');
	}

	#find(id: number): HistoryEntry | undefined {
		return this.entries.find((e) => e.id === id);
	}

	#trim() {
		if (this.entries.length > HISTORY_LIMIT) this.entries.length = HISTORY_LIMIT;
	}
}

/** The page's one history, shared by the mini browser, the console and the History tab. */
export const requestHistory = new RequestHistory();
