import { describe, expect, it } from 'vitest';
import {
	PROGRESS_KEY,
	UNREADABLE_KEY,
	loadProgress,
	mergeProgress,
	readProgressFile,
	saveProgress,
	type Progress
} from './progress-storage';

class MemoryStorage implements Storage {
	items = new Map<string, string>();
	full = false;
	get length() {
		return this.items.size;
	}
	clear() {
		this.items.clear();
	}
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	key(i: number) {
		return [...this.items.keys()][i] ?? null;
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
	setItem(key: string, value: string) {
		if (this.full) throw new DOMException('full', 'QuotaExceededError');
		this.items.set(key, value);
	}
}

const sample: Progress = {
	version: 1,
	lessons: {
		'url-routing': {
			status: 'in-progress',
			step: 3,
			answers: { 'predict-1': [1] },
			challenges: {},
			updatedAt: '2026-11-23T10:00:00.000Z'
		}
	}
};

describe('progress in localStorage', () => {
	it('saves and loads under the versioned key', () => {
		const storage = new MemoryStorage();
		expect(saveProgress(storage, sample)).toBe(true);
		expect(storage.getItem(PROGRESS_KEY)).toContain('url-routing');
		expect(loadProgress(storage)).toEqual({ progress: sample, notice: null, writable: true });
	});

	it('keeps unreadable data aside and starts fresh', () => {
		const storage = new MemoryStorage();
		storage.setItem(PROGRESS_KEY, '{bad');
		const loaded = loadProgress(storage);
		expect(loaded.progress.lessons).toEqual({});
		expect(loaded.notice).toEqual({ kind: 'reset', keptAs: UNREADABLE_KEY, raw: '{bad' });
		expect(storage.getItem(UNREADABLE_KEY)).toBe('{bad');
		expect(loaded.writable).toBe(true);
	});

	it('leaves unreadable data in place, and saves nothing, when it cannot keep a copy', () => {
		const storage = new MemoryStorage();
		storage.setItem(PROGRESS_KEY, '{"version": 7}');
		storage.full = true;
		const loaded = loadProgress(storage);
		expect(loaded.notice).toMatchObject({ kind: 'reset', keptAs: null });
		expect(loaded.writable).toBe(false);
		expect(storage.getItem(PROGRESS_KEY)).toBe('{"version": 7}');
	});

	it('reports storage that is missing or refuses to save', () => {
		expect(loadProgress(null)).toMatchObject({ notice: { kind: 'unavailable' }, writable: false });
		const storage = new MemoryStorage();
		storage.full = true;
		expect(saveProgress(storage, sample)).toBe(false);
	});

	it('merges an import without losing anything', () => {
		const other: Progress = {
			version: 1,
			lessons: {
				'url-routing': {
					status: 'done',
					step: 2,
					answers: { 'predict-2': [0] },
					challenges: { 'challenge-1': { passedAt: '2026-11-22T09:00:00.000Z' } },
					updatedAt: '2026-11-22T09:00:00.000Z'
				},
				views: { ...sample.lessons['url-routing'] }
			}
		};
		const merged = mergeProgress(sample, other);
		expect(merged.lessons['url-routing']).toEqual({
			status: 'done',
			step: 3,
			answers: { 'predict-1': [1], 'predict-2': [0] },
			challenges: { 'challenge-1': { passedAt: '2026-11-22T09:00:00.000Z' } },
			updatedAt: '2026-11-23T10:00:00.000Z'
		});
		expect(Object.keys(merged.lessons)).toEqual(['url-routing', 'views']);
	});

	it('explains why an import file is refused', () => {
		expect(readProgressFile('not json')).toEqual({
			ok: false,
			message: 'This file is not JSON, so it cannot be a progress file.'
		});
		const wrong = readProgressFile('{"version": 1, "lessons": {"x": {"status": "maybe"}}}');
		expect(wrong.ok).toBe(false);
		expect(readProgressFile(JSON.stringify(sample))).toEqual({ ok: true, progress: sample });
	});
});
