/**
 * Django's request handler (django/core/handlers/base.py + wsgi.py): builds `HttpRequest` from
 * the WSGI environ, runs it through the middleware (each `process_request` in settings order,
 * then — innermost — resolve the URL, each `process_view`, call the view, then each
 * `process_response` in reverse order), and hands the response back to gunicorn. As in Django,
 * an exception in any layer becomes a response at that layer (`convert_exception_to_response`),
 * and the layers outside it still run their `process_response`.
 *
 * Each view runs inside a transaction (ATOMIC_REQUESTS): if it raises, or its worker is killed,
 * everything it wrote is rolled back.
 *
 * Hops recorded here: middleware→middleware for each step, middleware→url-resolver (every
 * pattern tried), url-resolver→view (or, for unsafe methods, url-resolver→middleware for
 * `process_view` and then middleware→view), view→middleware with the response, and finally
 * middleware→app-server.
 */
import type { SourceRef } from '../types';
import { COST, type TraceRecorder } from '../trace';
import { formatResponse } from '../http/raw';
import { WorkerKilled, type WsgiApplication } from '../app-server/app-server';
import type { SimContext } from './context';
import { HttpRequest } from './http-request';
import { HttpResponse } from './http-response';
import type { View } from './http';
import {
	loadMiddleware,
	shortName,
	type MiddlewareServices,
	type MiddlewareStep
} from './middleware';
import { runLayer } from './middleware/chain';
import { responseForException, type ExceptionContext } from './response-for-exception';
import type { Settings } from './settings';
import { matchInfo, type UrlResolver } from './urls';
import { Http404, pythonMessage, pythonName } from './exceptions';

/** Runs a view so that everything it writes is undone if it throws (ATOMIC_REQUESTS). */
export type RequestTransaction = <T>(work: () => Promise<T>) => Promise<T>;

export interface DjangoOptions extends Omit<MiddlewareServices, 'isValidPath' | 'settings'> {
	settings: Settings;
	urlconf: UrlResolver<View>;
	atomic: RequestTransaction;
	/** Python source by project path, as the server runs it: for the DEBUG 500 page and the trace. */
	sources?: Readonly<Record<string, string>>;
	/** Extra members of `request.sim` for this request (db, templates, reverse). */
	context?: (recorder: TraceRecorder) => Record<string, unknown>;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

export function createDjangoApplication(options: DjangoOptions): WsgiApplication {
	const { settings, urlconf } = options;
	const middleware = loadMiddleware({
		...options,
		isValidPath: (path) => urlconf.resolve(path).match !== null
	});

	return async ({ environ, body, recorder, deadlineMs }) => {
		const sim = {
			...options.context?.(recorder),
			recorder,
			settings,
			now: () => new Date(recorder.startedAt + recorder.now)
		} as SimContext;
		// The inspector shows each source as it ran, an edited file included.
		if (options.sources) recorder.files = options.sources;
		const request = new HttpRequest(environ, body, sim);
		const errors: ExceptionContext = { urlconf: settings.ROOT_URLCONF, tried: [] };
		recorder.actor = 'middleware';

		const convert =
			(layer: (r: HttpRequest) => Promise<HttpResponse>) =>
			async (r: HttpRequest): Promise<HttpResponse> => {
				try {
					return await layer(r);
				} catch (error) {
					if (error instanceof WorkerKilled) throw error;
					return responseForException(r, error, {
						...errors,
						sourceText: sourceFor(errors.location)
					});
				}
			};
		const sourceFor = (location?: SourceRef) =>
			location ? options.sources?.[location.file] : undefined;

		const inner = convert((r) => getResponse(r, recorder, deadlineMs, errors));
		const chain = middleware.reduceRight<(r: HttpRequest) => Promise<HttpResponse>>(
			(next, layer) => convert((r) => runLayer(layer, r, next, recorder)),
			inner
		);
		const response = await chain(request);
		const headers = response.headerList();
		recorder.hop(
			'middleware',
			'app-server',
			'response',
			'out',
			`Django hands ${response.status_code} ${response.reason_phrase} back to gunicorn.`,
			{
				http: formatResponse({
					status: response.status_code,
					statusText: response.reason_phrase,
					headers,
					body: response.content
				})
			}
		);
		return {
			status: response.status_code,
			reason: response.reason_phrase,
			headers,
			body: response.content
		};
	};

	/** `_get_response`: resolve, process_view, call the view. */
	async function getResponse(
		request: HttpRequest,
		recorder: TraceRecorder,
		deadlineMs: number,
		errors: ExceptionContext
	): Promise<HttpResponse> {
		const path = request.path_info;
		const { match, tried } = urlconf.resolve(path);
		errors.tried = tried;
		const matchSummary = match
			? `matches ${match.route || "''"} → ${match.viewName}`
			: 'matches no URL pattern';
		recorder.hop(
			'middleware',
			'url-resolver',
			'resolve',
			'in',
			`The URL resolver tries ${tried.length} pattern${tried.length === 1 ? '' : 's'}: ${path} ${matchSummary}.`,
			{ resolver: { path, tried, match: match ? matchInfo(match) : undefined } },
			COST.middleware
		);
		if (!match) {
			const response = responseForException(request, new Resolver404(''), errors);
			recorder.hop(
				'url-resolver',
				'middleware',
				'response',
				'out',
				`No view for ${path}: Django answers ${response.status_code} ${response.reason_phrase}.`,
				{},
				COST.resolvePattern * tried.length
			);
			return response;
		}
		const view = match.func;
		request.resolver_match = matchInfo(match);
		errors.view = view.viewName;
		errors.location = view.source;

		const kwargs = match.kwargs;
		const args = Object.entries(kwargs)
			.map(([k, v]) => `${k}=${JSON.stringify(v)}`)
			.join(', ');
		const callSummary = `calls ${view.viewName}(request${args ? `, ${args}` : ''}).`;
		const withViewStep = middleware.filter((m) => m.process_view);
		if (SAFE.has(request.method) || withViewStep.length === 0) {
			for (const layer of withViewStep) {
				const early = await layer.process_view?.(request, view, kwargs, { note: '' });
				if (early) return early;
			}
			recorder.hop(
				'url-resolver',
				'view',
				'call',
				'in',
				`Django ${callSummary}`,
				view.source ? { source: view.source } : {},
				COST.resolvePattern * tried.length
			);
		} else {
			recorder.hop(
				'url-resolver',
				'middleware',
				'return',
				'out',
				`Found ${view.viewName}; the middleware checks the request before the view runs.`,
				{},
				COST.resolvePattern * tried.length
			);
			for (const layer of withViewStep) {
				const step: MiddlewareStep = { note: '' };
				const early = await layer.process_view?.(request, view, kwargs, step);
				recorder.hop(
					'middleware',
					'middleware',
					'middleware',
					'in',
					`${shortName(layer)}: ${step.note || 'nothing to check.'}`,
					{ middleware: { name: layer.name, phase: 'view', note: step.note } },
					COST.middleware
				);
				if (early) return early;
			}
			recorder.hop(
				'middleware',
				'view',
				'call',
				'in',
				`Django ${callSummary}`,
				view.source ? { source: view.source } : {}
			);
		}

		recorder.actor = 'view';
		try {
			const response = await options.atomic(async () => {
				const result = await view(request, kwargs);
				if (recorder.now > deadlineMs) throw new WorkerKilled();
				return result;
			});
			if (!(response instanceof HttpResponse)) {
				throw new ValueErrorPy(
					`The view ${view.viewName} didn't return an HttpResponse object. It returned None instead.`
				);
			}
			recorder.actor = 'middleware';
			recorder.hop(
				'view',
				'middleware',
				'response',
				'out',
				`The view returns ${response.status_code} ${response.reason_phrase}.`,
				{},
				COST.viewLine
			);
			return response;
		} catch (error) {
			recorder.actor = 'middleware';
			if (error instanceof WorkerKilled) throw error;
			const located = lastSource(recorder) ?? view.source;
			errors.location = located;
			const response = responseForException(request, error, {
				...errors,
				sourceText: located ? options.sources?.[located.file] : undefined
			});
			const name = pythonName(error).split('.').pop();
			const message = pythonMessage(error);
			recorder.hop(
				'view',
				'middleware',
				'response',
				'out',
				`The view raised ${name}${message ? `: ${message}` : ''}. Django answers ${response.status_code} ${response.reason_phrase}.`,
				{ note: `${name}: ${message}` },
				COST.viewLine
			);
			return response;
		}
	}
}

/** Django's `Resolver404`, a subclass of Http404 (its page shows no message of its own). */
class Resolver404 extends Http404 {
	override name = 'Resolver404';
}

/** Python's `ValueError`. */
class ValueErrorPy extends Error {
	override name = 'ValueError';
}

/** The last source lines that ran (where an exception was raised). */
function lastSource(recorder: TraceRecorder): SourceRef | undefined {
	for (let i = recorder.hops.length - 1; i >= 0; i--) {
		const source = recorder.hops[i].detail.source;
		if (source) return source;
	}
	return undefined;
}
