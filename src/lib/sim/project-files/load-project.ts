/**
 * A project with a student's edits, read as a restarted server would read it: settings.py when a
 * gunicorn worker boots (a mistake there means no worker starts: nginx answers 502 Bad Gateway),
 * the URLconf on the first request (a mistake there fails every request with Django's error
 * page, as under gunicorn), templates each time a view renders one.
 *
 * Which files can be edited, and how: every template, each urls.py, settings.py, and one line of
 * blog/views.py (the PostListView queryset, with or without select_related) chosen from a list.
 */
import { formatTraceback, PythonError, SimulationReadsOnly } from './python-errors';
import { readSettings, SETTINGS_FILE, type SettingsRead } from './settings-reader';
import { readUrlconf, type UrlconfRead, type ViewModules } from './urlconf-reader';
import { checkLineChoice, fileKind, type ProjectEdits } from './editable';
import { withEdited } from '../source-as-run';

export {
	checkLineChoice,
	fileKind,
	LINE_CHOICES,
	type FileKind,
	type ProjectEdits
} from './editable';

/** What went wrong, as the student sees it: Python's words and its traceback. */
export interface LoadProblem {
	/** When it happens: the worker cannot boot, or every request fails. */
	stage: 'boot' | 'request';
	type: string;
	message: string;
	traceback: string;
	file?: string;
	line?: number;
	/** Our own answer (not Django's): Python this simulation does not read. */
	readsOnly: boolean;
	/** The exception itself, for the site to raise on each request. */
	error: PythonError | SimulationReadsOnly;
}

export interface LoadedProject {
	/** Every file, with the edits applied. */
	files: Record<string, string>;
	settings?: SettingsRead;
	urlconf?: UrlconfRead;
	problem?: LoadProblem;
	notes: string[];
}

function problem(stage: LoadProblem['stage'], error: unknown): LoadProblem {
	if (!(error instanceof PythonError) && !(error instanceof SimulationReadsOnly)) throw error;
	const readsOnly = error instanceof SimulationReadsOnly;
	return {
		stage,
		type: readsOnly ? 'Not read by this simulation' : error.type,
		message: error.message,
		traceback: formatTraceback(error),
		file: error.location?.file,
		line: error.location?.line,
		readsOnly,
		error
	};
}

export interface LoadOptions {
	/** The project's own files (`projectSources`). */
	sources: Readonly<Record<string, string>>;
	edits: ProjectEdits;
	views: ViewModules;
	/** urls.py modules, root first (`mysite.urls`, `blog.urls`…). */
	urlModules: readonly string[];
}

export function loadProject(options: LoadOptions): LoadedProject {
	const files: Record<string, string> = { ...options.sources };
	const edited: string[] = [];
	const notes: string[] = [];
	for (const [path, text] of Object.entries(options.edits)) {
		const kind = fileKind(path);
		if (kind === 'read-only' || !(path in options.sources)) {
			notes.push(`${path} is read-only here: the edit was left out.`);
			continue;
		}
		if (kind === 'view-line') {
			const why = checkLineChoice(path, options.sources[path], text);
			if (why) {
				notes.push(`${why} The edit was left out.`);
				continue;
			}
		}
		files[path] = text;
		if (text !== options.sources[path]) edited.push(path);
	}
	// The trace shows an edited file as it ran (source-as-run.ts).
	const loaded: LoadedProject = { files: withEdited(files, edited), notes };
	try {
		loaded.settings = readSettings(files[SETTINGS_FILE], options.sources[SETTINGS_FILE]);
		notes.push(...loaded.settings.notes);
	} catch (error) {
		loaded.problem = problem('boot', error);
		return loaded;
	}
	try {
		const sources = Object.fromEntries(
			options.urlModules.map((m) => [m, files[`${m.replace(/\./g, '/')}.py`]])
		);
		loaded.urlconf = readUrlconf({ root: options.urlModules[0], sources, views: options.views });
		notes.push(...loaded.urlconf.notes);
	} catch (error) {
		loaded.problem = problem('request', error);
	}
	return loaded;
}

declare module '../django/context' {
	interface SimContext {
		/** A project file as the server now runs it (an edited one included), by project path. */
		projectFile?(path: string): string | undefined;
	}
}
