/**
 * `django.contrib.messages` (api.py): `messages.success(request, "…")` and friends add a message
 * to the request's storage (attached by MessageMiddleware); `get_messages(request)` is what the
 * `messages` context processor hands every template.
 */
import type { HttpRequest } from '../../http-request';
import type { FallbackStorage } from './fallback-storage';
import { DEBUG, ERROR, INFO, SUCCESS, WARNING, type MessageText } from './message';

const storages = new WeakMap<HttpRequest, FallbackStorage>();

/** MessageMiddleware's `request._messages = default_storage(request)`. */
export function attachStorage(request: HttpRequest, storage: FallbackStorage): void {
	storages.set(request, storage);
}

export function storageOf(request: HttpRequest): FallbackStorage | undefined {
	return storages.get(request);
}

export class MessageFailure extends Error {
	override name = 'MessageFailure';
}

export function add_message(
	request: HttpRequest,
	level: number,
	message: MessageText,
	extra_tags = '',
	fail_silently = false
): void {
	const storage = storages.get(request);
	if (storage) return storage.add(level, message, extra_tags);
	if (!fail_silently) {
		throw new MessageFailure(
			'You cannot add messages without installing django.contrib.messages.middleware.MessageMiddleware'
		);
	}
}

/** `get_messages(request)`: the storage, or an empty list without the middleware. */
export function get_messages(request: HttpRequest): FallbackStorage | [] {
	return storages.get(request) ?? [];
}

type Shortcut = (request: HttpRequest, message: MessageText, extra_tags?: string) => void;
const shortcut =
	(level: number): Shortcut =>
	(request, message, extra_tags = '') =>
		add_message(request, level, message, extra_tags);

export const debug = shortcut(DEBUG);
export const info = shortcut(INFO);
export const success = shortcut(SUCCESS);
export const warning = shortcut(WARNING);
export const error = shortcut(ERROR);
