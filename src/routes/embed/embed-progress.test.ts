import { describe, expect, it, vi } from 'vitest';
import { PROGRESS_KEY } from '$lib/lessons/progress-storage';
import { EMBED_STORAGE_PREFIX, EmbedProgress, prefixedStorage } from './embed-progress';

class MemoryStorage implements Storage {
	#items = new Map<string, string>();
	get length() {
		return this.#items.size;
	}
	clear() {
		this.#items.clear();
	}
	getItem(key: string) {
		return this.#items.get(key) ?? null;
	}
	key(index: number) {
		return [...this.#items.keys()][index] ?? null;
	}
	removeItem(key: string) {
		this.#items.delete(key);
	}
	setItem(key: string, value: string) {
		this.#items.set(key, String(value));
	}
}

describe('progress in an embedded lesson', () => {
	it('is kept under its own keys, apart from the site progress', () => {
		const storage = new MemoryStorage();
		storage.setItem(PROGRESS_KEY, '{"version":1,"lessons":{}}');
		const events = { answered: vi.fn(), passed: vi.fn() };
		const progress = new EmbedProgress(events, prefixedStorage(storage, EMBED_STORAGE_PREFIX));
		progress.answer('http', 'which-status', [1]);
		expect(storage.getItem(PROGRESS_KEY)).toBe('{"version":1,"lessons":{}}');
		const kept = JSON.parse(storage.getItem(EMBED_STORAGE_PREFIX + PROGRESS_KEY)!);
		expect(kept.lessons.http.answers['which-status']).toEqual([1]);
		// A new embed on the same storage reads it back.
		const again = new EmbedProgress(events, prefixedStorage(storage, EMBED_STORAGE_PREFIX));
		expect(again.lesson('http')?.answers['which-status']).toEqual([1]);
		const view = prefixedStorage(storage, EMBED_STORAGE_PREFIX)!;
		expect(view.length).toBe(1);
		expect(view.key(0)).toBe(PROGRESS_KEY);
	});

	it('reports each answer and each challenge passed once', () => {
		const events = { answered: vi.fn(), passed: vi.fn() };
		const progress = new EmbedProgress(events, new MemoryStorage());
		progress.answer('http', 'q', [0, 2]);
		progress.answer('http', 'q', [1]);
		progress.passChallenge('http', 'c');
		progress.passChallenge('http', 'c');
		expect(events.answered.mock.calls).toEqual([['q', [0, 2]]]);
		expect(events.passed.mock.calls).toEqual([['c']]);
	});

	it('says so when the browser keeps nothing', () => {
		const progress = new EmbedProgress({ answered: vi.fn(), passed: vi.fn() }, null);
		expect(progress.notice).toEqual({ kind: 'unavailable' });
	});
});
