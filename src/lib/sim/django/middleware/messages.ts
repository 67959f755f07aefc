/**
 * `MessageMiddleware` (django/contrib/messages/middleware.py): one-time messages ("Your comment
 * was posted") that survive a redirect. On the way in it attaches the storage (Django's default
 * keeps messages in a `messages` cookie, or in the session when they do not fit); on the way out
 * it stores the messages no page has shown yet. The demo's views send none, so both steps only
 * say what they would do.
 */
import type { Middleware } from './types';

export function messageMiddleware(): Middleware {
	return {
		name: 'django.contrib.messages.middleware.MessageMiddleware',
		process_request(_request, step) {
			step.note = 'Attaches the message storage (a cookie, or the session when messages are long).';
			return null;
		},
		process_response(_request, response, step) {
			step.note = 'No messages waiting to be shown: nothing to store.';
			return response;
		}
	};
}
