/**
 * The context processors of mysite's `TEMPLATES` setting (and the `csrf` one Django always adds):
 * every template rendered with a request sees `request`, `user`, `messages` and `csrf_token`.
 */
import type { HttpRequest } from '../http';
import { get_token } from '../middleware/csrf-token';

export function contextProcessors(request: HttpRequest): Record<string, unknown> {
	return {
		csrf_token: get_token(request),
		request,
		user: request.user,
		messages: []
	};
}
