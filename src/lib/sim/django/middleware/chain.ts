/**
 * One middleware around the rest of the chain, as Django's `MiddlewareMixin.__call__`:
 * `process_request` (a response from it skips everything inside), the rest of the chain,
 * `process_response`. Each step becomes a middleware→middleware hop, also when it raises.
 */
import { COST, type TraceRecorder } from '../../trace';
import { pythonMessage, pythonName } from '../exceptions';
import type { HttpRequest } from '../http-request';
import type { HttpResponse } from '../http-response';
import { shortName } from './index';
import type { Middleware, MiddlewareStep } from './types';

/** One middleware around the rest of the chain (`MiddlewareMixin.__call__`). */
export async function runLayer(
	layer: Middleware,
	request: HttpRequest,
	next: (r: HttpRequest) => Promise<HttpResponse>,
	recorder: TraceRecorder
): Promise<HttpResponse> {
	let response = await step(layer, 'request', recorder, (s) =>
		layer.process_request ? layer.process_request(request, s) : null
	);
	response ??= await next(request);
	const current = response;
	return step(layer, 'response', recorder, (s) =>
		layer.process_response ? layer.process_response(request, current, s) : current
	);
}

/** Runs one middleware method and records its hop, also when it raises. */
async function step<T extends HttpResponse | null>(
	layer: Middleware,
	phase: 'request' | 'response',
	recorder: TraceRecorder,
	run: (s: MiddlewareStep) => T | Promise<T>
): Promise<T> {
	const s: MiddlewareStep = { note: '' };
	let result: T | undefined;
	let failure: unknown;
	try {
		result = await run(s);
	} catch (error) {
		failure = error;
		const message = pythonMessage(error);
		s.note = `raises ${pythonName(error).split('.').pop()}: ${message}`;
	}
	const note = s.note || `nothing to do on the way ${phase === 'request' ? 'in' : 'out'}.`;
	const stopped =
		phase === 'request' && result
			? ` It answers ${result.status_code} itself: the rest is skipped.`
			: '';
	recorder.hop(
		'middleware',
		'middleware',
		'middleware',
		phase === 'request' ? 'in' : 'out',
		`${shortName(layer)}: ${note}${stopped}`,
		{ middleware: { name: layer.name, phase, note }, ...(s.state ? { state: s.state } : {}) },
		COST.middleware
	);
	if (failure !== undefined) throw failure;
	return result as T;
}
