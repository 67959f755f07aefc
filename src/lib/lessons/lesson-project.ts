/**
 * The project a lesson runs on, as the simulation names it: a lesson's frontmatter says
 * `project: full` for `mysite.settings_full` (the admin, outside login, mail and payments), and
 * nothing (or `project: mysite`) for the default `mysite.settings`.
 */
import type { ProjectName } from '$lib/mocks/simulation';
import type { LessonProject } from './lesson-constants';

export const SIMULATED_PROJECTS: Record<LessonProject, ProjectName> = {
	mysite: 'mysite',
	full: 'mysite-full'
};

export const simulatedProject = (lesson: { project: LessonProject }): ProjectName =>
	SIMULATED_PROJECTS[lesson.project];
