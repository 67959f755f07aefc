/**
 * `FallbackStorage` (django/contrib/messages/storage/fallback.py), Django's default
 * `MESSAGE_STORAGE`: the cookie first, and the session for what does not fit in 2048 bytes.
 * Reading stops at the first storage that was not used or that holds all its messages, so a
 * request without a `messages` cookie never touches the session (no `Vary: Cookie`).
 */
import type { HttpRequest } from '../../http-request';
import type { HttpResponse } from '../../http-response';
import type { Settings } from '../../settings';
import { BaseStorage } from './base-storage';
import { CookieStorage } from './cookie-storage';
import type { Message } from './message';
import { SessionStorage } from './session-storage';

export class FallbackStorage extends BaseStorage {
	readonly cookie: CookieStorage;
	readonly sessionStorage: SessionStorage;
	readonly storages: BaseStorage[];
	private readonly usedStorages = new Set<BaseStorage>();

	constructor(request: HttpRequest, settings: Settings) {
		super(request);
		this.cookie = new CookieStorage(request, settings);
		this.sessionStorage = new SessionStorage(request);
		this.storages = [this.cookie, this.sessionStorage];
	}

	/** Check the cookie's signature before the view runs (see CookieStorage.prepare). */
	prepare(): Promise<void> {
		return this.cookie.prepare();
	}

	_get(): [Message[] | null, boolean] {
		const all: Message[] = [];
		let allRetrieved = false;
		for (const storage of this.storages) {
			const [messages, retrieved] = storage._get();
			allRetrieved = retrieved;
			// A storage that was never used stops the search: the next one cannot hold anything.
			if (messages === null) break;
			if (messages.length) this.usedStorages.add(storage);
			all.push(...messages);
			if (retrieved) break;
		}
		return [all, allRetrieved];
	}

	async _store(messages: Message[], response: HttpResponse): Promise<Message[]> {
		let left = messages;
		for (const storage of this.storages) {
			if (left.length) {
				left = await storage._store(left, response, false);
			} else if (this.usedStorages.has(storage)) {
				await storage._store([], response);
				this.usedStorages.delete(storage);
			}
		}
		return left;
	}
}
