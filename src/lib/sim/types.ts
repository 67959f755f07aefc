/**
 * The contract between the simulated stack and everything that shows it.
 *
 * A `SimRequest` goes into the stack; a `SimResponse` and a `Trace` come out. The trace is an
 * ordered list of hops, each an immutable snapshot of what crossed one edge of the diagram (or
 * what happened inside one node, when `from === to`). Plain data only: no classes, no functions,
 * so a trace can be frozen, stored, posted to an iframe and exported (HAR, Mermaid).
 */

/** The boxes of the diagram, in the order a request meets them. */
export const NODE_IDS = [
	'browser',
	'web-server',
	'app-server',
	'middleware',
	'url-resolver',
	'view',
	'model',
	'database',
	'template',
	// Other servers on the internet that Django (or the browser) talks to. The diagram draws them
	// only when a request reaches them.
	'identity-provider',
	'payment-api',
	'mail-server'
] as const;
export type NodeId = (typeof NODE_IDS)[number];

/** The servers outside mysite: an identity provider, a payment provider's API, a mail server. */
export const OUTSIDE_NODE_IDS = ['identity-provider', 'payment-api', 'mail-server'] as const;
export type OutsideNodeId = (typeof OUTSIDE_NODE_IDS)[number];

/** mysite's own stack: the nodes drawn for every request. */
export const STACK_NODE_IDS: readonly NodeId[] = NODE_IDS.filter(
	(id) => !(OUTSIDE_NODE_IDS as readonly string[]).includes(id)
);

export function isOutsideNode(id: NodeId): id is OutsideNodeId {
	return (OUTSIDE_NODE_IDS as readonly string[]).includes(id);
}

/** Which machine/process a node belongs to (the diagram's groups). */
export type NodeGroup =
	| 'client'
	| 'web-server'
	| 'app-server'
	| 'django'
	| 'identity-provider'
	| 'payment-api'
	| 'mail-server';

export const NODE_GROUP: Record<NodeId, NodeGroup> = {
	browser: 'client',
	'web-server': 'web-server',
	'app-server': 'app-server',
	middleware: 'django',
	'url-resolver': 'django',
	view: 'django',
	model: 'django',
	database: 'django',
	template: 'django',
	'identity-provider': 'identity-provider',
	'payment-api': 'payment-api',
	'mail-server': 'mail-server'
};

/** A header list keeps order and repeats (two `Set-Cookie` lines), as HTTP does. */
export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

/** A request as it leaves the simulated browser. Cookies travel in a `Cookie` header. */
export interface SimRequest {
	method: string;
	/** Absolute URL on the simulated origin, e.g. `https://mysite.test/blog/3/`. */
	url: string;
	headers: HeaderList;
	/** The body as bytes, as on the wire (form-encoded, JSON, a file, …); empty for none. */
	body: Uint8Array;
}

/**
 * The request as a trace keeps it (plain, JSON-safe data): the body as text for display (UTF-8,
 * a byte that is not UTF-8 shown as U+FFFD) and its real size in bytes.
 */
export interface TracedRequest {
	method: string;
	url: string;
	headers: HeaderList;
	body: string;
	/** Size of the body in bytes (absent in traces exported before bodies were bytes). */
	bodyBytes?: number;
}

export interface SimResponse {
	status: number;
	/** Django's reason phrase, e.g. `Not Found`. */
	statusText: string;
	headers: HeaderList;
	body: string;
}

/**
 * What kind of thing travels on a hop. `request`/`response` are HTTP (or WSGI) messages;
 * the rest are calls inside Django.
 */
export type HopKind =
	| 'request' // an HTTP request (browser → web server → app server), or the WSGI request into Django
	| 'response' // an HTTP response on its way back
	| 'middleware' // a middleware's process_request / process_response step
	| 'resolve' // the URL resolver trying patterns
	| 'call' // a call into a view, a model, the template engine
	| 'query' // SQL sent to the database
	| 'rows' // rows back from the database
	| 'render' // context handed to the template engine
	| 'return' // a value returned from a callee (rendered HTML, model instances, an HttpResponse)
	| 'static' // the web server answering from its own files
	| 'wait'; // a request waiting (gunicorn's queue)

/** `in` travels towards the database (the request's way); `out` travels back to the browser. */
export type Direction = 'in' | 'out';

/** One URL pattern the resolver tried, in order. */
export interface PatternAttempt {
	/** The full route as Django prints it on its 404 page, e.g. `blog/<int:pk>/`. */
	route: string;
	/** The pattern's name with namespace, e.g. `blog:post_detail`, if it has one. */
	name?: string;
	matched: boolean;
	/** Why it did not match, in plain words, e.g. `"abc" is not an int`. */
	reason?: string;
}

export interface ResolverMatchInfo {
	route: string;
	/** Dotted view name as Django shows it, e.g. `blog.views.post_detail`. */
	viewName: string;
	urlName?: string;
	namespace?: string;
	args: ReadonlyArray<string | number>;
	kwargs: Readonly<Record<string, string | number>>;
}

/** A piece of source shown to the student, with the lines that ran marked (1-based). */
export interface SourceRef {
	/** Path as in the Django project, e.g. `blog/views.py`. */
	file: string;
	/** Name of the function or class, e.g. `post_detail`. */
	symbol?: string;
	/** 1-based line numbers in the full file text that ran at this hop. */
	lines: number[];
	/**
	 * The whole file as it ran, when the student had edited it (`lines` count in this text);
	 * without it, the file is the project's own.
	 */
	text?: string;
}

export interface QueryInfo {
	/** The Python ORM expression, e.g. `Post.objects.filter(pk=3)`. */
	orm: string;
	sql: string;
	params: ReadonlyArray<string | number | null>;
	columns: string[];
	rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
	/** Rows changed by an INSERT/UPDATE/DELETE. */
	rowsAffected?: number;
}

export interface TemplateInfo {
	name: string;
	/** Every template used, the extended and included ones too, in order. */
	used: string[];
	/** The context as the student would print it (JSON-safe). */
	context: Readonly<Record<string, unknown>>;
	html: string;
}

export interface CookieInfo {
	name: string;
	value: string;
	attributes?: string;
}

/** Session and cookies before and after, on the hops where they change or matter. */
export interface StateInfo {
	cookiesBefore?: readonly CookieInfo[];
	cookiesAfter?: readonly CookieInfo[];
	sessionBefore?: Readonly<Record<string, unknown>>;
	sessionAfter?: Readonly<Record<string, unknown>>;
	user?: string;
}

/** What crossed the hop. Every field is optional; a hop carries what matters at that edge. */
export interface HopDetail {
	/** Raw HTTP/1.1 text of the request or response, headers and body. */
	http?: string;
	/** The WSGI environ that gunicorn builds for Django (a subset, as strings). */
	environ?: Readonly<Record<string, string>>;
	middleware?: { name: string; phase: 'request' | 'response' | 'view' | 'exception'; note: string };
	resolver?: { path: string; tried: readonly PatternAttempt[]; match?: ResolverMatchInfo };
	source?: SourceRef;
	query?: QueryInfo;
	template?: TemplateInfo;
	state?: StateInfo;
	/** Time spent waiting for a free worker, and which worker took the request. */
	queue?: { waitedMs: number; worker: number; workers: number; queued: number };
	/** An SMTP conversation with the mail server: the client's and server's lines, in order. */
	smtp?: {
		transcript: ReadonlyArray<{ from: 'client' | 'server'; line: string }>;
		message: string;
	};
	/** A JSON Web Token as the receiver decoded and checked it (an OpenID Connect ID token). */
	token?: {
		header: Readonly<Record<string, unknown>>;
		claims: Readonly<Record<string, unknown>>;
		/** Each check and its outcome, in order: signature (RS256 against the JWKS), iss, aud, exp, nonce. */
		checks: ReadonlyArray<{ name: string; ok: boolean; note: string }>;
	};
	/** Free text for anything else worth showing (e.g. an error page's title). */
	note?: string;
}

export interface Hop {
	/** Position in the trace, from 0. */
	index: number;
	from: NodeId;
	to: NodeId;
	kind: HopKind;
	direction: Direction;
	/** One plain sentence for narration and screen readers. */
	summary: string;
	/** Simulated time the work at `from` took before this hop left, in milliseconds. */
	durationMs: number;
	/** Simulated clock at the moment the hop leaves, from the start of the request. */
	atMs: number;
	detail: HopDetail;
}

export interface Trace {
	/** Unique id; also sent back in the `X-Trace-Id` response header. */
	id: string;
	method: string;
	url: string;
	status: number;
	/** Wall-clock time the request entered the stack (ms since epoch). */
	startedAt: number;
	/** Total simulated time, browser to browser. */
	totalMs: number;
	/** Simulated time spent in each node, as also sent in the `Server-Timing` header. */
	timings: Readonly<Partial<Record<NodeId, number>>>;
	hops: readonly Hop[];
	/** The request and response as the browser saw them (the request body as text, see above). */
	request: TracedRequest;
	response: SimResponse;
}

/** What `Site.handle` returns. */
export interface HandledRequest {
	response: SimResponse;
	trace: Trace;
}
