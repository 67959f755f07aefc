/**
 * Which project the playground runs: `mysite` (`DJANGO_SETTINGS_MODULE=mysite.settings`) or `full`
 * (`mysite.settings_full`). A share link's `project=` wins; otherwise the student's last choice,
 * kept in `localStorage` (which may be missing, full or refused: then the default is used).
 */
import { PROJECTS, type EmbedProject } from '$lib/embed/embed-config';

export type PlaygroundProject = EmbedProject;

const KEY = 'request-flow:playground-project:v1';

/** What each choice is, for its label. */
export const PROJECT_CHOICES: ReadonlyArray<{
	value: PlaygroundProject;
	module: string;
	about: string;
}> = [
	{ value: 'mysite', module: 'mysite.settings', about: 'the blog, the shop and the API' },
	{
		value: 'full',
		module: 'mysite.settings_full',
		about: 'with the admin, outside login, mail and payments'
	}
];

export const settingsModule = (project: PlaygroundProject): string =>
	PROJECT_CHOICES.find((c) => c.value === project)?.module ?? 'mysite.settings';

const isProject = (value: unknown): value is PlaygroundProject =>
	(PROJECTS as readonly unknown[]).includes(value);

export function storedProject(): PlaygroundProject | undefined {
	try {
		const value = localStorage.getItem(KEY);
		return isProject(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

export function storeProject(project: PlaygroundProject): void {
	try {
		localStorage.setItem(KEY, project);
	} catch {
		/* not kept: the playground still runs this project until the page closes */
	}
}

/** The project the page opens with, and whether a link chose it. */
export function initialProject(search: string): { project: PlaygroundProject; fromLink: boolean } {
	const linked = new URLSearchParams(search).get('project');
	if (isProject(linked)) return { project: linked, fromLink: true };
	return { project: storedProject() ?? 'mysite', fromLink: false };
}
