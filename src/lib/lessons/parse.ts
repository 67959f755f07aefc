/**
 * Turns one lesson file (`lessons/NN-slug/index.md`) into a validated `Lesson`: YAML frontmatter,
 * markdown prose rendered to HTML with `marked`, and step blocks (fenced code whose info string is
 * a step type, with YAML inside). Every problem is reported with the file and line, all at once.
 */
import { marked } from 'marked';
import {
	STEP_SCHEMAS,
	STEP_TYPES,
	frontmatterSchema,
	type Frontmatter,
	type Lesson,
	type LessonPart,
	type Step,
	type StepType
} from './schema';
import { parseYaml, type LessonIssue } from './yaml-issues';

export class LessonError extends Error {
	constructor(readonly issues: readonly string[]) {
		super(issues.join('\n'));
		this.name = 'LessonError';
	}
}

const FOLDER = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** `lessons/05-url-routing/index.md` → order 5, slug `url-routing`. */
export function slugOf(file: string): { order: number; slug: string } | null {
	const parts = file.split('/');
	const match = FOLDER.exec(parts[parts.length - 2] ?? '');
	return match ? { order: Number(match[1]), slug: match[2] } : null;
}

type Block =
	{ kind: 'prose'; text: string } | { kind: 'step'; type: StepType; text: string; line: number };

/** Splits the body into prose and step blocks; ordinary code fences stay in the prose. */
function blocks(body: string, firstLine: number, issues: LessonIssue[]): Block[] {
	const lines = body.split('\n');
	const out: Block[] = [];
	let prose: string[] = [];
	let i = 0;
	while (i < lines.length) {
		const open = /^(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
		if (!open) {
			prose.push(lines[i++]);
			continue;
		}
		const fence = open[1];
		const closes = (l: string) => {
			const close = /^(`{3,}|~{3,})\s*$/.exec(l);
			return !!close && close[1][0] === fence[0] && close[1].length >= fence.length;
		};
		let end = i + 1;
		while (end < lines.length && !closes(lines[end])) end++;
		if (end === lines.length)
			issues.push({ line: firstLine + i, message: `the code block opened here is never closed` });
		const info = open[2];
		if ((STEP_TYPES as string[]).includes(info)) {
			out.push({ kind: 'prose', text: prose.join('\n') });
			prose = [];
			out.push({
				kind: 'step',
				type: info as StepType,
				text: lines.slice(i + 1, end).join('\n'),
				line: firstLine + i + 1
			});
		} else {
			prose.push(...lines.slice(i, end + 1));
		}
		i = end + 1;
	}
	out.push({ kind: 'prose', text: prose.join('\n') });
	return out.filter((b) => b.kind === 'step' || b.text.trim() !== '');
}

function frontmatter(source: string): { yaml: string; body: string; bodyLine: number } | null {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
	if (!match) return null;
	return {
		yaml: match[1],
		body: source.slice(match[0].length),
		bodyLine: match[0].split('\n').length
	};
}

/** The line of a top-level `key:` in YAML that starts at line `firstLine` of the file. */
function keyLineIn(yaml: string, key: string, firstLine: number): number {
	const index = yaml.split('\n').findIndex((line) => line.startsWith(`${key}:`));
	return firstLine + Math.max(0, index);
}

/** Parses and validates one lesson. Throws `LessonError` listing every problem as `file:line: …`. */
export function parseLesson(file: string, source: string): Lesson {
	const issues: LessonIssue[] = [];
	const fail = () =>
		new LessonError(
			issues.sort((a, b) => a.line - b.line).map((i) => `${file}:${i.line}: ${i.message}`)
		);

	const name = slugOf(file);
	if (!name) {
		issues.push({
			line: 1,
			message: 'the folder name must be a number and a slug, like "05-url-routing"'
		});
	}
	const split = frontmatter(source.replace(/\r\n/g, '\n'));
	if (!split) {
		issues.push({
			line: 1,
			message: 'the file must start with YAML frontmatter between "---" lines'
		});
		throw fail();
	}
	const meta = parseYaml(split.yaml, 2, frontmatterSchema);
	if (!meta.ok) issues.push(...meta.issues);
	if (meta.ok && meta.value.editor && meta.value.project !== 'mysite')
		issues.push({
			line: keyLineIn(split.yaml, 'project', 2),
			message: `"editor: true" needs the default project: the editor changes only mysite (mysite.settings), not "project: ${meta.value.project}"`
		});

	const parts: LessonPart[] = [];
	let current: LessonPart = { html: '', steps: [] };
	const counts: Partial<Record<StepType, number>> = {};
	const ids = new Set<string>();
	let stepBlocks = 0;
	for (const block of blocks(split.body, split.bodyLine, issues)) {
		if (block.kind === 'prose') {
			if (current.steps.length > 0) {
				parts.push(current);
				current = { html: '', steps: [] };
			}
			// Long code lines and wide tables scroll: focusable, so keyboard users can scroll them too.
			current.html += marked
				.parse(block.text, { async: false })
				.replaceAll('<pre>', '<pre tabindex="0">')
				.replaceAll('<table>', '<table tabindex="0">');
			continue;
		}
		stepBlocks += 1;
		counts[block.type] = (counts[block.type] ?? 0) + 1;
		const parsed = parseYaml(block.text, block.line, STEP_SCHEMAS[block.type]);
		if (!parsed.ok) {
			issues.push(
				...parsed.issues.map((i) => ({ ...i, message: `${block.type} step: ${i.message}` }))
			);
			continue;
		}
		const value = parsed.value as { id?: string };
		const id = value.id ?? `${block.type}-${counts[block.type]}`;
		if (ids.has(id))
			issues.push({
				line: block.line,
				message: `${block.type} step: the id "${id}" is used twice`
			});
		ids.add(id);
		const step = { ...value, id, type: block.type, line: block.line } as Step;
		if (meta.ok) issues.push(...crossCheck(step, meta.value));
		current.steps.push(step);
	}
	if (current.html || current.steps.length) parts.push(current);
	if (stepBlocks === 0)
		issues.push({
			line: split.bodyLine,
			message: 'a lesson needs at least one step (```request, ```predict, ```challenge …)'
		});

	if (issues.length > 0 || !meta.ok || !name) throw fail();
	return { ...meta.value, ...name, file, parts };
}

/** Rules that need the frontmatter and a step together. */
function crossCheck(step: Step, meta: Frontmatter): LessonIssue[] {
	if (step.type === 'pause' && meta.nodes && !meta.nodes.includes(step.at))
		return [
			{
				line: step.line,
				message: `pause step: "at: ${step.at}" is not one of this lesson's nodes (${meta.nodes.join(', ')})`
			}
		];
	return [];
}

/** Parses every lesson and checks that their slugs and numbers are unique. */
export function parseLessons(files: Record<string, string>): Lesson[] {
	const problems: string[] = [];
	const lessons: Lesson[] = [];
	for (const [file, source] of Object.entries(files)) {
		try {
			lessons.push(parseLesson(file, source));
		} catch (error) {
			if (error instanceof LessonError) problems.push(...error.issues);
			else throw error;
		}
	}
	const seen = new Map<string, string>();
	for (const lesson of lessons) {
		for (const key of [`slug "${lesson.slug}"`, `number ${lesson.order}`]) {
			const other = seen.get(key);
			if (other) problems.push(`${lesson.file}:1: the ${key} is also used by ${other}`);
			seen.set(key, lesson.file);
		}
	}
	if (problems.length > 0) throw new LessonError(problems);
	return lessons.sort((a, b) => a.order - b.order);
}
