/**
 * The Django project a lesson runs on in Node (the self-test): the demo `mysite`, or for
 * `project: full` the full one (`mysite.settings_full`), as the lesson page runs it in the browser.
 */
import type { Lesson } from '$lib/lessons/schema';
import type { DjangoProject } from '$lib/sim/django/project';

export async function projectOf(lesson: Pick<Lesson, 'project'>): Promise<DjangoProject> {
	return lesson.project === 'full'
		? (await import('$lib/sim/mysite/full')).mysiteFull
		: (await import('$lib/sim/mysite')).mysite;
}
