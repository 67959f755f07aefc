import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { publishTrace } from '$lib/flow/trace-bus';
import type { Trace } from '$lib/sim/types';
import { LessonSession } from '../lesson-session.svelte';
import type { ChallengeStep, PredictStep } from '../schema';
import ChallengeStepView from './ChallengeStepView.svelte';
import PredictStepView from './PredictStepView.svelte';

const predict: PredictStep = {
	type: 'predict',
	id: 'predict-1',
	line: 1,
	question: 'What will GET /blog/abc/ get?',
	choices: [{ text: '404 Not Found', correct: true }, { text: '500 Internal Server Error' }],
	explain: 'No pattern matches.',
	send: 'GET /blog/abc/'
};

const challenge: ChallengeStep = {
	type: 'challenge',
	id: 'challenge-1',
	line: 1,
	goal: 'Get a 404.',
	check: { status: 404 },
	hints: ['Ask for a post that does not exist.', 'Try /blog/999/.'],
	solution: [{ send: 'GET /blog/999/' }]
};

function trace(status: number, path: string): Trace {
	const url = `https://mysite.test${path}`;
	return {
		id: `t-${status}-${path}`,
		method: 'GET',
		url,
		status,
		startedAt: 0,
		totalMs: 1,
		timings: {},
		hops: [],
		request: { method: 'GET', url, headers: [], body: '' },
		response: { status, statusText: '', headers: [], body: '' }
	};
}

describe('a prediction (jsdom)', () => {
	it('keeps the answer hidden and the request locked until the student answers', async () => {
		const onanswer = vi.fn();
		render(PredictStepView, {
			step: predict,
			session: new LessonSession(),
			answer: undefined,
			onanswer
		});
		expect(screen.queryByText(/No pattern matches/)).toBeNull();
		expect(screen.queryByRole('button', { name: /Send/ })).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
		expect(screen.getByRole('alert').textContent).toBe('Choose an answer first.');
		expect(onanswer).not.toHaveBeenCalled();
		await fireEvent.click(screen.getByLabelText('500 Internal Server Error'));
		await fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
		expect(onanswer).toHaveBeenCalledWith([1]);
	});

	it('shows a saved answer locked, with the explanation and the request to send', () => {
		render(PredictStepView, {
			step: predict,
			session: new LessonSession(),
			answer: [1],
			onanswer: () => {}
		});
		expect(screen.getByText(/Not quite\./)).toBeTruthy();
		expect(screen.getByText(/No pattern matches/)).toBeTruthy();
		expect(
			(screen.getByLabelText('500 Internal Server Error', { exact: false }) as HTMLInputElement)
				.checked
		).toBe(true);
		// Disabled through its fieldset, as the whole question is.
		expect(
			screen.getByLabelText('500 Internal Server Error', { exact: false }).matches(':disabled')
		).toBe(true);
		expect(screen.getByText('correct answer', { exact: false })).toBeTruthy();
		expect(screen.getByRole('button', { name: /Send GET \/blog\/abc\/ and see/ })).toBeTruthy();
	});
});

describe('a challenge (jsdom)', () => {
	it('passes when a trace on the page meets its check, and says why an attempt did not', async () => {
		const session = new LessonSession();
		const stop = session.listen();
		const onpass = vi.fn();
		const view = render(ChallengeStepView, { step: challenge, session, passed: false, onpass });
		await publishTrace(trace(200, '/blog/3/'));
		await Promise.resolve();
		expect(screen.getByText(/GET \/blog\/3\/: the status was 200\./)).toBeTruthy();
		expect(onpass).not.toHaveBeenCalled();
		await publishTrace(trace(404, '/blog/999/'));
		await vi.waitFor(() => expect(onpass).toHaveBeenCalledTimes(1));
		await view.rerender({ step: challenge, session, passed: true, onpass });
		expect(screen.getByText('Challenge passed.', { exact: false })).toBeTruthy();
		stop();
	});

	it('gives hints one at a time', async () => {
		render(ChallengeStepView, {
			step: challenge,
			session: new LessonSession(),
			passed: false,
			onpass: () => {}
		});
		expect(screen.queryByText('Try /blog/999/.')).toBeNull();
		await fireEvent.click(screen.getByRole('button', { name: 'Show a hint (1 of 2)' }));
		expect(screen.getByText('Ask for a post that does not exist.')).toBeTruthy();
		await fireEvent.click(screen.getByRole('button', { name: 'Show a hint (2 of 2)' }));
		expect(screen.getByText('Try /blog/999/.')).toBeTruthy();
		expect(screen.queryByRole('button', { name: /Show a hint/ })).toBeNull();
	});
});
