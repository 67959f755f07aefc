/**
 * One lesson page's live state: the requests the student sent, the traces the stack produced on
 * this page (from the trace bus, whoever sent them: a step's button, the stage's request form or
 * the mini browser), the node the player should pause at, and the site settings in force.
 *
 * Requests are real `fetch` calls to the simulated origin; a response names its trace in the
 * `X-Trace-Id` header. A browser follows redirects by itself, so one send can produce several
 * traces: `Sent.traces` holds them all, the request as written first.
 */
import { onTrace } from '$lib/flow/trace-bus';
import type { PlayerController } from '$lib/player/player.svelte';
import type { NodeId, Trace } from '$lib/sim/types';
import { csrfTokenFor } from '$lib/client/form-post';
import { simulation } from '$lib/client/simulation-status.svelte';
import { buildRequest, FormMemory, lessonUrl, needsCsrfToken, requestLine } from './request-spec';
import type { RequestSpec } from './schema';

export interface Sent {
	id: number;
	label: string;
	status: number;
	statusText: string;
	contentType: string;
	body: string;
	traces: Trace[];
	error?: undefined;
}
export interface Failed {
	id: number;
	label: string;
	error: string;
}
export type SendResult = Sent | Failed;

let sendCounter = 0;

export class LessonSession {
	/** Every trace seen on this page, oldest first. */
	traces = $state.raw<Trace[]>([]);
	/** What each send gave, newest last. */
	results = $state.raw<SendResult[]>([]);
	/** The trace the stage shows. */
	selected = $state<string | null>(null);
	breakpoints = $state<NodeId[]>([]);
	sending = $state(0);
	readonly memory = new FormMemory();
	#stop: (() => void) | null = null;
	// Callbacks, not state the UI reads.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #showListeners = new Set<(id: string) => void>();

	#player: PlayerController | null = null;
	#hold: Promise<unknown> = Promise.resolve();

	/** Requests sent from now on wait for `work` (the demo site being rebuilt) to finish. */
	holdUntil(work: Promise<unknown>): void {
		this.#hold = work.catch(() => {});
	}

	#playing = false;

	/** The stage's player, so a step's send button can give Space to it (see `space-for-player`). */
	attachPlayer(player: PlayerController): () => void {
		this.#player = player;
		const stop = player.onHop((change) => (this.#playing = change.status === 'playing'));
		return () => {
			stop();
			if (this.#player === player) this.#player = null;
		};
	}

	/** Plays or pauses the stage's player, as Space does inside it. */
	togglePlayback(): void {
		if (this.#playing) this.#player?.pause();
		else this.#player?.play();
	}

	/** Starts listening to the trace bus; returns the function that stops. */
	listen(): () => void {
		this.#stop ??= onTrace((trace) => {
			this.traces = [...this.traces, trace];
			this.selected = trace.id;
			this.memory.remember(trace.response.body);
		});
		return () => {
			this.#stop?.();
			this.#stop = null;
		};
	}

	/** The student chose a request to look at (in a step or the history): the stage shows it. */
	show(id: string): void {
		this.selected = id;
		for (const listener of this.#showListeners) listener(id);
	}

	/** Calls `listener` when the student chooses a request to look at. */
	onShow(listener: (id: string) => void): () => void {
		this.#showListeners.add(listener);
		return () => this.#showListeners.delete(listener);
	}

	/** The demo site was reset: what the page remembered of it (the form's token) is gone. */
	forgetSite(): void {
		this.memory.forget();
	}

	trace(id: string | null): Trace | undefined {
		return id ? this.traces.find((t) => t.id === id) : undefined;
	}

	/**
	 * Sends one request as the browser would. A form is submitted with the CSRF token of the last
	 * page with a form; when there was none, the browser opens the form's page first.
	 */
	async send(
		spec: RequestSpec,
		label = spec.send,
		/** `false` for the rebuild's own request, which must not wait for the rebuild. */
		held = true
	): Promise<SendResult> {
		const id = ++sendCounter;
		this.sending += 1;
		let result: SendResult;
		try {
			// The first click on a fresh page waits for the simulation instead of failing.
			await simulation.wait();
			if (held) await this.#hold;
			if (needsCsrfToken(spec) && !this.memory.csrfToken) {
				const { path } = requestLine(spec);
				await csrfTokenFor(path, undefined, async (page) => {
					const opened = await this.send({ send: `GET ${page}` });
					return 'body' in opened ? opened.body : '';
				});
			}
			const built = buildRequest(spec, this.memory);
			const before = this.traces.length;
			const response = await fetch(lessonUrl(built.path), {
				method: built.method,
				headers: built.headers,
				body: built.method === 'GET' || built.method === 'HEAD' ? undefined : built.body,
				credentials: 'include'
			});
			const body = await response.text();
			const last = response.headers.get('X-Trace-Id');
			const traces = this.traces.slice(before);
			const end = last ? traces.findIndex((t) => t.id === last) : -1;
			this.memory.remember(body);
			result = {
				id,
				label,
				status: response.status,
				statusText: response.statusText,
				contentType: response.headers.get('Content-Type') ?? '',
				body,
				traces: end >= 0 ? traces.slice(0, end + 1) : traces
			};
		} catch (error) {
			result = {
				id,
				label,
				error: simulation.failed
					? 'The simulated site could not start in this browser. Reload the page to try again.'
					: error instanceof TypeError
						? 'The simulated site did not answer this request. Reload the page and try again.'
						: String(error)
			};
		} finally {
			this.sending -= 1;
		}
		this.results = [...this.results, result];
		return result;
	}
}
