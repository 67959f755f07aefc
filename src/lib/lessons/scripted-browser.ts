/**
 * A browser without a screen, for the self-test: it sends a lesson's requests to a simulated site
 * the way the page's `fetch` does (cookies from its own jar, the CSRF token of the last form page,
 * redirects followed), and keeps every trace. The lesson self-test runs each lesson through it.
 */
import { CookieJar } from '$lib/client/cookie-jar';
import { csrfTokenFor } from '$lib/client/form-post';
import { SITE_ORIGIN } from '$lib/mocks/origin';
import { utf8 } from '$lib/sim/http/bytes';
import type { HandledRequest, SimRequest, Trace } from '$lib/sim/types';
import { buildRequest, FormMemory, lessonUrl, needsCsrfToken, requestLine } from './request-spec';
import type { RequestSpec } from './schema';

export type Handle = (request: SimRequest) => Promise<HandledRequest>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class ScriptedBrowser {
	readonly traces: Trace[] = [];
	#page = `${SITE_ORIGIN}/`;

	/**
	 * `jar` and `memory` default to this browser's own; the lesson page passes its real ones to
	 * rebuild a step's state quietly after a reload.
	 */
	constructor(
		private readonly handle: Handle,
		readonly jar: CookieJar = new CookieJar(),
		readonly memory: FormMemory = new FormMemory()
	) {}

	/** The page this browser shows (the last HTML document), sent as `Referer`. */
	get page(): string {
		return this.#page;
	}

	/** Sends one request and follows redirects; returns its traces, the request as written first. */
	async send(spec: RequestSpec): Promise<Trace[]> {
		// As the page does (lesson-session.ts): a form with no token known opens its page first.
		if (needsCsrfToken(spec) && !this.memory.csrfToken)
			await csrfTokenFor(requestLine(spec).path, undefined, async (page) => {
				const opened = await this.send({ send: `GET ${page}` });
				return opened.at(-1)?.response.body ?? '';
			});
		const built = buildRequest(spec, this.memory);
		let method = built.method;
		let url = lessonUrl(built.path);
		let headers = built.headers;
		let body = built.body;
		const traces: Trace[] = [];
		for (let hops = 0; hops < 10; hops++) {
			const { response, trace } = await this.handle({
				method,
				url,
				headers: this.#withBrowserHeaders(headers, url, method),
				body: utf8(body)
			});
			traces.push(trace);
			this.traces.push(trace);
			this.jar.store(
				url,
				response.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v)
			);
			this.memory.remember(response.body);
			const location = response.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
			if (!REDIRECTS.has(response.status) || !location) {
				// As the page's handlers do: the document shown is the last HTML page got with GET.
				const type = response.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
				if (method === 'GET' && response.status === 200 && type?.startsWith('text/html'))
					this.#page = url;
				break;
			}
			// As the Fetch standard says: 303 (and 301/302 after POST) continue as GET without a body.
			if (response.status === 303 || (response.status <= 302 && method === 'POST')) {
				method = 'GET';
				body = '';
				headers = headers.filter(([n]) => n.toLowerCase() !== 'content-type');
			}
			url = new URL(location, url).href;
		}
		return traces;
	}

	#withBrowserHeaders(
		headers: [string, string][],
		url: string,
		method: string
	): [string, string][] {
		const out: [string, string][] = [['Host', new URL(url).host], ...headers];
		const cookie = this.jar.cookieHeader(url);
		if (cookie) out.push(['Cookie', cookie]);
		if (method !== 'GET' && method !== 'HEAD') {
			// As the page's handlers do: the page's origin; across sites no Referer from mysite's
			// pages (Referrer-Policy: same-origin), only the origin from another site's.
			const from = new URL(this.#page).origin;
			out.push(['Origin', from]);
			if (from === new URL(url).origin) out.push(['Referer', this.#page]);
			else if (from !== SITE_ORIGIN) out.push(['Referer', `${from}/`]);
		}
		return out;
	}
}
