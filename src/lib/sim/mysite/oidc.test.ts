/**
 * "Log in with Example ID" through the full project: a browser with one cookie jar per host
 * follows the redirects between mysite.test and id.example.test, as the mini browser does.
 */
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { createSite, type Site } from '../site';
import type { DjangoProject } from '../django/project';
import { createIdentityProvider } from '../outside/identity-provider';
import { decodeJwt, signJwt } from '../outside/jwt';
import type { SimResponse, Trace } from '../types';
import { decodeIdToken } from './accounts/id-token';
import { mysiteFull } from './full';

const START = Date.UTC(2026, 11, 6, 12, 0, 0);

/** The user Django saw (AuthenticationMiddleware's hop), as the lessons' `user` check reads it. */
const userOf = (trace: Trace) =>
	trace.hops.findLast((h) => h.detail.state?.user !== undefined)?.detail.state?.user;

async function makeFullSite(project: DjangoProject = mysiteFull) {
	let clock = START;
	const site = await createSite({ sqlJs: await initSqlJs(), project, now: () => clock });
	return { site, tick: (s: number) => (clock += s * 1000) };
}

interface Answer extends SimResponse {
	trace: Trace;
	location?: string;
}

/** A browser: cookies per host, and `follow()` for redirects across the two sites. */
class Browser {
	jars = new Map<string, Map<string, string>>();
	constructor(readonly site: Site) {}

	cookie(host: string, name: string) {
		return this.jars.get(host)?.get(name);
	}

	async send(method: string, url: string, form?: Record<string, string>): Promise<Answer> {
		const u = new URL(url, 'https://mysite.test');
		const jar = this.jars.get(u.host) ?? new Map<string, string>();
		this.jars.set(u.host, jar);
		const headers: Array<[string, string]> = [['Host', u.host]];
		if (jar.size) headers.push(['Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; ')]);
		let body = new Uint8Array();
		if (form) {
			if (u.host === 'mysite.test' && jar.has('csrftoken'))
				form = { csrfmiddlewaretoken: jar.get('csrftoken')!, ...form };
			body = new TextEncoder().encode(new URLSearchParams(form).toString());
			headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
			headers.push(['Origin', `https://${u.host}`], ['Referer', u.href]);
		}
		const { response, trace } = await this.site.handle({ method, url: u.href, headers, body });
		for (const [name, value] of response.headers) {
			if (name.toLowerCase() !== 'set-cookie') continue;
			const pair = value.split(';')[0];
			const eq = pair.indexOf('=');
			const v = pair.slice(eq + 1);
			if (/max-age=0\b/i.test(value) || v === '""') jar.delete(pair.slice(0, eq));
			else jar.set(pair.slice(0, eq), v);
		}
		const location = response.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
		return { ...response, trace, location: location && new URL(location, u.href).href };
	}

	/** Sends, then follows redirects (GET), returning every answer. */
	async follow(method: string, url: string, form?: Record<string, string>) {
		const answers = [await this.send(method, url, form)];
		while (answers.at(-1)!.location && answers.length < 10)
			answers.push(await this.send('GET', answers.at(-1)!.location!));
		return answers;
	}

	/** From mysite's "Log in with Example ID" to the consent page, signed in at the provider. */
	async toConsent(username = 'carol', password = 'rainbow') {
		const start = await this.follow('GET', '/accounts/oidc/login/');
		let page = start.at(-1)!;
		// Signed in at the provider already (its own cookie): straight to the consent page.
		if (page.body.includes('action="/login"'))
			page = (
				await this.follow('POST', 'https://id.example.test/login', { username, password })
			).at(-1)!;
		// The provider keeps the request on its side: the consent form carries only the decision.
		const fields = {};
		return { start, page, fields };
	}

	/** Signs in at the provider and allows: every answer from the consent on, callback included. */
	async allow() {
		const { fields } = await this.toConsent();
		return this.follow('POST', 'https://id.example.test/consent', { ...fields, decision: 'allow' });
	}
}

describe('log in with Example ID (the full project)', () => {
	it('offers the outside login on the login page', async () => {
		const { site } = await makeFullSite();
		const page = await new Browser(site).send('GET', '/accounts/login/');
		expect(page.body).toContain(
			'</form>\n  <p><a href="/accounts/oidc/login/">Log in with Example ID</a></p>\n  <p class="hint">'
		);
	});

	it('stores state, nonce and the PKCE verifier in the session and sends the browser to /authorize', async () => {
		const { site } = await makeFullSite();
		const browser = new Browser(site);
		const first = await browser.send('GET', '/accounts/oidc/login/');
		expect(first.status).toBe(302);
		const to = new URL(first.location!);
		expect(to.origin + to.pathname).toBe('https://id.example.test/authorize');
		expect(Object.fromEntries(to.searchParams)).toMatchObject({
			response_type: 'code',
			client_id: 'mysite',
			redirect_uri: 'https://mysite.test/accounts/oidc/callback/',
			scope: 'openid profile email',
			code_challenge_method: 'S256'
		});
		// The verifier stays on the server: only its SHA-256 goes to the browser.
		expect(first.location).not.toContain('code_verifier');
		const session = first.trace.hops.findLast((h) => h.detail.state?.sessionAfter)?.detail.state
			?.sessionAfter;
		expect(JSON.stringify(session)).toContain('code_verifier');
		expect(browser.cookie('mysite.test', 'sessionid')).toBeTruthy();
	});

	it('logs carol in end to end: a new local user, a rotated session, a server-to-server token exchange', async () => {
		const { site } = await makeFullSite();
		const browser = new Browser(site);
		const { page, fields } = await browser.toConsent();
		expect(page.body).toContain('mysite wants your name and email');
		expect(browser.cookie('id.example.test', 'exampleid_session')).toBeTruthy();
		// Each site keeps its own cookies.
		expect(browser.cookie('mysite.test', 'exampleid_session')).toBeUndefined();
		const before = browser.cookie('mysite.test', 'sessionid');
		const answers = await browser.follow('POST', 'https://id.example.test/consent', {
			...fields,
			decision: 'allow'
		});
		const callback = answers[1];
		expect(new URL(callback.trace.url).pathname).toBe('/accounts/oidc/callback/');
		expect(callback.status).toBe(302);
		expect(callback.location).toBe('https://mysite.test/accounts/profile/');
		expect(browser.cookie('mysite.test', 'sessionid')).not.toBe(before);
		const outbound = callback.trace.hops.filter(
			(h) => h.from === 'view' && h.to === 'identity-provider'
		);
		expect(outbound.map((h) => h.detail.http?.split('\n')[0])).toEqual([
			'POST /token HTTP/1.1',
			'GET /jwks.json HTTP/1.1'
		]);
		expect(outbound[0].detail.http).toMatch(/Authorization: Basic /);
		expect(outbound[0].detail.http).toMatch(/code_verifier=/);
		const token = callback.trace.hops.find((h) => h.detail.token)!.detail.token!;
		expect(token.header).toMatchObject({ alg: 'RS256', kid: 'example-id-2026' });
		expect(token.claims).toMatchObject({ email: 'carol@example.test', aud: 'mysite' });
		expect(token.checks.map((c) => [c.name, c.ok])).toEqual([
			['alg', true],
			['signature', true],
			['exp', true],
			['iat', true],
			['iss', true],
			['aud', true],
			['nonce', true]
		]);
		const profile = answers.at(-1)!;
		expect(profile.status).toBe(200);
		expect(userOf(profile.trace)).toBe('carol');

		// Log out, log in again: the same user, and the JWKS comes from PyJWKClient's cache.
		await browser.send('POST', '/accounts/logout/', {});
		const again = await browser.toConsent();
		const second = await browser.follow('POST', 'https://id.example.test/consent', {
			...again.fields,
			decision: 'allow'
		});
		expect(userOf(second.at(-1)!.trace)).toBe('carol');
		expect(
			second[1].trace.hops.filter((h) => h.from === 'view' && h.to === 'identity-provider')
		).toHaveLength(1);
	});

	it("links alice's Example ID account to her mysite account by email", async () => {
		const { site } = await makeFullSite();
		const browser = new Browser(site);
		const { fields } = await browser.toConsent('alice', 'looking-glass');
		const answers = await browser.follow('POST', 'https://id.example.test/consent', {
			...fields,
			decision: 'allow'
		});
		expect(userOf(answers.at(-1)!.trace)).toBe('alice');
	});

	it('shows a clear page (403) when the user denies consent', async () => {
		const { site } = await makeFullSite();
		const browser = new Browser(site);
		const { fields } = await browser.toConsent();
		const answers = await browser.follow('POST', 'https://id.example.test/consent', {
			...fields,
			decision: 'deny'
		});
		const callback = answers[1];
		expect(callback.status).toBe(403);
		expect(callback.body).toContain('You did not allow mysite to see your name and email');
		expect(callback.trace.hops.some((h) => h.to === 'identity-provider')).toBe(false);
	});

	it('refuses a tampered or missing state with 400 (SuspiciousOperation)', async () => {
		const { site } = await makeFullSite();
		const browser = new Browser(site);
		const { fields } = await browser.toConsent();
		const back = await browser.send('POST', 'https://id.example.test/consent', {
			...fields,
			decision: 'allow'
		});
		const tampered = new URL(back.location!);
		tampered.searchParams.set('state', 'forged');
		const answer = await browser.send('GET', tampered.href);
		expect(answer.status).toBe(400);
		expect(answer.body).toContain('state mismatch');
		expect(answer.trace.hops.some((h) => h.to === 'identity-provider')).toBe(false);
		// A fresh browser that never started a login: no state in its session.
		const stranger = await new Browser(site).send('GET', back.location!);
		expect(stranger.status).toBe(400);
	});

	it('gets invalid_grant for a code used twice, and shows it (400)', async () => {
		const { site } = await makeFullSite();
		const browser = new Browser(site);
		const { fields } = await browser.toConsent();
		const back = await browser.send('POST', 'https://id.example.test/consent', {
			...fields,
			decision: 'allow'
		});
		const code = new URL(back.location!).searchParams.get('code')!;
		expect((await browser.send('GET', back.location!)).status).toBe(302);
		// A new login in the same browser, then the old code with the new state.
		const restart = await browser.send('GET', '/accounts/oidc/login/');
		const state = new URL(restart.location!).searchParams.get('state')!;
		const replay = await browser.send(
			'GET',
			`/accounts/oidc/callback/?${new URLSearchParams({ code, state })}`
		);
		expect(replay.status).toBe(400);
		expect(replay.body).toContain('invalid_grant');
		expect(replay.body).toContain('The authorization code has already been used.');
		const answer = replay.trace.hops.find((h) => h.from === 'identity-provider' && h.to === 'view');
		expect(answer?.detail.http).toMatch(/^HTTP\/1\.1 400 Bad Request/);
	});

	it('refuses an ID token made for another audience (400)', async () => {
		const misconfigured: DjangoProject = {
			...mysiteFull,
			outside: () => [createIdentityProvider({ audience: () => 'photo-album' })]
		};
		const { site } = await makeFullSite(misconfigured);
		const callback = (await new Browser(site).allow())[1];
		expect(callback.status).toBe(400);
		expect(callback.body).toContain('Audience doesn&#x27;t match');
		const token = callback.trace.hops.find((h) => h.detail.token)!.detail.token!;
		expect(token.checks.find((c) => c.name === 'aud')?.ok).toBe(false);
		expect(userOf(callback.trace)).toBe('AnonymousUser');
	});
});

describe('jwt.decode as the view uses it', () => {
	it('refuses an expired token, a changed one, and a wrong issuer', async () => {
		const idp = createIdentityProvider();
		const key = await idp.signingKey();
		const nowS = Math.floor(START / 1000);
		const claims = {
			iss: 'https://id.example.test',
			sub: '1',
			aud: 'mysite',
			iat: nowS - 600,
			exp: nowS - 300,
			nonce: 'n'
		};
		const options = { audience: 'mysite', issuer: 'https://id.example.test', nowS };
		const expired = decodeJwt(await signJwt(claims, key));
		expect((await decodeIdToken(expired, key.publicJwk, options)).error?.message).toBe(
			'Signature has expired'
		);
		const fresh = await signJwt({ ...claims, exp: nowS + 300 }, key);
		expect((await decodeIdToken(decodeJwt(fresh), key.publicJwk, options)).error).toBeUndefined();
		const [h, , s] = fresh.split('.');
		const changedClaims = btoa(JSON.stringify({ ...claims, exp: nowS + 300, sub: '2' }))
			.replace(/=+$/, '')
			.replace(/\+/g, '-')
			.replace(/\//g, '_');
		const changed = await decodeIdToken(
			decodeJwt(`${h}.${changedClaims}.${s}`),
			key.publicJwk,
			options
		);
		expect(changed.error?.pythonName).toBe('jwt.exceptions.InvalidSignatureError');
		const otherIssuer = await signJwt(
			{ ...claims, exp: nowS + 300, iss: 'https://evil.test' },
			key
		);
		expect(
			(await decodeIdToken(decodeJwt(otherIssuer), key.publicJwk, options)).error?.message
		).toBe('Invalid issuer');
	});
});

describe('Example ID not answering', () => {
	it('shows a page that says so (503) when the token call times out, and logs nobody in', async () => {
		const { site } = await makeFullSite();
		const browser = new Browser(site);
		const { fields } = await browser.toConsent();
		const back = await browser.send('POST', 'https://id.example.test/consent', {
			...fields,
			decision: 'allow'
		});
		site.internet.setUp('id.example.test', false);
		const callback = await browser.send('GET', back.location!);
		expect(callback.status).toBe(503);
		expect(callback.body).toContain(
			'The login service is not answering. Try again later or log in with a password.'
		);
		expect(callback.body).toContain('<a href="/accounts/login/">Back to the login page</a>');
		const gaveUp = callback.trace.hops.find(
			(h) => h.from === 'identity-provider' && h.to === 'view'
		);
		expect(gaveUp?.detail.note).toMatch(/^requests\.exceptions\.ReadTimeout: /);
		expect(callback.trace.hops.some((h) => /Example ID is not answering/.test(h.summary))).toBe(
			true
		);
		expect(userOf(callback.trace)).toBe('AnonymousUser');
	});

	it('answers 503 too when the provider cannot serve its public keys (PyJWKClientConnectionError)', async () => {
		const keysDown: DjangoProject = {
			...mysiteFull,
			outside: () => {
				const provider = createIdentityProvider();
				const handle = provider.handle.bind(provider);
				return [
					Object.assign(provider, {
						handle: (request: Parameters<typeof handle>[0], call: Parameters<typeof handle>[1]) =>
							new URL(request.url).pathname === '/jwks.json'
								? {
										status: 500,
										statusText: 'Internal Server Error',
										headers: [['Content-Type', 'text/plain']] as Array<[string, string]>,
										body: 'down'
									}
								: handle(request, call)
					})
				];
			}
		};
		const { site } = await makeFullSite(keysDown);
		const callback = (await new Browser(site).allow())[1];
		expect(callback.status).toBe(503);
		expect(callback.body).toContain('The login service is not answering.');
		expect(userOf(callback.trace)).toBe('AnonymousUser');
	});
});
