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
import { challengeMet } from '$lib/lessons/checks';
import { parseLessons } from '$lib/lessons/parse';
import type { ChallengeStep, Lesson, Step } from '$lib/lessons/schema';
import { ScriptedBrowser } from '$lib/lessons/scripted-browser';
import { createSite, type Site } from '$lib/sim/site';
import { playStep as play, sendAll, stepsOf } from '$lib/lessons/walk';

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

const where = (lesson: Lesson, step: Step) => `${lesson.file}:${step.line}: ${step.type} step`;

describe.each(lessons.map((l) => [l.file, l] as const))('%s', (_file, lesson) => {
	it('is true of the demo site: every expectation, prediction and solution', async () => {
		const { site, browser } = await visit(lesson);
		const problems: string[] = [];
		for (const step of stepsOf(lesson)) problems.push(...(await play(lesson, step, site, browser)));
		expect(problems).toEqual([]);
	}, 60_000);

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
			const solved = await sendAll(browser, challenge.solution);
			expect(challengeMet(challenge.check, solved), `${where(lesson, challenge)}: solution`).toBe(
				true
			);
		},
		60_000
	);
});
