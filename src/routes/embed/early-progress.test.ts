import { describe, expect, it, vi } from 'vitest';
import { EarlyProgress } from './early-progress.svelte';
import { EmbedProgress } from './embed-progress';

describe('EarlyProgress', () => {
	it('shows an answer and a pass made before the progress loads, then replays them into it', () => {
		const early = new EarlyProgress();
		early.answer('http-basics', 'predict-1', [2]);
		early.passChallenge('http-basics', 'challenge-1');
		expect(early.lesson('http-basics')?.answers['predict-1']).toEqual([2]);
		expect(early.lesson('http-basics')?.challenges['challenge-1']).toBeDefined();

		const events = { answered: vi.fn(), passed: vi.fn() };
		const loaded = new EmbedProgress(events, null);
		early.replayInto(loaded);
		expect(events.answered).toHaveBeenCalledExactlyOnceWith('predict-1', [2]);
		expect(events.passed).toHaveBeenCalledExactlyOnceWith('challenge-1');
		expect(loaded.lesson('http-basics')?.answers['predict-1']).toEqual([2]);
		// Replayed once: a second replay hands over nothing.
		early.replayInto(loaded);
		expect(events.answered).toHaveBeenCalledTimes(1);
	});
});
