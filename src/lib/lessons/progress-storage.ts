/**
 * The student's progress as data, and how it is kept in `localStorage` under a versioned key.
 *
 * Storage can be missing (disabled cookies/site data), full, or hold something unreadable (an old
 * version, a manual edit). None of these may break a page or silently lose data: unreadable data
 * is moved aside under another key before anything new is written, and when even that is not
 * possible the original is left untouched and nothing is saved.
 */
import { z } from 'zod';

export { MAX_PROGRESS_FILE_BYTES, progressFileTooLarge } from './progress-file';

export const PROGRESS_KEY = 'request-flow:progress:v1';
export const UNREADABLE_KEY = `${PROGRESS_KEY}:unreadable`;

/**
 * The schemas are built on first use, not when the module loads: a first visit has nothing saved
 * to validate, and building them is most of what this module costs the page's start.
 */
function buildSchemas() {
	const lessonProgressSchema = z.object({
		status: z.enum(['in-progress', 'done']),
		/** The step the student was on (1-based), so a reload lands there. */
		step: z.number().int().min(1),
		/** The choices (0-based) given to each prediction, by step id. */
		answers: z.record(z.string(), z.array(z.number().int().min(0)).min(1)),
		/** Challenges passed, by step id. */
		challenges: z.record(z.string(), z.object({ passedAt: z.string() })),
		updatedAt: z.string()
	});
	return z.object({
		version: z.literal(1),
		lessons: z.record(z.string(), lessonProgressSchema)
	});
}
let schema: ReturnType<typeof buildSchemas> | undefined;
/** The schema of everything saved: `{ version: 1, lessons: { <slug>: LessonProgress } }`. */
export const progressSchema = () => (schema ??= buildSchemas());

export type Progress = z.infer<ReturnType<typeof buildSchemas>>;
export type LessonProgress = Progress['lessons'][string];

/** Timestamps in progress records: ISO 8601, so they sort as text. */
export const nowIso = () => new Date().toISOString();

export const emptyProgress = (): Progress => ({ version: 1, lessons: {} });

export type StorageNotice =
	/** Nothing can be saved: progress lasts until the page closes. */
	| { kind: 'unavailable' }
	/** The saved data could not be read; it was kept under `keptAs` (or left in place). */
	| { kind: 'reset'; keptAs: string | null; raw: string };

export interface Loaded {
	progress: Progress;
	notice: StorageNotice | null;
	/** Whether saving is allowed (false when storage is missing or bad data could not be kept). */
	writable: boolean;
}

/**
 * The mark `mocks/storage-guard.ts` puts on the in-memory stand-in it installs where reading
 * `localStorage` throws (a registered symbol: the same in every module, no import between layers).
 */
const IN_MEMORY_STORAGE = Symbol.for('request-flow:in-memory-storage');

/**
 * `localStorage`, or null where nothing can be kept: reading it throws (storage disabled,
 * sandboxed frames), or it is the simulation's in-memory stand-in for such a browser.
 */
export function browserStorage(): Storage | null {
	try {
		const storage = globalThis.localStorage;
		if (!storage || (storage as unknown as Record<symbol, unknown>)[IN_MEMORY_STORAGE]) return null;
		return storage;
	} catch {
		return null;
	}
}

export function parseProgress(raw: string): Progress | null {
	try {
		const result = progressSchema().safeParse(JSON.parse(raw));
		return result.success ? result.data : null;
	} catch {
		return null;
	}
}

export function loadProgress(storage: Storage | null): Loaded {
	if (!storage)
		return { progress: emptyProgress(), notice: { kind: 'unavailable' }, writable: false };
	let raw: string | null;
	try {
		raw = storage.getItem(PROGRESS_KEY);
	} catch {
		return { progress: emptyProgress(), notice: { kind: 'unavailable' }, writable: false };
	}
	if (raw === null) return { progress: emptyProgress(), notice: null, writable: true };
	const progress = parseProgress(raw);
	if (progress) return { progress, notice: null, writable: true };
	try {
		storage.setItem(UNREADABLE_KEY, raw);
		return {
			progress: emptyProgress(),
			notice: { kind: 'reset', keptAs: UNREADABLE_KEY, raw },
			writable: true
		};
	} catch {
		// Could not keep a copy: leave the original where it is and save nothing over it.
		return {
			progress: emptyProgress(),
			notice: { kind: 'reset', keptAs: null, raw },
			writable: false
		};
	}
}

/** Saves; false when the browser refused (full or disabled). */
export function saveProgress(storage: Storage | null, progress: Progress): boolean {
	if (!storage) return false;
	try {
		storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
		return true;
	} catch {
		return false;
	}
}

const later = (a: string, b: string) => (a > b ? a : b);

/** Combines two records of progress without losing anything either one holds. */
export function mergeProgress(a: Progress, b: Progress): Progress {
	const lessons: Progress['lessons'] = { ...a.lessons };
	for (const [slug, theirs] of Object.entries(b.lessons)) {
		const ours = lessons[slug];
		lessons[slug] = ours
			? {
					status: ours.status === 'done' || theirs.status === 'done' ? 'done' : 'in-progress',
					step: Math.max(ours.step, theirs.step),
					answers: { ...theirs.answers, ...ours.answers },
					challenges: { ...theirs.challenges, ...ours.challenges },
					updatedAt: later(ours.updatedAt, theirs.updatedAt)
				}
			: theirs;
	}
	return { version: 1, lessons };
}

/** Reads an exported progress file; the message says what is wrong in plain words. */
export function readProgressFile(
	text: string
): { ok: true; progress: Progress } | { ok: false; message: string } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, message: 'This file is not JSON, so it cannot be a progress file.' };
	}
	const result = progressSchema().safeParse(data);
	if (result.success) return { ok: true, progress: result.data };
	const issue = result.error.issues[0];
	const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
	return {
		ok: false,
		message: `This is not a Request Flow progress file: ${issue.message}${where}. Nothing was changed.`
	};
}
