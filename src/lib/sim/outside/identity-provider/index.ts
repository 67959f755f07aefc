/**
 * Example ID (`https://id.example.test`), a small OpenID Connect provider on the simulated
 * internet: its discovery document and JWKS, `/authorize` (its own login page and session cookie,
 * then the consent page), `/token` and `/userinfo` (`token.ts`). The student's browser visits
 * its pages; mysite's view calls its back channel server to server.
 *
 * Authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636, OpenID Connect Core 1.0 §3.1).
 */
import { formatRequest, formatResponse, requestTarget } from '../../http/raw';
import { decodeUtf8 } from '../../http/bytes';
import type { SimRequest, SimResponse } from '../../types';
import { randomToken, type SigningKey } from '../jwt';
import type { OutsideServer } from '../internet';
import {
	HOST,
	ISSUER,
	LIFETIME,
	MYSITE_CLIENT,
	OTHER_CLIENT,
	PROVIDER_NAME,
	PROVIDER_USERS,
	SCOPES_SUPPORTED,
	type ProviderUser,
	type RegisteredClient
} from './directory';
import { cookieOf, formOf, html, json, redirect, withQuery } from './http';
import { consentPage, errorPage, loginPage } from './pages';
import { providerState, type ProviderState } from './state';
import { tokenEndpoint, userinfoEndpoint } from './token';

export const SESSION_COOKIE = 'exampleid_session';
/** The authorization request in progress (see `ProviderState.pending`). */
export const PENDING_COOKIE = 'exampleid_auth';
const PENDING_S = 600;
const NODE = 'identity-provider' as const;
/** The internet between the browser and the provider, each way (simulated ms). */
const INTERNET_MS = 20;
const WORK_MS = 0.5;

/** The parameters of an authorization request that the consent form carries on. */
const AUTHORIZE_PARAMS = [
	'response_type',
	'client_id',
	'redirect_uri',
	'scope',
	'state',
	'nonce',
	'code_challenge',
	'code_challenge_method'
] as const;

export interface IdentityProvider extends OutsideServer {
	reset(): void;
	/** The key that signs ID tokens (for tests that forge a token mysite must refuse). */
	signingKey(): Promise<SigningKey>;
	readonly state: ProviderState;
}

export interface IdentityProviderOptions {
	users?: readonly ProviderUser[];
	clients?: readonly RegisteredClient[];
	/** A misconfigured provider: the audience it writes in ID tokens (default: the client's id). */
	audience?: (clientId: string) => string;
}

export function createIdentityProvider(options: IdentityProviderOptions = {}): IdentityProvider {
	const state = providerState(
		options.users ?? PROVIDER_USERS,
		options.clients ?? [MYSITE_CLIENT, OTHER_CLIENT],
		options.audience
	);
	return {
		host: HOST,
		node: NODE,
		state,
		signingKey: () => state.key(),
		reset() {
			state.sessions.clear();
			state.pending.clear();
			state.codes.clear();
			state.accessTokens.clear();
		},
		async handle(request, call) {
			const { recorder } = call;
			const url = new URL(request.url);
			const fromBrowser = call.caller === 'browser';
			if (fromBrowser) {
				recorder.hop('browser', NODE, 'request', 'in', browserSummary(request, url), {
					http: formatRequest({
						method: request.method,
						target: requestTarget(request.url),
						headers: request.headers,
						body: decodeUtf8(request.body)
					})
				});
				recorder.transit(INTERNET_MS);
			}
			const notes: string[] = [];
			const response = await route(request, url, state, Math.floor(call.now() / 1000), notes);
			for (const note of notes) recorder.hop(NODE, NODE, 'call', 'in', note, { note }, WORK_MS);
			if (fromBrowser) {
				recorder.hop(
					NODE,
					'browser',
					'response',
					'out',
					answerSummary(response),
					{ http: formatResponse(response) },
					WORK_MS
				);
				recorder.transit(INTERNET_MS);
			}
			return response;
		}
	};
}

function browserSummary(request: SimRequest, url: URL): string {
	const what: Record<string, string> = {
		'/authorize': `The browser arrives at ${PROVIDER_NAME}: mysite sent it to ${HOST}/authorize.`,
		'/login': `The browser sends the username and password to ${PROVIDER_NAME} (mysite never sees them).`,
		'/consent': `The browser sends the answer to "mysite wants your name and email".`
	};
	return what[url.pathname] ?? `The browser asks ${HOST} for ${request.method} ${url.pathname}.`;
}

function answerSummary(response: SimResponse): string {
	const location = response.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
	if (location?.startsWith('https://mysite.test/'))
		return `${PROVIDER_NAME} sends the browser back to mysite: ${response.status} to ${new URL(location).pathname}${location.includes('error=') ? ' with an error' : ' with a code'}.`;
	if (location) return `${PROVIDER_NAME} answers ${response.status}: go to ${location}.`;
	return `${PROVIDER_NAME} answers ${response.status} ${response.statusText}.`;
}

async function route(
	request: SimRequest,
	url: URL,
	state: ProviderState,
	nowS: number,
	notes: string[]
): Promise<SimResponse> {
	const method = request.method.toUpperCase();
	const only = (allowed: string) =>
		method === allowed || (allowed === 'GET' && method === 'HEAD')
			? undefined
			: json(405, { error: 'method_not_allowed' }, [['Allow', allowed]]);
	switch (url.pathname) {
		case '/.well-known/openid-configuration':
			return only('GET') ?? discovery();
		case '/jwks.json': {
			const key = await state.key();
			return (
				only('GET') ??
				json(200, { keys: [key.publicJwk] }, [['Cache-Control', 'public, max-age=3600']])
			);
		}
		case '/authorize':
			return only('GET') ?? authorize(request, url.searchParams, state, nowS, notes);
		case '/login':
			return only('POST') ?? login(request, state, nowS, notes);
		case '/consent':
			return only('POST') ?? consent(request, state, nowS, notes);
		case '/token': {
			const refused = only('POST');
			if (refused) return refused;
			const { response, checks } = await tokenEndpoint(request, state, nowS);
			notes.push(...checks);
			return response;
		}
		case '/userinfo':
			return userinfoEndpoint(request, state, nowS);
		case '/': {
			const user = sessionUser(request, state, nowS);
			return html(
				200,
				errorPage(
					PROVIDER_NAME,
					user ? `You are signed in as ${user.username}.` : 'You are not signed in.'
				).replace('class="error"', 'class="hint"')
			);
		}
		default:
			return html(
				404,
				errorPage('Not found', `${url.pathname} is not a page of ${PROVIDER_NAME}.`)
			);
	}
}

function discovery(): SimResponse {
	return json(
		200,
		{
			issuer: ISSUER,
			authorization_endpoint: `${ISSUER}/authorize`,
			token_endpoint: `${ISSUER}/token`,
			userinfo_endpoint: `${ISSUER}/userinfo`,
			jwks_uri: `${ISSUER}/jwks.json`,
			response_types_supported: ['code'],
			grant_types_supported: ['authorization_code'],
			subject_types_supported: ['public'],
			id_token_signing_alg_values_supported: ['RS256'],
			scopes_supported: SCOPES_SUPPORTED,
			token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
			code_challenge_methods_supported: ['S256'],
			claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'name', 'email']
		},
		[['Cache-Control', 'public, max-age=3600']]
	);
}

function sessionUser(request: SimRequest, state: ProviderState, nowS: number) {
	const sid = cookieOf(request, SESSION_COOKIE);
	const session = sid ? state.sessions.get(sid) : undefined;
	if (!session || nowS >= session.expiresAt) return undefined;
	const user = state.users.find((u) => u.sub === session.sub);
	return user && { ...user, authTime: session.authTime };
}

/**
 * Checks an authorization request. An unknown client or redirect URI gets an error page and
 * never a redirect (RFC 6749 §4.1.2.1: the provider must not send the browser to an unchecked
 * address); other mistakes are sent back to the client's redirect URI with `error`.
 */
function checkAuthorization(
	params: URLSearchParams,
	state: ProviderState
): { page: SimResponse } | { client: RegisteredClient; redirectUri: string } {
	const client = state.clients.find((c) => c.clientId === params.get('client_id'));
	const redirectUri = params.get('redirect_uri') ?? '';
	if (!client || !client.redirectUris.includes(redirectUri))
		return {
			page: html(
				400,
				errorPage(
					'This sign-in link is broken',
					client
						? `The redirect URI "${redirectUri}" is not registered for ${client.name}.`
						: `No application "${params.get('client_id') ?? ''}" is registered with ${PROVIDER_NAME}.`
				)
			)
		};
	const back = (error: string, description: string) => ({
		page: redirect(
			withQuery(redirectUri, {
				error,
				error_description: description,
				state: params.get('state') ?? undefined
			})
		)
	});
	if (params.get('response_type') !== 'code')
		return back('unsupported_response_type', 'Only response_type=code is supported.');
	if (!(params.get('scope') ?? '').split(' ').includes('openid'))
		return back('invalid_scope', 'The scope must include openid.');
	if (!params.get('code_challenge') || params.get('code_challenge_method') !== 'S256')
		return back(
			'invalid_request',
			'PKCE is required: code_challenge with code_challenge_method=S256.'
		);
	return { client, redirectUri };
}

function authorize(
	request: SimRequest,
	params: URLSearchParams,
	state: ProviderState,
	nowS: number,
	notes: string[]
): SimResponse {
	const checked = checkAuthorization(params, state);
	if ('page' in checked) {
		notes.push('The authorization request is refused.');
		return checked.page;
	}
	// Kept on the provider's side until the login and the consent are done.
	const id = randomToken(16);
	const carried = new URLSearchParams(
		AUTHORIZE_PARAMS.flatMap((name) => (params.has(name) ? [[name, params.get(name)!]] : []))
	);
	state.pending.set(id, { query: carried.toString(), expiresAt: nowS + PENDING_S });
	const pendingCookie: [string, string] = [
		'Set-Cookie',
		`${PENDING_COOKIE}=${id}; Max-Age=${PENDING_S}; Path=/; Secure; HttpOnly; SameSite=Lax`
	];
	const user = sessionUser(request, state, nowS);
	if (!user) {
		notes.push(
			`No ${SESSION_COOKIE} cookie: the browser is not signed in here. Keeps the request and shows the login page.`
		);
		return html(200, loginPage(checked.client.name), [pendingCookie]);
	}
	notes.push(`Signed in here as ${user.username} (${SESSION_COOKIE}). Asks for consent.`);
	return html(200, consentPage(checked.client.name, user.name), [pendingCookie]);
}

/** The authorization request this browser is in the middle of, if any. */
function pendingOf(request: SimRequest, state: ProviderState, nowS: number) {
	const id = cookieOf(request, PENDING_COOKIE);
	const pending = id ? state.pending.get(id) : undefined;
	if (!id || !pending || nowS >= pending.expiresAt) return undefined;
	return { id, params: new URLSearchParams(pending.query) };
}

function login(
	request: SimRequest,
	state: ProviderState,
	nowS: number,
	notes: string[]
): SimResponse {
	const form = formOf(request);
	const pending = pendingOf(request, state, nowS);
	const client = state.clients.find((c) => c.clientId === pending?.params.get('client_id'));
	const user = state.users.find(
		(u) => u.username === form.get('username') && u.password === form.get('password')
	);
	if (!user) {
		notes.push('Wrong username or password.');
		return html(
			200,
			loginPage(
				client?.name ?? PROVIDER_NAME,
				'Wrong username or password.',
				form.get('username') ?? ''
			)
		);
	}
	const sid = randomToken(24);
	state.sessions.set(sid, { sub: user.sub, expiresAt: nowS + LIFETIME.session, authTime: nowS });
	notes.push(`The password is right: ${user.username} is signed in at ${PROVIDER_NAME}.`);
	const cookie = `${SESSION_COOKIE}=${sid}; Max-Age=${LIFETIME.session}; Path=/; Secure; HttpOnly; SameSite=Lax`;
	// Back to the authorization request in progress (never to an address taken from the form).
	return redirect(pending ? `${ISSUER}/authorize?${pending.params}` : `${ISSUER}/`, [
		['Set-Cookie', cookie]
	]);
}

function consent(
	request: SimRequest,
	state: ProviderState,
	nowS: number,
	notes: string[]
): SimResponse {
	const decision = formOf(request).get('decision');
	const pending = pendingOf(request, state, nowS);
	if (!pending) {
		notes.push(`No ${PENDING_COOKIE} cookie: no sign-in is in progress in this browser.`);
		return html(
			400,
			errorPage(
				'No sign-in in progress',
				'No sign-in is in progress in this browser (it may have expired). Go back to the site and start again.'
			)
		);
	}
	const form = pending.params;
	const checked = checkAuthorization(form, state);
	if ('page' in checked) return checked.page;
	const user = sessionUser(request, state, nowS);
	if (!user) return html(200, loginPage(checked.client.name));
	// One answer per authorization request.
	state.pending.delete(pending.id);
	const done: [string, string] = [
		'Set-Cookie',
		`${PENDING_COOKIE}=""; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax`
	];
	const stateParam = form.get('state') ?? undefined;
	if (decision !== 'allow') {
		notes.push(`${user.username} denied ${checked.client.name}'s request.`);
		return redirect(
			withQuery(checked.redirectUri, {
				error: 'access_denied',
				error_description: 'The user denied the request.',
				state: stateParam
			}),
			[done]
		);
	}
	const code = randomToken(24);
	state.codes.set(code, {
		clientId: checked.client.clientId,
		redirectUri: checked.redirectUri,
		sub: user.sub,
		scope: form.get('scope') ?? 'openid',
		nonce: form.get('nonce') ?? undefined,
		codeChallenge: form.get('code_challenge')!,
		expiresAt: nowS + LIFETIME.code,
		authTime: user.authTime,
		used: false
	});
	notes.push(
		`${user.username} allowed it: a one-time code (valid ${LIFETIME.code} s) remembers the code_challenge and nonce.`
	);
	return redirect(withQuery(checked.redirectUri, { code, state: stateParam }), [done]);
}
