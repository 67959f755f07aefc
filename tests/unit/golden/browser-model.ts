/**
 * The small browser of `tests/fixtures/django-5.2/README.md`, driving the simulation through the
 * same MSW handlers the page uses (`src/lib/mocks/handlers.ts`, answered with msw's `getResponse`,
 * so URL matching and the handler's own request rules are exercised too).
 *
 * What the browser adds itself: `Host` comes from the URL, `Accept: *\/*` is sent explicitly, a
 * bare string body goes as `text/plain;charset=UTF-8` (the Fetch standard's rule for a string
 * body), and the handler adds `Referer` (the last HTML page), `Origin` (unsafe methods once a page
 * was shown) and `Cookie` (its RFC 6265 jar). Redirects are not followed.
 */
import { getResponse, type RequestHandler } from 'msw';
import { CookieJar } from '$lib/client/cookie-jar';
import { createHandlers } from '$lib/mocks/handlers';
import type { Site } from '$lib/sim/site';
import type { SimResponse } from '$lib/sim/types';
import { SITE_ORIGIN } from '$lib/mocks/origin';

export interface ScenarioStep {
	id: string;
	method: string;
	path: string;
	headers?: Record<string, string>;
	form?: Record<string, string>;
	json?: unknown;
	body?: string;
	/** `omit`: the browser sends no cookies with this request (the fetch's credentials mode). */
	credentials?: 'omit' | 'include';
}

export interface Scenario {
	name: string;
	about: string;
	steps: ScenarioStep[];
}

/** What one step got back: the page's `Response`, and the stack's own response when it ran. */
export interface Answer {
	response: Response;
	/** The simulated stack's response (with the `Set-Cookie` lines the handler keeps in the jar). */
	sim?: SimResponse;
	body: string;
}

export class GoldenBrowser {
	readonly jar = new CookieJar();
	#handlers: RequestHandler[];
	#last?: SimResponse;
	/** The `csrfmiddlewaretoken` of the last form received. */
	#formToken = '';
	#etag = '';
	#lastModified = '';

	constructor(site: Site) {
		const watched: Site = {
			...site,
			handle: async (request) => {
				const handled = await site.handle(request);
				this.#last = handled.response;
				return handled;
			}
		};
		this.#handlers = createHandlers({
			site: () => Promise.resolve(watched),
			jar: this.jar,
			present: () => Promise.resolve()
		});
	}

	async send(step: ScenarioStep): Promise<Answer> {
		const request = this.#request(step);
		this.#last = undefined;
		// A handler that throws is what MSW turns into a 500 with the JavaScript error as JSON.
		const response = await getResponse(this.#handlers, request).catch((error: Error) =>
			Response.json({ name: error.name, message: error.message }, { status: 500 })
		);
		if (!response) throw new Error(`${step.id}: no handler answered ${step.method} ${step.path}`);
		const body = await response.text();
		const sim = this.#last;
		this.#remember(response, body);
		return { response, sim, body };
	}

	#request(step: ScenarioStep): Request {
		const headers = new Headers({ Accept: '*/*' });
		for (const [name, value] of Object.entries(step.headers ?? {})) {
			headers.set(name, this.#fill(value));
		}
		let body: string | undefined;
		if (step.form) {
			const form = new URLSearchParams();
			for (const [name, value] of Object.entries(step.form)) form.append(name, this.#fill(value));
			body = form.toString();
		} else if (step.json !== undefined) {
			body = JSON.stringify(step.json);
		} else if (step.body !== undefined) {
			body = this.#fill(step.body);
		}
		return new Request(SITE_ORIGIN + this.#fill(step.path), {
			method: step.method,
			headers,
			body,
			credentials: step.credentials ?? 'include',
			redirect: 'manual'
		});
	}

	/** Placeholders, filled from this browser's own earlier responses. */
	#fill(text: string): string {
		return text
			.replace(/\{\{repeat:(.*?):(\d+)\}\}/g, (_m, chunk: string, n: string) =>
				chunk.repeat(Number(n))
			)
			.replaceAll('{{csrf_form}}', this.#formToken)
			.replaceAll(
				'{{csrf_cookie}}',
				this.jar.list().find((cookie) => cookie.name === 'csrftoken')?.value ?? ''
			)
			.replaceAll('{{etag}}', this.#etag)
			.replaceAll('{{last_modified}}', this.#lastModified);
	}

	#remember(response: Response, body: string): void {
		const token = /name="csrfmiddlewaretoken" value="([^"]*)"/.exec(body)?.[1];
		if (token) this.#formToken = token;
		this.#etag = response.headers.get('etag') ?? '';
		this.#lastModified = response.headers.get('last-modified') ?? '';
	}
}
