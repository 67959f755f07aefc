/**
 * Every lesson in `lessons/` parses and validates, and a broken lesson fails with the file and
 * line of each mistake. (The self-test that runs every lesson through the simulated stack is
 * `lessons-selftest.test.ts`.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LessonError, parseLesson, parseLessons } from '$lib/lessons/parse';

function read(dir: string): Record<string, string> {
	return Object.fromEntries(
		readdirSync(dir, { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.map((d) => `${dir}/${d.name}/index.md`)
			.map((file) => [file, readFileSync(file, 'utf8')])
	);
}

describe('the course', () => {
	const files = read('lessons');

	it('has every lesson folder on disk, in the order of their numbers, and they all validate', () => {
		const lessons = parseLessons(files);
		// As many lessons as folders: adding `14-x/` needs no change here. Gaps in numbers are fine.
		expect(lessons).toHaveLength(Object.keys(files).length);
		const orders = lessons.map((l) => l.order);
		expect(orders).toEqual([...orders].sort((a, b) => a - b));
		expect(new Set(orders).size).toBe(orders.length);
	});

	it('lets an instructor add a lesson folder, with any free number, without touching code', () => {
		const added = {
			...files,
			'lessons/20-extra/index.md': readFileSync(
				'tests/unit/lessons-fixtures/20-extra/index.md',
				'utf8'
			)
		};
		const lessons = parseLessons(added);
		expect(lessons).toHaveLength(Object.keys(files).length + 1);
		expect(lessons.at(-1)?.slug).toBe('extra');
	});

	it('opens lessons 1 to 4 at the overview level of detail, and the others at everything', () => {
		const lessons = parseLessons(files);
		for (const lesson of lessons)
			expect(lesson.detail, lesson.file).toBe(lesson.order <= 4 ? 'overview' : 'everything');
	});

	it.each(Object.keys(files))('%s has objectives, something to do and a check', (file) => {
		const lesson = parseLesson(file, files[file]);
		const steps = lesson.parts.flatMap((p) => p.steps);
		expect(lesson.objectives.length).toBeGreaterThan(0);
		expect(steps.some((s) => s.type === 'request' || s.type === 'predict')).toBe(true);
		expect(steps.some((s) => s.type === 'challenge')).toBe(true);
	});
});

describe("the instructors' guide (lessons/README.md)", () => {
	it('has a complete example that is a valid lesson', () => {
		const readme = readFileSync('lessons/README.md', 'utf8');
		const example = /````markdown\n([\s\S]*?)\n````/.exec(readme)?.[1];
		expect(example).toBeDefined();
		const lesson = parseLesson('lessons/99-the-missing-slash/index.md', example ?? '');
		expect(lesson.parts.flatMap((p) => p.steps.map((s) => s.type))).toEqual([
			'predict',
			'challenge'
		]);
	});
});

describe('a broken lesson', () => {
	const file = 'tests/unit/lessons-fixtures/07-broken-lesson/index.md';
	const source = readFileSync(file, 'utf8');

	function issues(): readonly string[] {
		try {
			parseLesson(file, source);
		} catch (error) {
			if (error instanceof LessonError) return error.issues;
			throw error;
		}
		throw new Error('the broken lesson parsed without an error');
	}

	it('fails with the file, the line and what is wrong, for every mistake', () => {
		expect(issues()).toEqual([
			`${file}:6: "minutes" must be 15 or less`,
			`${file}:8: unknown key "colour"`,
			`${file}:15: predict step: "choices" must have at least one correct answer`,
			`${file}:22: request step: "send" must be a method and a path, like "GET /blog/"`,
			`${file}:29: challenge step: unknown key "resolvr" in "check"`,
			`${file}:37: pause step: "at" must be one of "browser", "web-server", "app-server", "middleware", "url-resolver", "view", "model", "database", "template", "identity-provider", "payment-api", "mail-server"`
		]);
	});

	it('fails the whole course, naming the broken file', () => {
		expect(() => parseLessons({ [file]: source })).toThrow(`${file}:6:`);
	});

	it('reports a YAML syntax error with its line', () => {
		const bad = source.replace('explain: Django answers 404 Not Found.', 'explain: [unclosed');
		expect(() => parseLesson(file, bad)).toThrow(/index\.md:1[89]: predict step: YAML/);
	});

	it('reports a step block that is never closed', () => {
		const bad = source.replace(/```\s*$/, '');
		expect(() => parseLesson(file, bad)).toThrow(
			`${file}:36: the code block opened here is never closed`
		);
	});

	it('reports two lessons with the same slug', () => {
		const good = 'lessons/01-client-and-server/index.md';
		const text = readFileSync(good, 'utf8');
		expect(() =>
			parseLessons({ [good]: text, 'lessons/02-client-and-server/index.md': text })
		).toThrow('the slug "client-and-server" is also used by');
	});
});
