/**
 * What a student does in a lesson embed before its saved progress has loaded (the progress code
 * and Zod load after the first paint): a prediction answered or a challenge passed in that
 * moment is kept here, shown at once, and replayed into the real store when it arrives, so the
 * host page still hears `answered` and `passed` (nothing is dropped, whatever the load order).
 */
import type { LessonProgress } from '$lib/lessons/progress-storage';

const nowIso = () => new Date(Date.now()).toISOString();

type Store = {
	answer(slug: string, stepId: string, choices: number[]): void;
	passChallenge(slug: string, stepId: string): void;
	complete(slug: string): void;
};

export class EarlyProgress {
	#lessons = $state<Record<string, LessonProgress>>({});
	#pending: Array<(store: Store) => void> = [];

	#lesson(slug: string): LessonProgress {
		this.#lessons[slug] ??= {
			status: 'in-progress',
			step: 1,
			answers: {},
			challenges: {},
			updatedAt: nowIso()
		};
		return this.#lessons[slug];
	}

	lesson(slug: string): LessonProgress | undefined {
		return this.#lessons[slug];
	}

	answer(slug: string, stepId: string, choices: number[]) {
		this.#lesson(slug).answers[stepId] ??= [...choices];
		this.#pending.push((store) => store.answer(slug, stepId, choices));
	}

	passChallenge(slug: string, stepId: string) {
		this.#lesson(slug).challenges[stepId] ??= { passedAt: nowIso() };
		this.#pending.push((store) => store.passChallenge(slug, stepId));
	}

	complete(slug: string) {
		this.#pending.push((store) => store.complete(slug));
	}

	/** Hands everything kept so far to the store that has now loaded, in the order it happened. */
	replayInto(store: Store) {
		const pending = this.#pending;
		this.#pending = [];
		for (const action of pending) action(store);
	}
}
