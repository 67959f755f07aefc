/**
 * Progress inside an embedded lesson. It is kept apart from the student's progress on the Request
 * Flow site (under its own keys), and browsers partition an iframe's storage by the site that
 * embeds it, so a course on one platform never sees or changes what was done on another. It also
 * reports, once each, the predictions answered and the challenges passed, for the host page.
 */
import { ProgressStore } from '$lib/lessons/progress.svelte';
import { browserStorage } from '$lib/lessons/progress-storage';

export const EMBED_STORAGE_PREFIX = 'embed:';

/** `storage` seen through a key prefix: the progress code reads and writes only embed keys. */
export function prefixedStorage(storage: Storage | null, prefix: string): Storage | null {
	if (!storage) return null;
	const ours = () => {
		const keys: string[] = [];
		for (let i = 0; i < storage.length; i++) {
			const key = storage.key(i);
			if (key?.startsWith(prefix)) keys.push(key.slice(prefix.length));
		}
		return keys;
	};
	return {
		getItem: (key) => storage.getItem(prefix + key),
		setItem: (key, value) => storage.setItem(prefix + key, value),
		removeItem: (key) => storage.removeItem(prefix + key),
		clear: () => ours().forEach((key) => storage.removeItem(prefix + key)),
		key: (index) => ours()[index] ?? null,
		get length() {
			return ours().length;
		}
	};
}

export interface ProgressEvents {
	answered(stepId: string, choices: number[]): void;
	passed(stepId: string): void;
}

export class EmbedProgress extends ProgressStore {
	#events: ProgressEvents;

	constructor(
		events: ProgressEvents,
		storage: Storage | null = prefixedStorage(browserStorage(), EMBED_STORAGE_PREFIX)
	) {
		super(storage);
		this.#events = events;
	}

	override answer(slug: string, stepId: string, choices: number[]) {
		const first = !this.lesson(slug)?.answers[stepId];
		super.answer(slug, stepId, choices);
		if (first) this.#events.answered(stepId, choices);
	}

	override passChallenge(slug: string, stepId: string) {
		const first = !this.lesson(slug)?.challenges[stepId];
		super.passChallenge(slug, stepId);
		if (first) this.#events.passed(stepId);
	}
}
