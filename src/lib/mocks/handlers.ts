/**
 * The request handlers: the single list that the browser worker, the in-page fallback and the
 * Node tests all use. Handlers are thin adapters; the behaviour lives in `src/lib/sim`.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { SITE_ORIGIN } from './origin';

export function createHandlers(): RequestHandler[] {
	return [
		http.get(`${SITE_ORIGIN}/`, () =>
			HttpResponse.html(
				'<!doctype html><html><head><title>mysite</title></head><body><h1>Welcome to mysite</h1></body></html>'
			)
		)
	];
}
