/**
 * The editor's state: the project's files, the student's saved edits and unsaved drafts, and
 * what the restarted server said. Saving writes the edits to this browser and reloads the
 * simulated site with them, so the next request sees them (as runserver reloads on a save).
 */
import type { ReloadReport } from '$lib/sim/site';
import { fileKind, type FileKind } from '$lib/sim/project-files/editable';
import type { Edits } from './edits-storage';

// Zod validates the saved edits and a link's: these load with the files, after the first paint.
const storage = () => import('./edits-storage');
const links = () => import('./share-link');

/** The part of the simulated site the editor needs. */
export interface EditableSite {
	reload(edits: Edits): Promise<ReloadReport>;
}

export interface EditorOptions {
	/** The project's own files, by path (loaded lazily: they are the demo project's sources). */
	sources: () => Promise<Readonly<Record<string, string>>>;
	site: () => Promise<EditableSite>;
}

const defaultOptions: EditorOptions = {
	sources: () => import('$lib/sim/mysite/sources').then((m) => m.projectSources),
	// The default project's site: the full one (mysite.settings_full) cannot be edited.
	site: () => import('$lib/mocks/simulation').then((m) => m.siteOf('mysite'))
};

export const FIRST_FILE = 'templates/blog/post_list.html';

export class ProjectEditor {
	originals = $state.raw<Readonly<Record<string, string>>>({});
	edits = $state.raw<Edits>({});
	drafts = $state.raw<Record<string, string>>({});
	selected = $state(FIRST_FILE);
	report = $state.raw<ReloadReport | null>(null);
	/** One sentence for the live region: what just happened. */
	status = $state('');
	/** Something the student must know (unreadable saved data, a link that replaced edits). */
	notice = $state<string | null>(null);
	/** Edits replaced by a link's, for Undo. */
	replaced = $state.raw<Edits | null>(null);
	shareLink = $state<string | null>(null);
	shareProblem = $state<string | null>(null);
	ready = $state(false);
	busy = $state(false);

	readonly #options: EditorOptions;

	constructor(options: Partial<EditorOptions> = {}) {
		this.#options = { ...defaultOptions, ...options };
	}

	/** Every file as the server runs it (saved edits applied). */
	files = $derived({ ...this.originals, ...this.edits });
	paths = $derived(Object.keys(this.originals).sort());
	kind = $derived<FileKind>(fileKind(this.selected));
	saved = $derived(this.files[this.selected] ?? '');
	draft = $derived(this.drafts[this.selected] ?? this.saved);
	dirty = $derived(this.draft !== this.saved);
	edited = $derived(this.selected in this.edits);

	#started: Promise<void> | undefined;

	/** Loads the files, this browser's edits, and a shared project from the page's address (once). */
	init(hash = typeof location === 'undefined' ? '' : location.hash): Promise<void> {
		this.#started ??= this.#init(hash);
		return this.#started;
	}

	async #init(hash: string): Promise<void> {
		const [originals, { loadEdits, saveEdits }, { decodeEdits, projectFromHash }] =
			await Promise.all([this.#options.sources(), storage(), links()]);
		this.originals = originals;
		const loaded = loadEdits();
		this.edits = this.#known(loaded.edits);
		this.notice = loaded.notice;
		const shared = projectFromHash(hash);
		if (shared !== null) {
			const decoded = await decodeEdits(shared);
			if (decoded.ok) {
				if (Object.keys(this.edits).length && !sameEdits(this.edits, decoded.edits))
					this.replaced = this.edits;
				this.edits = this.#known(decoded.edits);
				saveEdits(this.edits);
				const n = Object.keys(this.edits).length;
				this.notice = `Opened the project from the link: ${n} edited file${n === 1 ? '' : 's'}.${this.replaced ? ' Your own edits were replaced; Undo brings them back.' : ''}`;
			} else this.notice = decoded.message;
		}
		this.ready = true;
		if (Object.keys(this.edits).length) await this.#apply('Your edits are in force.');
	}

	select(path: string): void {
		this.selected = path;
		this.shareLink = null;
	}

	setDraft(text: string): void {
		this.drafts = { ...this.drafts, [this.selected]: text };
	}

	async save(): Promise<void> {
		const path = this.selected;
		const text = this.draft;
		const next = { ...this.edits };
		if (text === this.originals[path]) delete next[path];
		else next[path] = text;
		this.edits = next;
		this.#dropDraft(path);
		await this.#store(`Saved ${path}.`);
	}

	async resetFile(): Promise<void> {
		const path = this.selected;
		const next = { ...this.edits };
		delete next[path];
		this.edits = next;
		this.#dropDraft(path);
		await this.#store(`${path} is back to the project's own text.`);
	}

	async resetProject(): Promise<void> {
		this.edits = {};
		this.drafts = {};
		this.replaced = null;
		await this.#store('Every file is back to the project’s own text.');
	}

	async undoReplace(): Promise<void> {
		if (!this.replaced) return;
		this.edits = this.replaced;
		this.replaced = null;
		this.notice = null;
		await this.#store('Your own edits are back.');
	}

	async share(): Promise<void> {
		this.shareLink = null;
		this.shareProblem = null;
		const { encodeEdits, linkFor } = await links();
		const encoded = await encodeEdits(this.edits);
		if (encoded.ok) this.shareLink = linkFor(location.href, encoded.value);
		else this.shareProblem = encoded.message;
	}

	#dropDraft(path: string) {
		const drafts = { ...this.drafts };
		delete drafts[path];
		this.drafts = drafts;
	}

	/** Only files that exist and may be edited are kept (a link or old data may hold others). */
	#known(edits: Edits): Edits {
		return Object.fromEntries(
			Object.entries(edits).filter(
				([path]) => path in this.originals && fileKind(path) !== 'read-only'
			)
		);
	}

	async #store(done: string): Promise<void> {
		const { saveEdits } = await storage();
		const kept = saveEdits(this.edits);
		await this.#apply(
			kept ? done : `${done} (This browser does not let us keep it after you leave.)`
		);
	}

	async #apply(done: string): Promise<void> {
		this.busy = true;
		try {
			const site = await this.#options.site();
			this.report = await site.reload(this.edits);
			const problem = this.report.problem;
			this.status = problem
				? `${done} The server reloaded and found a problem: ${problem.type}.`
				: `${done} The server reloaded: the next request uses it.`;
		} finally {
			this.busy = false;
		}
	}
}

function sameEdits(a: Edits, b: Edits): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
