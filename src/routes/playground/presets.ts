/**
 * The playground's ready-made requests: each a real `fetch` to the simulated site, chosen to show
 * one thing about how Django answers (a static file nginx serves alone, a 404, APPEND_SLASH, a
 * login that needs the CSRF token from the form, token authentication, a timeout, an error).
 */
import { SITE_ORIGIN } from '$lib/mocks/origin';

export interface RequestSpec {
	method: string;
	path: string;
	headers?: Record<string, string>;
	body?: string;
}

export interface Preset extends RequestSpec {
	id: string;
	label: string;
	/** What to look for, in one plain sentence. */
	hint: string;
}

const ALICE_TOKEN = '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b';

export const PRESETS: readonly Preset[] = [
	{
		id: 'home',
		label: 'Home page',
		method: 'GET',
		path: '/',
		hint: 'A function view renders home.html.'
	},
	{
		id: 'blog-list',
		label: 'Blog list',
		method: 'GET',
		path: '/blog/',
		hint: 'A ListView asks the database for every post, newest first.'
	},
	{
		id: 'blog-post',
		label: 'Blog post 3',
		method: 'GET',
		path: '/blog/3/',
		hint: 'The URL resolver turns "3" into pk=3; the view fetches one post and its comments.'
	},
	{
		id: 'static-css',
		label: 'A static CSS file',
		method: 'GET',
		path: '/static/css/site.css',
		hint: 'The web server answers from its own files; Django never sees the request.'
	},
	{
		id: 'no-match',
		label: 'A path no pattern matches',
		method: 'GET',
		path: '/no/such/page/',
		hint: 'The URL resolver tries every pattern, none matches: 404 Not Found.'
	},
	{
		id: 'append-slash',
		label: '/blog/3 without the slash',
		method: 'GET',
		path: '/blog/3',
		hint: 'No pattern matches, so CommonMiddleware (APPEND_SLASH) redirects to /blog/3/.'
	},
	{
		id: 'login',
		label: 'Log in (POST)',
		method: 'POST',
		path: '/accounts/login/',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: 'username=alice&password=wonderland',
		hint: 'First a GET for the form and its CSRF token (as a browser opens the page), then the POST that logs alice in.'
	},
	{
		id: 'api-list',
		label: 'API: my orders, with a token',
		method: 'GET',
		path: '/api/orders/',
		headers: { Authorization: `Token ${ALICE_TOKEN}`, Accept: 'application/json' },
		hint: 'The Authorization header identifies alice; the answer is JSON, not HTML.'
	},
	{
		id: 'api-create-anonymous',
		label: 'API: create an order without a token',
		method: 'POST',
		path: '/api/orders/',
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: '{"product": 1, "quantity": 1}',
		hint: 'With no token and no session: 401 Unauthorized and a WWW-Authenticate header. After logging in, the session cookie goes along and the API asks for the CSRF token: 403.'
	},
	{
		id: 'slow',
		label: 'A slow report',
		method: 'GET',
		path: '/reports/slow/',
		hint: 'The view takes 45 s; gunicorn kills the worker at 30 s and nginx answers 502.'
	},
	{
		id: 'boom',
		label: 'A view that crashes',
		method: 'GET',
		path: '/boom/',
		hint: 'The view raises an exception: 500 Internal Server Error.'
	}
];

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** A path the playground can send, or a plain reason why not. */
export function checkPath(path: string): string | null {
	if (!path.startsWith('/')) return 'The path must start with "/", for example /blog/3/.';
	if (/\s/.test(path)) return 'A path cannot contain spaces; write them as %20.';
	try {
		new URL(path, SITE_ORIGIN);
	} catch {
		return 'This is not a path a browser could send.';
	}
	return null;
}

/** Sends one request as the tool's own client does: a real fetch, cookies included. */
export async function send(spec: RequestSpec): Promise<Response> {
	// A Send pressed before the simulation started would fail: wait for it.
	await import('$lib/mocks/browser').then((m) => m.startSimulation());
	const hasBody = spec.body && !['GET', 'HEAD'].includes(spec.method);
	return fetch(new URL(spec.path, SITE_ORIGIN), {
		method: spec.method,
		headers: spec.headers,
		body: hasBody ? spec.body : undefined,
		credentials: 'include'
	});
}
