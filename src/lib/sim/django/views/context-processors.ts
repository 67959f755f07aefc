/**
 * The context processors of mysite's `TEMPLATES` setting (and the `csrf` one Django always adds):
 * every template rendered with a request sees `request`, `user`, `messages` and `csrf_token`.
 *
 * `csrf_token` is lazy, as Django's `SimpleLazyObject`: `get_token()` runs only when a template
 * prints it (`{% csrf_token %}`), so only a page with a form makes CsrfViewMiddleware send the
 * `csrftoken` cookie.
 */
import type { HttpRequest } from '../http';
import { get_messages } from '../contrib/messages/api';
import { get_token } from '../middleware/csrf-token';

/** `django.template.context_processors.csrf`'s lazy token: evaluated on first use. */
export class LazyCsrfToken {
	#request: HttpRequest;
	#value: string | undefined;

	constructor(request: HttpRequest) {
		this.#request = request;
	}

	/** The masked token, made by `get_token(request)` the first time it is asked for. */
	__str__(): string {
		this.#value ??= get_token(this.#request);
		return this.#value;
	}

	toString(): string {
		return this.__str__();
	}

	/** Whether a template used it (the inspector shows the token only then). */
	get evaluated(): string | undefined {
		return this.#value;
	}
}

export function contextProcessors(request: HttpRequest): Record<string, unknown> {
	return {
		csrf_token: new LazyCsrfToken(request),
		request,
		user: request.user,
		messages: get_messages(request)
	};
}
