/**
 * Walks a lesson as a student would, against a simulated site, with a `ScriptedBrowser`: each
 * `settings` step configures the site, each request a step names is sent, and each challenge's
 * `solution` is sent. What the lesson says will happen is compared with what the stack did.
 *
 * Two users: the self-test (every lesson, in Node; the build runs it too, so a lesson that is
 * not true of the demo site never ships), and the lesson page, which rebuilds the demo site as it
 * was at a step after a reload, quietly, by walking the steps before it (`rebuild-site.ts`).
 */
import { challengeMet, failures } from './check-match';
import type { Lesson, RequestSpec, Step } from './schema';
import type { ScriptedBrowser } from './scripted-browser';
import type { SiteConfig } from '$lib/sim/site';
import type { Trace } from '$lib/sim/types';

/** The part of a site a walk needs: a way to change its configuration. */
export interface WalkSite {
	configure(patch: Partial<SiteConfig>): unknown;
}

export const stepsOf = (lesson: Lesson): Step[] => lesson.parts.flatMap((p) => p.steps);

/** The steps of the parts before part `step` (1-based): what a student did before reaching it. */
export function stepsBefore(lesson: Lesson, step: number): Step[] {
	return lesson.parts.slice(0, Math.max(0, step - 1)).flatMap((p) => p.steps);
}

const sent = (step: { send?: string }): step is RequestSpec => step.send !== undefined;
const where = (lesson: Lesson, step: Step) => `${lesson.file}:${step.line}: ${step.type} step`;

export function describeTrace(trace: Trace | undefined): string {
	return trace ? `${trace.method} ${new URL(trace.url).pathname} → ${trace.status}` : 'no trace';
}

/** Plays one step as a student would; returns what is not as the lesson says (`file:line: …`). */
export async function playStep(
	lesson: Lesson,
	step: Step,
	site: WalkSite,
	browser: ScriptedBrowser
): Promise<string[]> {
	const problems: string[] = [];
	if (step.type === 'settings') await site.configure(step.settings);
	if (step.type === 'request' && sent(step)) {
		const [first] = await browser.send(step);
		if (step.expect) {
			const why = failures(step.expect, first);
			if (why.length)
				problems.push(`${where(lesson, step)}: ${describeTrace(first)}: ${why.join('; ')}`);
		}
	}
	if (step.type === 'predict' && sent(step)) {
		const [first] = await browser.send(step);
		step.choices.forEach((choice, i) => {
			if (!choice.check) return;
			const holds = failures(choice.check, first).length === 0;
			if (holds !== Boolean(choice.correct))
				problems.push(
					`${where(lesson, step)}: choice ${i + 1} ("${choice.text}") is ${choice.correct ? 'correct' : 'wrong'}, but its check is ${holds ? 'true' : `false (${failures(choice.check, first).join('; ')})`} of ${describeTrace(first)}`
				);
		});
	}
	if (step.type === 'challenge') {
		const traces = await sendAll(browser, step.solution);
		if (!challengeMet(step.check, traces))
			problems.push(
				`${where(lesson, step)}: the solution does not pass: ${traces.map(describeTrace).join(', ')}`
			);
	}
	return problems;
}

export async function sendAll(browser: ScriptedBrowser, requests: RequestSpec[]): Promise<Trace[]> {
	const traces: Trace[] = [];
	for (const request of requests) traces.push(...(await browser.send(request)));
	return traces;
}
