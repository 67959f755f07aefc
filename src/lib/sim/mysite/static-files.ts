/** The files nginx serves from `/static/` (what `collectstatic` would have gathered). */
import type { StaticFile } from '../django/project';
import { staticSources } from './sources';

/** A fixed modification time, so ETag and Last-Modified are the same on every run. */
export const STATIC_MTIME = Date.UTC(2026, 10, 2, 9, 30, 0);

export const staticFiles: readonly StaticFile[] = Object.entries(staticSources).map(
	([path, body]) => ({ path: `/static/${path}`, body, mtime: STATIC_MTIME })
);
