/**
 * What a request carries besides HTTP: the per-request simulation context (`request.sim`) and the
 * shapes of `request.session` and `request.user` that the middleware relies on.
 *
 * The ORM, template and auth helpers add their own members by declaration merging, as SvelteKit's
 * `App.Locals` works, so this module needs none of their imports:
 *
 *     declare module '$lib/sim/django/context' {
 *       interface SimContext { db: Database }
 *       interface SessionLike extends SessionStore {}
 *     }
 *
 * `site.ts` fills `db` and `templates` when it builds each request (and declares them there if
 * their owners have not).
 */
import type { TraceRecorder } from '../trace';
import type { Settings } from './settings';

export interface SimContext {
	/** The trace of this request: views call `recorder.ran(…)`, the ORM `recorder.query(…)`. */
	recorder: TraceRecorder;
	settings: Settings;
	/** The simulated clock's "now" for Django code (ms since epoch): `timezone.now()`. */
	now(): Date;
}

/**
 * `request.session` as SessionMiddleware uses it (Django's `SessionBase` names; the auth helper's
 * `SessionStore` has this shape). The optional members fall back to the settings.
 */
export interface SessionLike {
	readonly session_key: string | null;
	/** Set when the data changed (Django saves only then, unless SESSION_SAVE_EVERY_REQUEST). */
	readonly modified: boolean;
	/** Set when the data was read (Django then adds `Vary: Cookie`). */
	readonly accessed: boolean;
	is_empty(): boolean;
	save(): void | Promise<void>;
	get_expiry_age?(): number;
	get_expire_at_browser_close?(): boolean;
	/** A plain copy of the data now, for the trace's "after" view. */
	items?(): Record<string, unknown>;
	/** The data as it was loaded from the database, if it has been loaded (the "before" view). */
	initial?(): Record<string, unknown> | undefined;
}

/** `request.user`: a `User` or `AnonymousUser`. */
export interface UserLike {
	readonly is_authenticated: boolean;
	readonly is_anonymous: boolean;
	readonly username: string;
	readonly pk: number | null;
}

/** `AnonymousUser`, until the auth helper's class replaces it. */
export const ANONYMOUS_USER: UserLike = Object.freeze({
	is_authenticated: false,
	is_anonymous: true,
	username: '',
	pk: null
});
