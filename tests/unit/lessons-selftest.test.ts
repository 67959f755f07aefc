/**
 * Every lesson checks itself against the real simulated stack (sql.js in Node), as Learn Git
 * Branching's levels do: each lesson is walked step by step like a student would, and
 * - what a `request` step `expect`s is true of its trace;
 * - a prediction's choice `check`s are true of the real trace exactly for the correct choices;
 * - each challenge's `solution` passes its `check`, and its `wrong` attempts do not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { challengeMet, failures } from '$lib/lessons/checks';
import { applyProjectEdits } from '$lib/lessons/lesson-edits';
import { parseLessons } from '$lib/lessons/parse';
import type { ChallengeStep, Lesson, RequestSpec, Step } from '$lib/lessons/schema';
import { ScriptedBrowser } from '$lib/lessons/scripted-browser';
import { createSite, type Site } from '$lib/sim/site';
import type { Trace } from '$lib/sim/types';

const lessons = parseLessons(
	Object.fromEntries(
		readdirSync('lessons', { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.map((d) => `lessons/${d.name}/index.md`)
			.map((file) => [file, readFileSync(file, 'utf8')])
	)
);

let sqlJs: Promise<SqlJsStatic> | undefined;

async function visit(lesson: Lesson): Promise<{ site: Site; browser: ScriptedBrowser }> {
	sqlJs ??= initSqlJs();
	const site = await createSite({ sqlJs: await sqlJs });
	if (lesson.settings) site.configure(lesson.settings);
	return { site, browser: new ScriptedBrowser((request) => site.handle(request)) };
}

const stepsOf = (lesson: Lesson) => lesson.parts.flatMap((p) => p.steps);
const sent = (step: { send?: string }): step is RequestSpec => step.send !== undefined;
const where = (lesson: Lesson, step: Step) => `${lesson.file}:${step.line}: ${step.type} step`;

function describeTrace(trace: Trace | undefined): string {
	return trace ? `${trace.method} ${new URL(trace.url).pathname} → ${trace.status}` : 'no trace';
}

/** Makes a challenge's edits to the project, on top of those already made, as a student would. */
async function edit(site: Site, challenge: ChallengeStep): Promise<void> {
	if (!challenge.edits) return;
	const files = site.files;
	const changed = applyProjectEdits(files, challenge.edits);
	const { mysite } = await import('$lib/sim/mysite');
	const all = { ...files, ...changed };
	const edits = Object.fromEntries(
		Object.entries(all).filter(([path, text]) => mysite.sources?.[path] !== text)
	);
	const report = await site.reload(edits);
	if (report.problem)
		throw new Error(`${challenge.id}: the edits fail: ${report.problem.traceback}`);
}

/** Plays one step as a student would; returns what is not as the lesson says. */
async function play(lesson: Lesson, step: Step, site: Site, browser: ScriptedBrowser) {
	const problems: string[] = [];
	if (step.type === 'settings') site.configure(step.settings);
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
		await edit(site, step);
		const traces = await sendAll(browser, step.solution);
		if (!challengeMet(step.check, traces))
			problems.push(
				`${where(lesson, step)}: the solution does not pass: ${traces.map(describeTrace).join(', ')}`
			);
	}
	return problems;
}

async function sendAll(browser: ScriptedBrowser, requests: RequestSpec[]): Promise<Trace[]> {
	const traces: Trace[] = [];
	for (const request of requests) traces.push(...(await browser.send(request)));
	return traces;
}

describe.each(lessons.map((l) => [l.file, l] as const))('%s', (_file, lesson) => {
	it('is true of the demo site: every expectation, prediction and solution', async () => {
		const { site, browser } = await visit(lesson);
		const problems: string[] = [];
		for (const step of stepsOf(lesson)) problems.push(...(await play(lesson, step, site, browser)));
		expect(problems).toEqual([]);
	});

	const challenges = stepsOf(lesson).filter(
		(s): s is ChallengeStep & Step => s.type === 'challenge'
	);
	it.each(challenges.map((c) => [c.id, c] as const))(
		'%s fails for wrong attempts, then passes with its solution',
		async (_id, challenge) => {
			const { site, browser } = await visit(lesson);
			const steps = stepsOf(lesson);
			for (const step of steps.slice(0, steps.indexOf(challenge)))
				await play(lesson, step, site, browser);
			const wrong = challenge.wrong ?? [{ send: lesson.start }];
			for (const attempt of wrong) {
				const traces = await browser.send(attempt);
				expect(
					challengeMet(challenge.check, traces),
					`${where(lesson, challenge)}: the wrong attempt ${attempt.send} passes`
				).toBe(false);
			}
			await edit(site, challenge);
			const solved = await sendAll(browser, challenge.solution);
			expect(challengeMet(challenge.check, solved), `${where(lesson, challenge)}: solution`).toBe(
				true
			);
		}
	);
});
