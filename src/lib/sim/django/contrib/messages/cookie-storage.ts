/**
 * `CookieStorage` (django/contrib/messages/storage/cookie.py): the messages travel in a cookie
 * named `messages`, signed so the browser cannot forge them. Each message is JSON
 * (`["__json_message", is_safe, level, text, extra_tags]`, as `MessageEncoder` writes it), the
 * list is signed with `get_cookie_signer(salt="django.contrib.messages")` and compressed when
 * that is shorter. A cookie over 2048 bytes keeps the newest messages that fit and ends with
 * `"__messagesnotfinished__"`: the rest go on to the next storage (the session).
 *
 * Checking a signature needs WebCrypto, which is asynchronous, so `prepare()` (the middleware's
 * process_request) checks the cookie before the view runs; `_get()` then only hands the result.
 */
import { pyQuote } from '../../cookies';
import { getCookieSigner, latin1, pyJsonDumps, type Signer } from '../../core/signing';
import type { HttpRequest } from '../../http-request';
import type { HttpResponse } from '../../http-response';
import type { Settings } from '../../settings';
import { isSafe, markSafe } from '../../template/safe';
import { BaseStorage } from './base-storage';
import { Message } from './message';

export const MESSAGE_KEY = '__json_message';
export const NOT_FINISHED = '__messagesnotfinished__';
const NOT_FINISHED_JSON = JSON.stringify(NOT_FINISHED);

/** `MessagePartSerializer`: one JSON text per message (or per plain value). */
export function serializeMessage(message: Message | string): string {
	if (typeof message === 'string') return pyJsonDumps(message);
	const parts: unknown[] = [
		MESSAGE_KEY,
		isSafe(message.message) ? 1 : 0,
		message.level,
		String(message.message)
	];
	if (message.extra_tags !== null) parts.push(message.extra_tags);
	return pyJsonDumps(parts);
}

/** `MessageDecoder.process_messages`. */
export function decodeMessages(value: unknown): unknown {
	if (Array.isArray(value) && value.length) {
		if (value[0] === MESSAGE_KEY) {
			const [, safe, level, text, extraTags] = value as [string, number, number, string, string?];
			return new Message(level, safe ? markSafe(text) : text, extraTags ?? null);
		}
		return value.map(decodeMessages);
	}
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeMessages(v)]));
	}
	return value;
}

/** `bisect_keep_left`: the first index from the start where `fn(a[:i+1])` holds. */
function bisectKeepLeft<T>(a: T[], fn: (part: T[]) => Promise<boolean>): Promise<number> {
	return bisect(a.length, async (mid) => fn(a.slice(0, mid + 1)), false);
}

async function bisect(
	length: number,
	test: (mid: number) => Promise<boolean>,
	keepRight: boolean
): Promise<number> {
	let lo = 0;
	let hi = length;
	while (lo < hi) {
		const mid = Math.floor((lo + hi) / 2);
		const holds = await test(mid);
		if (holds !== keepRight) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** `bisect_keep_right`: the first index from the end where `fn(a[i:])` holds. */
function bisectKeepRight<T>(a: T[], fn: (part: T[]) => Promise<boolean>): Promise<number> {
	return bisect(a.length, async (mid) => fn(a.slice(mid)), true);
}

export class CookieStorage extends BaseStorage {
	static readonly cookie_name = 'messages';
	static readonly max_cookie_size = 2048;
	readonly signer: Signer;
	#decoded: Array<Message | string> | null = null;

	constructor(
		request: HttpRequest,
		readonly settings: Settings
	) {
		super(request);
		this.signer = getCookieSigner(settings.SECRET_KEY, 'django.contrib.messages');
	}

	/** Check and decode the cookie now, so `_get()` can answer without waiting. */
	async prepare(): Promise<void> {
		this.#decoded = await this._decode(this.request.COOKIES[CookieStorage.cookie_name]);
	}

	_get(): [Message[] | null, boolean] {
		const messages = this.#decoded ? [...this.#decoded] : null;
		const allRetrieved = !(messages?.length && messages[messages.length - 1] === NOT_FINISHED);
		if (messages?.length && !allRetrieved) messages.pop();
		return [messages as Message[] | null, allRetrieved];
	}

	/** `_encode_parts`: the signed cookie value for these serialized messages. */
	async encodeParts(parts: string[], encodeEmpty = false): Promise<string | null> {
		if (!parts.length && !encodeEmpty) return null;
		return this.signer.signObject(latin1(`[${parts.join(',')}]`), true);
	}

	async _decode(data: string | undefined): Promise<Array<Message | string> | null> {
		if (!data) return null;
		try {
			const text = await this.signer.unsignObject(data);
			return decodeMessages(JSON.parse(text)) as Array<Message | string>;
		} catch {
			// A bad signature or broken data: drop the cookie (it is marked used, so it is deleted).
			this.used = true;
			return null;
		}
	}

	async _store(
		messages: Message[],
		response: HttpResponse,
		removeOldest = true
	): Promise<Message[]> {
		let unstored: Message[] = [];
		const serialized = messages.map(serializeMessage);
		let encoded = await this.encodeParts(serialized);
		const tooLarge = (data: string | null) =>
			!!data && pyQuote(data).length > CookieStorage.max_cookie_size;
		const computeMsg = (part: string[]) => this.encodeParts([...part, NOT_FINISHED_JSON], true);
		if (tooLarge(encoded)) {
			if (removeOldest) {
				const idx = await bisectKeepRight(serialized, async (m) => tooLarge(await computeMsg(m)));
				unstored = messages.slice(0, idx);
				encoded = await computeMsg(serialized.slice(idx));
			} else {
				const idx = await bisectKeepLeft(serialized, async (m) => tooLarge(await computeMsg(m)));
				unstored = messages.slice(idx);
				encoded = await computeMsg(serialized.slice(0, idx));
			}
		}
		this.updateCookie(encoded, response);
		return unstored;
	}

	private updateCookie(encoded: string | null, response: HttpResponse): void {
		const s = this.settings;
		if (encoded) {
			response.set_cookie(CookieStorage.cookie_name, encoded, {
				domain: s.SESSION_COOKIE_DOMAIN,
				secure: s.SESSION_COOKIE_SECURE || undefined,
				httponly: s.SESSION_COOKIE_HTTPONLY || undefined,
				samesite: s.SESSION_COOKIE_SAMESITE || undefined
			});
		} else {
			response.delete_cookie(CookieStorage.cookie_name, {
				domain: s.SESSION_COOKIE_DOMAIN ?? undefined,
				samesite: s.SESSION_COOKIE_SAMESITE || undefined
			});
		}
	}
}
