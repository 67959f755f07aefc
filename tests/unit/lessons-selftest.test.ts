/**
 * Every lesson checks itself against the real simulated stack (sql.js in Node), as Learn Git
 * Branching's levels do: each lesson is walked step by step like a student would, on its own
 * project (`project: full` in its frontmatter runs `mysite.settings_full`), and
 * - what a `request` step `expect`s is true of its trace;
 * - a prediction's choice `check`s are true of the real trace exactly for the correct choices;
 * - each challenge's `solution` passes its `check`, and its `wrong` attempts do not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { challengeMet } from '$lib/lessons/checks';
import { applyProjectEdits } from '$lib/lessons/lesson-edits';
import { parseLessons } from '$lib/lessons/parse';
import type { ChallengeStep, Lesson, Step } from '$lib/lessons/schema';
import { ScriptedBrowser } from '$lib/lessons/scripted-browser';
import { createSite, type Site } from '$lib/sim/site';
import { playStep as play, sendAll, stepsOf } from '$lib/lessons/walk';
import { projectOf } from './lesson-project';

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
	const site = await createSite({ sqlJs: await sqlJs, project: await projectOf(lesson) });
	if (lesson.settings) site.configure(lesson.settings);
	return { site, browser: new ScriptedBrowser((request) => site.handle(request)) };
}

const where = (lesson: Lesson, step: Step) => `${lesson.file}:${step.line}: ${step.type} step`;

/**
 * A challenge's reference edits, made to the project (on top of those already made) as a student
 * makes them in the editor, before its solution is sent. Only here: the lesson page never makes
 * them for the student.
 */
async function edit(site: Site, lesson: Lesson, step: Step): Promise<void> {
	if (step.type !== 'challenge' || !step.edits) return;
	const files = site.files;
	const all = { ...files, ...applyProjectEdits(files, step.edits) };
	const project = await projectOf(lesson);
	const edits = Object.fromEntries(
		Object.entries(all).filter(([path, text]) => project.sources?.[path] !== text)
	);
	const report = await site.reload(edits);
	if (report.problem) throw new Error(`${step.id}: the edits fail: ${report.problem.traceback}`);
}

describe.each(lessons.map((l) => [l.file, l] as const))('%s', (_file, lesson) => {
	it('is true of the demo site: every expectation, prediction and solution', async () => {
		const { site, browser } = await visit(lesson);
		const problems: string[] = [];
		for (const step of stepsOf(lesson)) {
			await edit(site, lesson, step);
			problems.push(...(await play(lesson, step, site, browser)));
		}
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
			for (const step of steps.slice(0, steps.indexOf(challenge))) {
				await edit(site, lesson, step);
				await play(lesson, step, site, browser);
			}
			const wrong = challenge.wrong ?? [{ send: lesson.start }];
			for (const attempt of wrong) {
				const traces = await browser.send(attempt);
				expect(
					challengeMet(challenge.check, traces),
					`${where(lesson, challenge)}: the wrong attempt ${attempt.send} passes`
				).toBe(false);
			}
			await edit(site, lesson, challenge);
			const solved = await sendAll(browser, challenge.solution);
			expect(challengeMet(challenge.check, solved), `${where(lesson, challenge)}: solution`).toBe(
				true
			);
		},
		60_000
	);
});
