import { describe, expect, it } from 'vitest';
import { TraceRecorder } from '../../trace';
import type { HeaderList, SimRequest, SimResponse } from '../../types';
import { decodeJwt, pkceChallenge, verifyRs256, type PublicJwk } from '../jwt';
import { MYSITE_CLIENT } from './directory';
import { createIdentityProvider, SESSION_COOKIE } from './index';

const CALLBACK = MYSITE_CLIENT.redirectUris[0];
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

function req(method: string, path: string, body = '', headers: HeaderList = []): SimRequest {
	return {
		method,
		url: `https://id.example.test${path}`,
		headers: [
			['Host', 'id.example.test'],
			...(body ? ([['Content-Type', 'application/x-www-form-urlencoded']] as const) : []),
			...headers
		],
		body: new TextEncoder().encode(body)
	};
}

const header = (r: SimResponse, name: string) =>
	r.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

async function setUp() {
	const idp = createIdentityProvider();
	let clock = Date.UTC(2026, 11, 6, 12, 0, 0);
	const recorder = new TraceRecorder();
	const send = async (r: SimRequest, caller: 'browser' | 'server' = 'browser') =>
		idp.handle(r, { recorder, now: () => clock, caller });
	const challenge = await pkceChallenge(VERIFIER);
	const authorizeQuery = new URLSearchParams({
		response_type: 'code',
		client_id: 'mysite',
		redirect_uri: CALLBACK,
		scope: 'openid profile email',
		state: 'st4te',
		nonce: 'n0nce',
		code_challenge: challenge,
		code_challenge_method: 'S256'
	});
	/** Opens /authorize, logs carol in and answers the consent: the code mysite gets back. */
	async function codeFor(decision = 'allow') {
		const first = await send(req('GET', `/authorize?${authorizeQuery}`));
		const pending = header(first, 'set-cookie')!.split(';')[0];
		const login = await send(
			req('POST', '/login', 'username=carol&password=rainbow', [['Cookie', pending]])
		);
		const cookie = header(login, 'set-cookie')!.split(';')[0];
		const consent = await send(
			req('POST', '/consent', `decision=${decision}`, [['Cookie', `${cookie}; ${pending}`]])
		);
		return {
			first,
			login,
			cookie,
			pending,
			consent,
			location: new URL(header(consent, 'location')!)
		};
	}
	const basic = `Basic ${btoa(`mysite:${MYSITE_CLIENT.clientSecret}`)}`;
	const exchange = (code: string, verifier = VERIFIER, auth = basic) =>
		send(
			req(
				'POST',
				'/token',
				new URLSearchParams({
					grant_type: 'authorization_code',
					code,
					redirect_uri: CALLBACK,
					code_verifier: verifier
				}).toString(),
				[['Authorization', auth]]
			),
			'server'
		);
	return {
		idp,
		recorder,
		send,
		codeFor,
		exchange,
		authorizeQuery,
		tick: (s: number) => (clock += s * 1000),
		nowS: () => Math.floor(clock / 1000)
	};
}

describe('Example ID, the identity provider', () => {
	it('publishes its discovery document and its signing key', async () => {
		const { send } = await setUp();
		const config = JSON.parse((await send(req('GET', '/.well-known/openid-configuration'))).body);
		expect(config).toMatchObject({
			issuer: 'https://id.example.test',
			authorization_endpoint: 'https://id.example.test/authorize',
			token_endpoint: 'https://id.example.test/token',
			jwks_uri: 'https://id.example.test/jwks.json',
			code_challenge_methods_supported: ['S256'],
			id_token_signing_alg_values_supported: ['RS256']
		});
		const jwks = JSON.parse((await send(req('GET', '/jwks.json'))).body);
		expect(jwks.keys).toEqual([
			expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: 'example-id-2026' })
		]);
	});

	it('shows its own login page, then sets its own session cookie, then asks for consent', async () => {
		const { send, authorizeQuery, codeFor, recorder } = await setUp();
		const first = await send(req('GET', `/authorize?${authorizeQuery}`));
		expect(first.status).toBe(200);
		expect(first.body).toContain('Sign in to continue to mysite');
		expect(first.body).toContain('action="/login"');
		expect(recorder.hops.map((h) => `${h.from}>${h.to}`)).toEqual([
			'browser>identity-provider',
			'identity-provider>identity-provider',
			'identity-provider>browser'
		]);
		expect(header(first, 'set-cookie')).toMatch(
			/^exampleid_auth=[\w-]+; Max-Age=600; Path=\/; Secure; HttpOnly/
		);
		const { login, cookie } = await codeFor();
		expect(login.status).toBe(302);
		expect(header(login, 'location')).toBe(`https://id.example.test/authorize?${authorizeQuery}`);
		expect(header(login, 'set-cookie')).toMatch(
			new RegExp(
				`^${SESSION_COOKIE}=[\\w-]+; Max-Age=28800; Path=/; Secure; HttpOnly; SameSite=Lax$`
			)
		);
		const again = await send(req('GET', `/authorize?${authorizeQuery}`, '', [['Cookie', cookie]]));
		expect(again.body).toContain('mysite wants your name and email');
		expect(again.body).toContain('name="decision" value="allow"');
		expect(again.body).toContain('name="decision" value="deny"');
	});

	it('answers a consent only once, and only for a sign-in in progress', async () => {
		const { codeFor, send } = await setUp();
		const { cookie, pending } = await codeFor();
		const twice = await send(
			req('POST', '/consent', 'decision=allow', [['Cookie', `${cookie}; ${pending}`]])
		);
		expect(twice.status).toBe(400);
		expect(twice.body).toContain('No sign-in in progress');
	});

	it('refuses a wrong password on its login page', async () => {
		const { send } = await setUp();
		const r = await send(req('POST', '/login', 'username=carol&password=nope'));
		expect(r.status).toBe(200);
		expect(r.body).toContain('Wrong username or password.');
		expect(header(r, 'set-cookie')).toBeUndefined();
	});

	it('sends the browser back with error=access_denied and the state when consent is denied', async () => {
		const { codeFor } = await setUp();
		const { consent, location } = await codeFor('deny');
		expect(consent.status).toBe(302);
		expect(location.origin + location.pathname).toBe(CALLBACK);
		expect(location.searchParams.get('error')).toBe('access_denied');
		expect(location.searchParams.get('state')).toBe('st4te');
		expect(location.searchParams.has('code')).toBe(false);
	});

	it('never redirects to an unregistered redirect URI', async () => {
		const { send, authorizeQuery } = await setUp();
		const bad = new URLSearchParams(authorizeQuery);
		bad.set('redirect_uri', 'https://evil.test/steal');
		const r = await send(req('GET', `/authorize?${bad}`));
		expect(r.status).toBe(400);
		expect(header(r, 'location')).toBeUndefined();
		expect(r.body).toContain('is not registered for mysite');
	});

	it('requires PKCE with S256', async () => {
		const { send, authorizeQuery } = await setUp();
		const plain = new URLSearchParams(authorizeQuery);
		plain.set('code_challenge_method', 'plain');
		const r = await send(req('GET', `/authorize?${plain}`));
		expect(new URL(header(r, 'location')!).searchParams.get('error')).toBe('invalid_request');
	});

	it('exchanges the code once for an RS256 ID token that verifies against its JWKS', async () => {
		const { codeFor, exchange, send, nowS } = await setUp();
		const { location } = await codeFor();
		expect(location.searchParams.get('state')).toBe('st4te');
		const code = location.searchParams.get('code')!;
		const r = await exchange(code);
		expect(r.status).toBe(200);
		expect(header(r, 'cache-control')).toBe('no-store');
		const body = JSON.parse(r.body);
		expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
		const decoded = decodeJwt(body.id_token);
		expect(decoded.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'example-id-2026' });
		expect(decoded.claims).toMatchObject({
			iss: 'https://id.example.test',
			sub: '248289761001',
			aud: 'mysite',
			nonce: 'n0nce',
			email: 'carol@example.test',
			name: 'Carol Example',
			iat: nowS(),
			exp: nowS() + 300
		});
		const [key] = JSON.parse((await send(req('GET', '/jwks.json'))).body).keys as PublicJwk[];
		expect(await verifyRs256(decoded, key)).toBe(true);
		// A changed claim breaks the signature.
		const forged = { ...decoded, signingInput: decoded.signingInput.replace(/.$/, 'A') };
		expect(await verifyRs256(forged, key)).toBe(false);

		const userinfo = await send(
			req('GET', '/userinfo', '', [['Authorization', `Bearer ${body.access_token}`]]),
			'server'
		);
		expect(JSON.parse(userinfo.body)).toMatchObject({
			sub: '248289761001',
			email: 'carol@example.test'
		});

		const twice = await exchange(code);
		expect(twice.status).toBe(400);
		expect(JSON.parse(twice.body)).toEqual({
			error: 'invalid_grant',
			error_description: 'The authorization code has already been used.'
		});
	});

	it('refuses a wrong code_verifier (PKCE), and the code is spent', async () => {
		const { codeFor, exchange } = await setUp();
		const code = (await codeFor()).location.searchParams.get('code')!;
		const wrong = await exchange(code, 'x'.repeat(43));
		expect(wrong.status).toBe(400);
		expect(JSON.parse(wrong.body).error).toBe('invalid_grant');
		expect(JSON.parse(wrong.body).error_description).toMatch(/^PKCE verification failed/);
		expect((await exchange(code)).status).toBe(400);
	});

	it('refuses an expired code', async () => {
		const { codeFor, exchange, tick } = await setUp();
		const code = (await codeFor()).location.searchParams.get('code')!;
		tick(61);
		const r = await exchange(code);
		expect(r.status).toBe(400);
		expect(JSON.parse(r.body)).toEqual({
			error: 'invalid_grant',
			error_description: 'The authorization code has expired.'
		});
	});

	it('answers 401 invalid_client with WWW-Authenticate to a wrong client secret', async () => {
		const { codeFor, exchange } = await setUp();
		const code = (await codeFor()).location.searchParams.get('code')!;
		const r = await exchange(code, VERIFIER, `Basic ${btoa('mysite:guess')}`);
		expect(r.status).toBe(401);
		expect(header(r, 'www-authenticate')).toBe('Basic realm="id.example.test"');
		expect(JSON.parse(r.body).error).toBe('invalid_client');
	});

	it('forgets sessions and codes on reset, but keeps its key', async () => {
		const { idp, codeFor, exchange, send } = await setUp();
		const before = JSON.parse((await send(req('GET', '/jwks.json'))).body);
		const code = (await codeFor()).location.searchParams.get('code')!;
		idp.reset();
		expect((await exchange(code)).status).toBe(400);
		expect(JSON.parse((await send(req('GET', '/jwks.json'))).body)).toEqual(before);
	});
});
