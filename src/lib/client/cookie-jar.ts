/**
 * The simulated browser's cookie jar for the simulated site.
 *
 * A real browser would keep `mysite.test`'s cookies itself, but a response built by a service
 * worker cannot set them (and a page script can never set a `Cookie` header), so the simulated
 * browser keeps its own jar. The rules (domain, path, expiry, HttpOnly, Secure, SameSite) are
 * RFC 6265's, implemented by tough-cookie, the library MSW already ships.
 */
import { Cookie, CookieJar as ToughJar } from 'tough-cookie';

export interface StoredCookie {
	name: string;
	value: string;
	domain: string;
	path: string;
	/** Absolute expiry (ms since epoch), or `null` for a session cookie. */
	expires: number | null;
	httpOnly: boolean;
	secure: boolean;
	sameSite: 'Strict' | 'Lax' | 'None' | undefined;
	/** Set without a Domain attribute: sent only to the host that set it. */
	hostOnly: boolean;
	/** The `Set-Cookie` line it came from, as the server sent it. */
	setCookie: string;
}

export interface SendContext {
	/** `http` for a request the browser sends; `script` for what `document.cookie` would show. */
	api?: 'http' | 'script';
	/** Whether the request is same-site or a cross-site navigation/subrequest (for SameSite). */
	sameSite?: 'strict' | 'lax' | 'none';
}

type Listener = (cookies: StoredCookie[]) => void;

export class CookieJar {
	#jar = new ToughJar(undefined, { looseMode: false, rejectPublicSuffixes: false });
	#listeners = new Set<Listener>();
	/** Nothing stored since the jar was made or cleared: the common first requests skip tough-cookie. */
	#empty = true;

	/** The `Cookie` header value the browser would send to `url`, or `''`. */
	cookieHeader(url: string, context: SendContext = {}): string {
		if (this.#empty) return '';
		return this.#jar.getCookieStringSync(url, {
			http: (context.api ?? 'http') === 'http',
			sameSiteContext: context.sameSite ?? 'strict'
		});
	}

	/**
	 * What `document.cookie` would show a script on `url`: the cookies sent there, without the
	 * HttpOnly ones. The page's own scripts (done by the mini browser) read the CSRF token here.
	 */
	documentCookie(url: string): string {
		return this.cookieHeader(url, { api: 'script' });
	}

	/** One cookie as a page script could read it, or `undefined` (absent or HttpOnly). */
	readByScript(url: string, name: string): string | undefined {
		for (const pair of this.documentCookie(url).split('; ')) {
			const eq = pair.indexOf('=');
			if (eq > 0 && pair.slice(0, eq) === name) return pair.slice(eq + 1);
		}
		return undefined;
	}

	/** Stores each `Set-Cookie` line of a response from `url`. Bad lines are ignored, as browsers do. */
	store(url: string, setCookieLines: readonly string[]): void {
		if (setCookieLines.length === 0) return;
		this.#empty = false;
		for (const line of setCookieLines) {
			this.#jar.setCookieSync(line, url, { ignoreError: true, sameSiteContext: 'strict' });
		}
		this.#emit();
	}

	/** Every cookie the jar holds that has not expired. */
	list(): StoredCookie[] {
		const cookies = this.#jar.serializeSync()?.cookies ?? [];
		return cookies
			.map((json) => Cookie.fromJSON(json))
			.filter((c): c is Cookie => c instanceof Cookie && c.TTL() > 0)
			.map(toStored);
	}

	/** Every unexpired cookie that would be sent to `url` (for one site's list). */
	listFor(url: string): StoredCookie[] {
		const host = new URL(url).hostname;
		return this.list().filter((c) => c.domain === host || host.endsWith(`.${c.domain}`));
	}

	/** Deletes one cookie, as the browser's developer tools can. */
	async remove(cookie: Pick<StoredCookie, 'name' | 'domain' | 'path'>): Promise<void> {
		await this.#jar.store.removeCookie(cookie.domain, cookie.path, cookie.name);
		this.#emit();
	}

	clear(): void {
		this.#jar.removeAllCookiesSync();
		this.#empty = true;
		this.#emit();
	}

	subscribe(listener: Listener): () => void {
		this.#listeners.add(listener);
		listener(this.list());
		return () => this.#listeners.delete(listener);
	}

	#emit() {
		const cookies = this.list();
		for (const listener of this.#listeners) listener(cookies);
	}
}

function toStored(c: Cookie): StoredCookie {
	const expiry = c.expiryTime();
	const sameSite = c.sameSite?.toLowerCase();
	return {
		name: c.key,
		value: c.value,
		domain: c.domain ?? '',
		path: c.path ?? '/',
		expires: expiry === Infinity || expiry === undefined ? null : expiry,
		httpOnly: c.httpOnly,
		hostOnly: c.hostOnly !== false,
		secure: c.secure,
		sameSite:
			sameSite === 'strict'
				? 'Strict'
				: sameSite === 'lax'
					? 'Lax'
					: sameSite === 'none'
						? 'None'
						: undefined,
		setCookie: c.toString()
	};
}

/** The one jar of the simulated browser in this page. */
export const browserJar = new CookieJar();
