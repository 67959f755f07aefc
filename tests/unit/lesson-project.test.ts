/**
 * `project: full` in a lesson's frontmatter runs the lesson on `mysite.settings_full`, in the
 * self-test as on the lesson page; lessons without it run on the default `mysite.settings`; a
 * lesson cannot show the editor on the full project (the editor changes only mysite).
 */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { simulatedProject } from '$lib/lessons/lesson-project';
import { LessonError, parseLesson } from '$lib/lessons/parse';
import type { Lesson } from '$lib/lessons/schema';
import { ScriptedBrowser } from '$lib/lessons/scripted-browser';
import { playStep, stepsOf } from '$lib/lessons/walk';
import { createSite } from '$lib/sim/site';
import { projectOf } from './lesson-project';

const FILE = 'tests/unit/lessons-fixtures/30-full-project/index.md';
const source = readFileSync(FILE, 'utf8');

async function walk(lesson: Lesson): Promise<string[]> {
	const site = await createSite({ sqlJs: await initSqlJs(), project: await projectOf(lesson) });
	const browser = new ScriptedBrowser((request) => site.handle(request));
	const problems: string[] = [];
	for (const step of stepsOf(lesson))
		problems.push(...(await playStep(lesson, step, site, browser)));
	return problems;
}

describe('a lesson with project: full', () => {
	const lesson = parseLesson(FILE, source);

	it('reads the project from the frontmatter, and the page runs it as mysite-full', () => {
		expect(lesson.project).toBe('full');
		expect(simulatedProject(lesson)).toBe('mysite-full');
	});

	it('runs on mysite.settings_full: its 404 page names mysite.urls_full', async () => {
		expect(await walk(lesson)).toEqual([]);
	});

	it("says which settings module runs at the app server's hop, outside the WSGI environ", async () => {
		for (const [project, module, origin] of [
			[
				'full',
				'mysite.settings_full',
				'gunicorn --env DJANGO_SETTINGS_MODULE=mysite.settings_full'
			],
			['mysite', 'mysite.settings', "mysite/wsgi.py's os.environ.setdefault()"]
		] as const) {
			const site = await createSite({
				sqlJs: await initSqlJs(),
				project: await projectOf({ project })
			});
			const { trace } = await site.handle({
				method: 'GET',
				url: 'https://mysite.test/',
				headers: [],
				body: new Uint8Array()
			});
			const call = trace.hops.find((h) => h.from === 'app-server' && h.to !== 'web-server');
			expect(call?.detail.environ).toBeDefined();
			// gunicorn's --env sets os.environ in the worker; the per-request environ lacks it.
			expect(call?.detail.environ).not.toHaveProperty('DJANGO_SETTINGS_MODULE');
			expect(call?.detail.note).toContain(`DJANGO_SETTINGS_MODULE=${module} (${origin}`);
		}
	});

	it('would not hold on the default project (the check tells the two apart)', async () => {
		const problems = await walk({ ...lesson, project: 'mysite' });
		expect(problems.join('\n')).toContain('mysite.urls_full');
	});

	it('is the default project when the frontmatter says nothing', () => {
		const plain = parseLesson(FILE, source.replace('project: full\n', ''));
		expect(plain.project).toBe('mysite');
		expect(simulatedProject(plain)).toBe('mysite');
	});

	it('refuses "editor: true" on the full project, with the file and line', () => {
		const text = source.replace('project: full\n', 'project: full\neditor: true\n');
		expect(() => parseLesson(FILE, text)).toThrow(LessonError);
		expect(() => parseLesson(FILE, text)).toThrow(
			`${FILE}:8: "editor: true" needs the default project`
		);
	});

	it('refuses a project it does not know', () => {
		expect(() => parseLesson(FILE, source.replace('project: full', 'project: other'))).toThrow(
			`${FILE}:8: "project" must be one of "mysite", "full"`
		);
	});
});
