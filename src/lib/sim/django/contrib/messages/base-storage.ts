/**
 * `BaseStorage` (django/contrib/messages/storage/base.py): messages added during this request
 * are queued; messages stored by an earlier response are loaded on first use. Iterating (a
 * template's `{% for message in messages %}`) marks them used, so `update()` then stores only
 * messages added after that: each message is shown once. Without iteration, everything is kept
 * for the next page.
 */
import type { HttpRequest } from '../../http-request';
import type { HttpResponse } from '../../http-response';
import { INFO, Message, type MessageText } from './message';

export abstract class BaseStorage implements Iterable<Message> {
	protected _queued_messages: Message[] = [];
	used = false;
	added_new = false;
	#loaded: Message[] | undefined;
	/** `settings.MESSAGE_LEVEL` (INFO unless a project changes it). */
	level = INFO;

	constructor(readonly request: HttpRequest) {}

	/** Messages from earlier responses, read from the storage the first time they are asked for. */
	get _loaded_messages(): Message[] {
		if (!this.#loaded) {
			const [messages] = this._get();
			this.#loaded = messages ?? [];
		}
		return this.#loaded;
	}

	/** Were the stored messages read (for the trace)? */
	get loaded(): boolean {
		return this.#loaded !== undefined;
	}

	/** `(messages or None when this storage was not used, all_retrieved)`. */
	abstract _get(): [Message[] | null, boolean];

	/** Store these messages in the response (or the session); answer the ones that did not fit. */
	abstract _store(
		messages: Message[],
		response: HttpResponse,
		removeOldest?: boolean
	): Promise<Message[]>;

	__len__(): number {
		return this._loaded_messages.length + this._queued_messages.length;
	}

	[Symbol.iterator](): Iterator<Message> {
		this.used = true;
		if (this._queued_messages.length) {
			this._loaded_messages.push(...this._queued_messages);
			this._queued_messages = [];
		}
		return this._loaded_messages[Symbol.iterator]();
	}

	/** Queue a message, unless it is empty or below the recording level. */
	add(level: number, message: MessageText, extra_tags = ''): void {
		if (!String(message)) return;
		if (Math.trunc(level) < this.level) return;
		this.added_new = true;
		this._queued_messages.push(new Message(level, message, extra_tags));
	}

	/** Store what is still to be shown; `undefined` when there was nothing to do. */
	async update(response: HttpResponse): Promise<Message[] | undefined> {
		for (const message of this._queued_messages) message._prepare();
		if (this.used) return this._store(this._queued_messages, response);
		if (this.added_new)
			return this._store([...this._loaded_messages, ...this._queued_messages], response);
		return undefined;
	}
}
