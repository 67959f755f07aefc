/**
 * `MessageMiddleware` (django/contrib/messages/middleware.py): one-time messages ("The post was
 * changed successfully.") that survive a redirect. On the way in it attaches the storage
 * (`FallbackStorage`: a signed `messages` cookie, or the session when they do not fit); on the
 * way out it stores the messages no page has shown yet, and deletes the cookie once they have
 * been shown.
 */
import { attachStorage, FallbackStorage } from '../contrib/messages';
import type { Settings } from '../settings';
import type { Middleware } from './types';

const COOKIE = 'messages';

export function messageMiddleware(settings: Settings): Middleware {
	const storages = new WeakMap<object, FallbackStorage>();
	return {
		name: 'django.contrib.messages.middleware.MessageMiddleware',
		async process_request(request, step) {
			const storage = new FallbackStorage(request, settings);
			await storage.prepare();
			attachStorage(request, storage);
			storages.set(request, storage);
			step.note =
				COOKIE in request.COOKIES
					? 'Attaches the message storage; the messages cookie holds messages from the last response (signature checked).'
					: 'Attaches the message storage (a signed cookie, or the session when messages are long).';
			return null;
		},
		async process_response(request, response, step) {
			const storage = storages.get(request);
			if (!storage) return response;
			const waiting = storage.used ? 0 : storage.__len__();
			const unstored = await storage.update(response);
			if (unstored?.length && settings.DEBUG) {
				throw new Error('ValueError: Not all temporary messages could be stored.');
			}
			const sent = response.cookies.get(COOKIE);
			if (sent?.value) {
				step.note = `Stores ${waiting === 1 ? 'a message' : `${waiting} messages`} for the next page in the signed messages cookie.`;
			} else if (sent) {
				step.note =
					'The messages were shown on this page: tells the browser to delete the messages cookie.';
			} else if (request.session && storage.sessionStorage && storage.used) {
				step.note = 'The messages were shown on this page: nothing left to store.';
			} else {
				step.note = 'No messages waiting to be shown: nothing to store.';
			}
			if (sent) {
				const line = response.setCookieLines().find((l) => l.startsWith(`${COOKIE}=`));
				step.state = {
					cookiesAfter: [
						{ name: COOKIE, value: sent.value, attributes: line?.split('; ').slice(1).join('; ') }
					]
				};
			}
			return response;
		}
	};
}
