/**
 * The course: every `lessons/NN-slug/index.md`, read and validated when the site is built. A bad
 * lesson throws here, so `npm run build` stops with the file and line instead of shipping a blank
 * page. Server-only: the lesson sources never reach the browser, only the rendered pages do.
 */
import { parseLessons } from './parse';
import type { Lesson, LessonSummary } from './schema';

const sources = import.meta.glob('/lessons/*/index.md', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

let course: Lesson[] | undefined;

/** All lessons in course order. */
export function lessons(): Lesson[] {
	course ??= parseLessons(
		Object.fromEntries(Object.entries(sources).map(([path, text]) => [path.slice(1), text]))
	);
	return course;
}

export function summaries(): LessonSummary[] {
	return lessons().map(({ slug, order, title, summary, objectives, minutes, parts }) => ({
		slug,
		order,
		title,
		summary,
		objectives,
		minutes,
		challenges: parts.flatMap((p) => p.steps.filter((s) => s.type === 'challenge').map((s) => s.id))
	}));
}
