/**
 * The shape of a middleware, as Django's `MiddlewareMixin` gives it: an optional
 * `process_request` (before the URL is resolved; returning a response stops the request there),
 * `process_view` (after resolving, before the view: CSRF checks here), and `process_response`
 * (on the way out, in reverse order). Each step may write a `note` and the cookies/session state
 * it saw into its `MiddlewareStep`, which the handler turns into the hop the student inspects.
 */
import type { StateInfo } from '../../types';
import type { View, ViewKwargs } from '../http';
import type { HttpRequest } from '../http-request';
import type { HttpResponse } from '../http-response';
import type { SessionLike, UserLike } from '../context';
import type { Settings } from '../settings';

export interface MiddlewareStep {
	/** One plain sentence: what this middleware did to this request. */
	note: string;
	state?: StateInfo;
}

type Maybe<T> = T | Promise<T>;

export interface Middleware {
	/** Dotted path, as in MIDDLEWARE: `django.middleware.csrf.CsrfViewMiddleware`. */
	readonly name: string;
	process_request?(request: HttpRequest, step: MiddlewareStep): Maybe<HttpResponse | null>;
	process_view?(
		request: HttpRequest,
		view: View,
		kwargs: ViewKwargs,
		step: MiddlewareStep
	): Maybe<HttpResponse | null>;
	process_response?(
		request: HttpRequest,
		response: HttpResponse,
		step: MiddlewareStep
	): Maybe<HttpResponse>;
}

/** Where SessionMiddleware gets `request.session` from (the db+auth helper's SessionStore). */
export interface SessionEngine {
	/** `SessionStore(session_key)`: lazy, as Django's is; nothing is read until it is used. */
	open(sessionKey: string | null): SessionLike;
}

/** How AuthenticationMiddleware finds `request.user` (`django.contrib.auth.get_user`). */
export interface UserLoader {
	getUser(request: HttpRequest): UserLike | Promise<UserLike>;
}

/** What middleware may need besides the request. */
export interface MiddlewareServices {
	settings: Settings;
	sessions: SessionEngine;
	users: UserLoader;
	/** `is_valid_path`: does this path resolve? (CommonMiddleware's APPEND_SLASH) */
	isValidPath(path: string): boolean;
	/** Is the view at this path willing to be redirected to with a slash? */
	shouldAppendSlash?(path: string): boolean;
}
