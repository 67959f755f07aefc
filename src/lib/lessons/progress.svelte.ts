/**
 * The student's progress as reactive state for the pages: which lessons are started or done, the
 * step each one is on, the answers given and the challenges passed. Saved on every change; other
 * tabs' changes arrive through the `storage` event.
 */
import {
	PROGRESS_KEY,
	browserStorage,
	emptyProgress,
	nowIso,
	loadProgress,
	mergeProgress,
	saveProgress,
	type LessonProgress,
	type Progress,
	type StorageNotice
} from './progress-storage';

export type LessonStatus = 'not-started' | 'in-progress' | 'done';

export class ProgressStore {
	data = $state<Progress>(emptyProgress());
	notice = $state<StorageNotice | null>(null);
	/** True after a save was refused, e.g. because storage is full. */
	saveFailed = $state(false);
	#writable = false;
	#storage: Storage | null;

	constructor(storage: Storage | null = browserStorage()) {
		this.#storage = storage;
		this.#load();
	}

	#load() {
		const loaded = loadProgress(this.#storage);
		this.data = loaded.progress;
		this.notice = loaded.notice;
		this.#writable = loaded.writable;
	}

	/** Re-reads storage when another tab changed it. Returns a function that stops listening. */
	watchOtherTabs(): () => void {
		const onStorage = (event: StorageEvent) => {
			if (event.key === PROGRESS_KEY && this.#writable) this.#load();
		};
		addEventListener('storage', onStorage);
		return () => removeEventListener('storage', onStorage);
	}

	#save() {
		if (!this.#writable) return;
		const ok = saveProgress(this.#storage, $state.snapshot(this.data) as Progress);
		this.saveFailed = !ok;
	}

	#lesson(slug: string): LessonProgress {
		const existing = this.data.lessons[slug];
		if (existing) return existing;
		const created: LessonProgress = {
			status: 'in-progress',
			step: 1,
			answers: {},
			challenges: {},
			updatedAt: nowIso()
		};
		this.data.lessons[slug] = created;
		return this.data.lessons[slug];
	}

	#touch(lesson: LessonProgress) {
		lesson.updatedAt = nowIso();
		this.#save();
	}

	status(slug: string): LessonStatus {
		return this.data.lessons[slug]?.status ?? 'not-started';
	}

	lesson(slug: string): LessonProgress | undefined {
		return this.data.lessons[slug];
	}

	/**
	 * The student is on `step`. A lesson only opened is not started: it is remembered (and shows
	 * "In progress") once the student did something, went past step 1 or sent a request.
	 */
	visit(slug: string, step: number, didSomething = step > 1) {
		if (!this.data.lessons[slug] && !didSomething) return;
		const lesson = this.#lesson(slug);
		if (lesson.step !== step) lesson.step = step;
		this.#touch(lesson);
	}

	answer(slug: string, stepId: string, choices: number[]) {
		const lesson = this.#lesson(slug);
		lesson.answers[stepId] = choices;
		this.#touch(lesson);
	}

	passChallenge(slug: string, stepId: string) {
		const lesson = this.#lesson(slug);
		if (lesson.challenges[stepId]) return;
		lesson.challenges[stepId] = { passedAt: nowIso() };
		this.#touch(lesson);
	}

	complete(slug: string) {
		const lesson = this.#lesson(slug);
		lesson.status = 'done';
		this.#touch(lesson);
	}

	/** Forgets a lesson's answers and challenges, to do it again from the start. */
	restart(slug: string) {
		delete this.data.lessons[slug];
		this.#save();
	}

	/** Adds an imported record to this one; nothing either holds is lost. */
	merge(imported: Progress) {
		this.data = mergeProgress($state.snapshot(this.data) as Progress, imported);
		this.#save();
	}

	exportJson(): string {
		return JSON.stringify($state.snapshot(this.data), null, '\t');
	}
}

let store: ProgressStore | undefined;

/** The page's one progress store (browser only: call it after mount). */
export function progressStore(): ProgressStore {
	store ??= new ProgressStore();
	return store;
}
