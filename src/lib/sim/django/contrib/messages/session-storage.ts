/**
 * `SessionStorage` (django/contrib/messages/storage/session.py): messages kept in the session
 * under `_messages`, as the JSON `MessageEncoder().encode(messages)` writes (Python's default
 * separators, `", "`). It stores everything it is given, so it always answers "all retrieved".
 */
import { pyJsonDumps } from '../../core/signing';
import type { HttpResponse } from '../../http-response';
import { isSafe } from '../../template/safe';
import { BaseStorage } from './base-storage';
import { decodeMessages, MESSAGE_KEY } from './cookie-storage';
import type { Message } from './message';

export const SESSION_KEY = '_messages';

interface SessionData {
	get(name: string): unknown;
	set(name: string, value: unknown): void;
	pop(name: string, fallback?: unknown): unknown;
}

/** `MessageEncoder().encode(messages)`. */
export function serializeMessages(messages: readonly Message[]): string {
	const items = messages.map((m) => {
		const parts: unknown[] = [MESSAGE_KEY, isSafe(m.message) ? 1 : 0, m.level, String(m.message)];
		if (m.extra_tags !== null) parts.push(m.extra_tags);
		return `[${parts.map(pyJsonDumps).join(', ')}]`;
	});
	return `[${items.join(', ')}]`;
}

export class SessionStorage extends BaseStorage {
	private get session(): SessionData {
		return this.request.session as unknown as SessionData;
	}

	_get(): [Message[] | null, boolean] {
		const data = this.session.get(SESSION_KEY);
		const messages =
			typeof data === 'string' && data ? (decodeMessages(JSON.parse(data)) as Message[]) : null;
		return [messages, true];
	}

	async _store(messages: Message[], _response: HttpResponse): Promise<Message[]> {
		if (messages.length) this.session.set(SESSION_KEY, serializeMessages(messages));
		else this.session.pop(SESSION_KEY, null);
		return [];
	}
}
