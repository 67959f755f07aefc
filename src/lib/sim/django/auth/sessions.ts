/**
 * Django's database session backend (django/contrib/sessions/backends/db.py): the
 * `django_session` table and a `SessionStore` with Django's behaviour — a new key of 32
 * characters from `[a-z0-9]` checked for uniqueness, `cycle_key()` keeping the data under a new
 * key (login does it, against session fixation), `flush()` deleting the row, and `modified`
 * telling the middleware whether to save and send the cookie.
 *
 * One simplification, said plainly: real Django signs the data and stores it base64-encoded
 * (`signing.dumps`, so a student could not read it); we store plain JSON so the inspector can
 * show what the session holds.
 */
import {
	CharField,
	DateTimeField,
	defineModel,
	IntegrityError,
	TextField,
	type Database
} from '../db';
import { getRandomString } from './hashers';

export const Session = defineModel({
	app: 'sessions',
	name: 'Session',
	fields: {
		session_key: CharField({ maxLength: 40, primaryKey: true, verboseName: 'session key' }),
		session_data: TextField({ verboseName: 'session data' }),
		expire_date: DateTimeField({ dbIndex: true, verboseName: 'expire date' })
	},
	meta: { dbTable: 'django_session' }
});

/** settings.SESSION_COOKIE_AGE: two weeks, in seconds. */
export const SESSION_COOKIE_AGE = 1_209_600;
const VALID_KEY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const EXPIRY_KEY = '_session_expiry';

export type SessionData = Record<string, unknown>;

export class SessionStore {
	private cache: SessionData | undefined;
	/** True once the data changed: the middleware then saves it and sets the cookie. */
	modified = false;
	accessed = false;
	private key: string | null;

	constructor(
		private readonly db: Database,
		sessionKey: string | null = null,
		private readonly now: () => Date = () => new Date()
	) {
		// Django's _validate_session_key(): at least 8 characters, else no key at all. Anything
		// else is looked up (with a bound parameter) and simply not found.
		this.key = sessionKey && sessionKey.length >= 8 ? sessionKey : null;
	}

	get session_key(): string | null {
		return this.key;
	}

	private get objects() {
		return Session.objects.using(this.db);
	}

	private loaded: SessionData | undefined;

	private get data(): SessionData {
		this.accessed = true;
		if (!this.cache) {
			this.cache = this.key ? this.load() : {};
			this.loaded = structuredClone(this.cache);
		}
		return this.cache;
	}

	/** The data as it came from the database, if it was read (the trace's "before" view). */
	initial(): SessionData | undefined {
		return this.loaded && structuredClone(this.loaded);
	}

	/** Read the row if it exists and has not expired; otherwise forget the key. */
	load(): SessionData {
		const key = this.key;
		const rows = this.objects
			.filter({ session_key: key, expire_date__gt: this.now() })
			.withOrm(`Session.objects.get(session_key=${pyKey(key)}, expire_date__gt=timezone.now())`);
		try {
			return JSON.parse(rows.get().session_data) as SessionData;
		} catch {
			this.key = null;
			return {};
		}
	}

	get<T = unknown>(name: string, fallback?: T): T | undefined {
		return name in this.data ? (this.data[name] as T) : fallback;
	}
	set(name: string, value: unknown): void {
		this.data[name] = value;
		this.modified = true;
	}
	has(name: string): boolean {
		return name in this.data;
	}
	delete(name: string): void {
		if (name in this.data) {
			delete this.data[name];
			this.modified = true;
		}
	}
	pop<T = unknown>(name: string, fallback?: T): T | undefined {
		const value = this.get(name, fallback);
		this.delete(name);
		return value;
	}
	keys(): string[] {
		return Object.keys(this.data);
	}
	/** A copy of the data, for the trace. */
	items(): SessionData {
		return structuredClone(this.data);
	}
	clear(): void {
		this.cache = {};
		this.accessed = true;
		this.modified = true;
	}

	/** Django: true when there is neither a key nor any data. */
	is_empty(): boolean {
		return !this.key && !Object.keys(this.cache ?? {}).length;
	}

	/**
	 * `set_expiry()`: seconds from now, a Date, 0 for "when the browser closes", or null for
	 * the site's policy (two weeks). Stored in the session as Django does (`_session_expiry`).
	 */
	set_expiry(value: number | Date | null): void {
		if (value === null) this.delete(EXPIRY_KEY);
		else this.set(EXPIRY_KEY, value instanceof Date ? value.toISOString() : value);
	}

	/** Seconds until the session expires: the cookie's Max-Age. */
	get_expiry_age(): number {
		const expiry = this.get<number | string>(EXPIRY_KEY);
		if (expiry === undefined) return SESSION_COOKIE_AGE;
		if (typeof expiry === 'number') return expiry;
		return Math.max(0, Math.floor((Date.parse(expiry) - this.now().getTime()) / 1000));
	}

	get_expiry_date(): Date {
		return new Date(this.now().getTime() + this.get_expiry_age() * 1000);
	}

	/** True after `set_expiry(0)`: the cookie then has no Max-Age (SESSION_EXPIRE_AT_BROWSER_CLOSE is False). */
	get_expire_at_browser_close(): boolean {
		return this.get(EXPIRY_KEY) === 0;
	}

	exists(key: string): boolean {
		return this.objects.filter({ session_key: key }).exists();
	}

	private newKey(): string {
		for (;;) {
			const key = getRandomString(32, VALID_KEY_CHARS);
			if (!this.exists(key)) return key;
		}
	}

	/** A new, empty-keyed row: pick an unused key and INSERT. */
	create(): void {
		for (;;) {
			this.key = this.newKey();
			try {
				this.save(true);
			} catch (error) {
				if (error instanceof IntegrityError) continue;
				throw error;
			}
			this.modified = true;
			return;
		}
	}

	/** Write the data: INSERT for a new session (`mustCreate`), otherwise UPDATE. */
	save(mustCreate = false): void {
		if (this.key === null) return this.create();
		const session = new Session({
			session_key: this.key,
			// Creating saves what is cached without loading (Django's `_get_session(no_load=True)`).
			session_data: JSON.stringify(mustCreate ? (this.cache ?? {}) : this.data),
			expire_date: this.get_expiry_date()
		});
		session._state.db = this.db;
		session.save({ forceInsert: mustCreate, forceUpdate: !mustCreate, orm: 'session.save()' });
	}

	/** Delete a row (this session's by default). */
	deleteSession(key: string | null = this.key): void {
		if (key === null) return;
		// As Django's db backend: `self.model.objects.get(session_key=session_key).delete()`.
		try {
			this.objects.get({ session_key: key }).delete();
		} catch (error) {
			if (!(error instanceof Session.DoesNotExist)) throw error;
		}
	}

	/** New key, same data; the old row is deleted. Login calls it against session fixation. */
	cycle_key(): void {
		const data = this.data;
		const old = this.key;
		this.create();
		this.cache = data;
		if (old) this.deleteSession(old);
	}

	/** Empty the session and delete its row; logout calls it. */
	flush(): void {
		this.clear();
		this.deleteSession();
		this.key = null;
	}
}

function pyKey(key: string | null): string {
	return key === null ? 'None' : `'${key}'`;
}
