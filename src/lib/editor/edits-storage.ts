/**
 * The student's edits to the demo project, kept per browser in `localStorage` under a versioned
 * key. Storage may be missing or hold something unreadable (an old version, a hand edit): that
 * gives a notice and an empty project, never a broken page, and the unreadable text is kept aside.
 */
import { z } from 'zod';

export const EDITS_KEY = 'request-flow:project-edits:v1';
export const UNREADABLE_EDITS_KEY = `${EDITS_KEY}:unreadable`;

/** Edited files by project path; a file not listed is the project's own. */
export type Edits = Record<string, string>;

export const editsSchema = z.object({
	version: z.literal(1),
	files: z.record(z.string().max(200), z.string().max(200_000))
});

export interface LoadedEdits {
	edits: Edits;
	/** Why nothing (or not everything) was loaded, in words for the student. */
	notice: string | null;
}

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

export function parseEdits(raw: string): Edits | null {
	try {
		const parsed = editsSchema.safeParse(JSON.parse(raw));
		return parsed.success ? parsed.data.files : null;
	} catch {
		return null;
	}
}

export function loadEdits(): LoadedEdits {
	const store = storage();
	if (!store) return { edits: {}, notice: null };
	let raw: string | null;
	try {
		raw = store.getItem(EDITS_KEY);
	} catch {
		return { edits: {}, notice: null };
	}
	if (raw === null) return { edits: {}, notice: null };
	const edits = parseEdits(raw);
	if (edits) return { edits, notice: null };
	try {
		store.setItem(UNREADABLE_EDITS_KEY, raw);
		store.removeItem(EDITS_KEY);
	} catch {
		// Nothing more to do: the project starts unedited for this visit.
	}
	return {
		edits: {},
		notice:
			'Your saved edits could not be read, so the project starts as it was. The unreadable data was kept in this browser under "' +
			UNREADABLE_EDITS_KEY +
			'".'
	};
}

/** Saves the edits; false when this browser does not let us (the edits last until the page closes). */
export function saveEdits(edits: Edits): boolean {
	const store = storage();
	if (!store) return false;
	try {
		if (Object.keys(edits).length === 0) store.removeItem(EDITS_KEY);
		else store.setItem(EDITS_KEY, JSON.stringify({ version: 1, files: edits }));
		return true;
	} catch {
		return false;
	}
}
