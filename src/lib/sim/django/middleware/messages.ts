/**
 * `MessageMiddleware` (django/contrib/messages/middleware.py): one-time messages ("Your comment
 * was posted") that survive a redirect. The demo keeps them in the session, so this middleware
 * only has to hand the storage over; the session middleware saves it.
 */
import type { Middleware } from './types';

export function messageMiddleware(): Middleware {
	return {
		name: 'django.contrib.messages.middleware.MessageMiddleware',
		process_request(_request, step) {
			step.note = 'Prepares the message storage (kept in the session).';
			return null;
		},
		process_response(_request, response, step) {
			step.note = 'Stores any messages that were not shown yet.';
			return response;
		}
	};
}
