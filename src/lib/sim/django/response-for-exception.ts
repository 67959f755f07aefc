/**
 * Django's `response_for_exception` (django/core/handlers/exception.py): what an exception raised
 * by a view or a middleware becomes. Http404 → 404, PermissionDenied → 403, BadRequest and every
 * SuspiciousOperation → 400, anything else → 500; with DEBUG on, the technical pages that tell the
 * developer why, with DEBUG off, the short pages that tell a visitor nothing about the inside.
 */
import type { PatternAttempt, SourceRef } from '../types';
import { technical404 } from './debug/technical-404';
import { technical500 } from './debug/technical-500';
import { badRequest, pageNotFound, permissionDenied, serverError } from './debug/default-pages';
import {
	BadRequest,
	Http404,
	PermissionDenied,
	pythonMessage,
	pythonName,
	SuspiciousOperation
} from './exceptions';
import type { HttpRequest } from './http-request';
import { MultiPartParserError } from './multipart';
import type { HttpResponse } from './http-response';
import { templateErrorSections } from './template/debug-section';

export interface ExceptionContext {
	urlconf: string;
	/** Patterns the resolver tried (for the DEBUG 404 page). */
	tried: readonly PatternAttempt[];
	/** The view that was running, if any. */
	view?: string;
	/** Where the exception was raised, if known, and that file's text. */
	location?: SourceRef;
	sourceText?: string;
}

export function responseForException(
	request: HttpRequest,
	error: unknown,
	context: ExceptionContext
): HttpResponse {
	const debug = request.sim.settings.DEBUG;
	const message = pythonMessage(error);
	if (error instanceof Http404) {
		if (!debug) return pageNotFound();
		return technical404({
			method: request.method,
			url: safeUrl(request),
			path: request.path_info.replace(/^\//, ''),
			urlconf: context.urlconf,
			tried: context.tried,
			message: message || undefined,
			raisedBy: context.view
		});
	}
	if (error instanceof PermissionDenied) return permissionDenied();
	const status =
		error instanceof BadRequest ||
		error instanceof SuspiciousOperation ||
		error instanceof MultiPartParserError
			? 400
			: 500;
	if (!debug) return status === 400 ? badRequest() : serverError();
	return technical500({
		status,
		type: pythonName(error),
		message,
		method: request.method,
		url: safeUrl(request),
		path: request.path,
		view: context.view,
		location: context.location,
		sourceText: context.sourceText,
		serverTime: request.sim.now(),
		extraSections: templateErrorSections(error, (name) => templateSource(request, name)),
		user: userString(request)
	});
}

/**
 * `ExceptionReporter`'s `user_str`: `str(request.user)`. Reading `request.user` reads the session,
 * so a DEBUG error page gets `Vary: Cookie` from SessionMiddleware, as in Django.
 */
function userString(request: HttpRequest): string {
	try {
		const user = request.user;
		return user.is_authenticated ? user.username : 'AnonymousUser';
	} catch {
		return '[unable to retrieve the current user]';
	}
}

/** The request's URL, even when its Host is not allowed (the DisallowedHost page needs it). */
function safeUrl(request: HttpRequest): string {
	const host = request.META.HTTP_HOST ?? request.META.SERVER_NAME ?? '';
	const full = request.get_full_path();
	const query = full.indexOf('?');
	const path = query < 0 ? full : full.slice(0, query);
	// build_absolute_uri() skips urljoin() unless a segment is '.' or '..'; urljoin resolves them.
	const shown = path.includes('/./') || path.includes('/../') ? removeDotSegments(path) : path;
	return `${request.scheme}://${host}${shown}${query < 0 ? '' : full.slice(query)}`;
}

/** Python's urljoin() on an absolute path: '.' and '..' resolved, empty inner segments dropped. */
export function removeDotSegments(path: string): string {
	const segments = path.split('/');
	const inner = segments.slice(1, -1).filter(Boolean);
	const all = [segments[0], ...inner, ...(segments.length > 1 ? [segments.at(-1)!] : [])];
	const resolved: string[] = [];
	for (const segment of all) {
		if (segment === '..') resolved.pop();
		else if (segment !== '.') resolved.push(segment);
	}
	if (all.at(-1) === '.' || all.at(-1) === '..') resolved.push('');
	const joined = resolved.join('/') || '/';
	return joined.startsWith('/') ? joined : `/${joined}`;
}

/** A template's text from the request's template engine, if it has one. */
function templateSource(request: HttpRequest, name: string): string | undefined {
	const engine = (request.sim as { templates?: { source?(n: string): string | undefined } })
		.templates;
	return engine?.source?.(name);
}
