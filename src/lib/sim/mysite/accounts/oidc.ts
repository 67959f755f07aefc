/**
 * accounts/oidc.py, line by line: "Log in with Example ID" (OpenID Connect, authorization code
 * flow with PKCE), in the full project only (`mysite/urls_full.py`).
 *
 * Why a tampered or missing `state` raises `SuspiciousOperation` (400) rather than showing a page:
 * it is what mozilla-django-oidc does, Django logs it on the `django.security` logger as an attack
 * it noticed, and the answer is Django's own 400 (with DEBUG on, the page that names the
 * exception and its message "state mismatch"). A denied consent is the user's choice, not an
 * attack: a page says so, with 403. A code the provider refuses (`invalid_grant`) or an ID token
 * PyJWT refuses (wrong audience, bad signature, expired) gets the same page with 400.
 */
import { login, User, type SessionStore } from '../../django/auth';
import { defineView, SuspiciousOperation, type HttpRequest } from '../../django/http';
import { rotate_token } from '../../django/middleware/csrf-token';
import { redirect, render } from '../../django/shortcuts';
import { ran, recorderOf, reverseOf } from '../../django/views/runtime';
import { callServer, OutsideUnavailable } from '../../outside/internet';
import { decodeJwt, pkceChallenge, randomToken } from '../../outside/jwt';
import { pySource } from '../sources';
import { decodeIdToken, PyJWTError, signingKeyFor } from './id-token';

const FILE = 'accounts/oidc.py';

/** The OIDC_* settings of mysite/settings_full.py. */
export const OIDC_SETTINGS = {
	OIDC_ISSUER: 'https://id.example.test',
	OIDC_AUTHORIZATION_ENDPOINT: 'https://id.example.test/authorize',
	OIDC_TOKEN_ENDPOINT: 'https://id.example.test/token',
	OIDC_JWKS_URL: 'https://id.example.test/jwks.json',
	OIDC_CLIENT_ID: 'mysite',
	OIDC_CLIENT_SECRET: 'mysite-example-id-secret-7d1f3a'
} as const;

interface Flow {
	state: string;
	nonce: string;
	code_verifier: string;
}

const sessionOf = (request: HttpRequest) => request.session as unknown as SessionStore;
const callbackUrl = (request: HttpRequest) =>
	request.build_absolute_uri(reverseOf(request)('oidc_callback'));

const loginCode = pySource(FILE, 'oidc_login');

export const oidc_login = defineView(
	'accounts.oidc.oidc_login',
	async (request) => {
		ran(
			request,
			loginCode.ref(
				'state = secrets.token_urlsafe(32)',
				'nonce = secrets.token_urlsafe(32)',
				'code_verifier = secrets.token_urlsafe(64)'
			),
			'Makes three secrets: state (against forged callbacks), nonce (ties the ID token to this login) and the PKCE code_verifier.'
		);
		const flow: Flow = {
			state: randomToken(32),
			nonce: randomToken(32),
			code_verifier: randomToken(64)
		};
		ran(
			request,
			loginCode.ref(
				'digest = hashlib.sha256(code_verifier.encode("ascii")).digest()',
				'code_challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")'
			),
			'The code_challenge is the SHA-256 of the code_verifier: only the challenge goes to the browser.'
		);
		const challenge = await pkceChallenge(flow.code_verifier);
		ran(
			request,
			loginCode.ref(
				'request.session["oidc"] = {"state": state, "nonce": nonce, "code_verifier": code_verifier}'
			),
			'Keeps state, nonce and code_verifier in the session, on the server.'
		);
		sessionOf(request).set('oidc', flow);
		const params = new URLSearchParams({
			response_type: 'code',
			client_id: OIDC_SETTINGS.OIDC_CLIENT_ID,
			redirect_uri: callbackUrl(request),
			scope: 'openid profile email',
			state: flow.state,
			nonce: flow.nonce,
			code_challenge: challenge,
			code_challenge_method: 'S256'
		});
		ran(
			request,
			loginCode.ref(
				'return redirect(f"{settings.OIDC_AUTHORIZATION_ENDPOINT}?{urlencode(params)}")'
			),
			'Sends the browser to Example ID with the client id, the callback URL, state, nonce and code_challenge.'
		);
		return redirect(request, `${OIDC_SETTINGS.OIDC_AUTHORIZATION_ENDPOINT}?${params}`);
	},
	{ source: loginCode.header }
);

const callbackCode = pySource(FILE, 'oidc_callback');

function errorPage(request: HttpRequest, status: number, error: string, description: string) {
	return render(request, 'accounts/oidc_error.html', { error, description }, { status });
}

export const oidc_callback = defineView(
	'accounts.oidc.oidc_callback',
	async (request) => {
		const session = sessionOf(request);
		const recorder = recorderOf(request);
		const now = () => request.sim.now().getTime();
		ran(
			request,
			callbackCode.ref(
				'flow = request.session.pop("oidc", None)',
				'if flow is None or request.GET.get("state") != flow["state"]:'
			),
			'Takes state, nonce and code_verifier out of the session (once only) and compares the state.'
		);
		const flow = session.pop<Flow>('oidc', undefined);
		if (!flow || request.GET.get('state') !== flow.state) {
			ran(
				request,
				callbackCode.ref('raise SuspiciousOperation("OpenID Connect callback: state mismatch")'),
				flow
					? 'The state in the URL is not the one in the session: a forged or replayed callback. 400.'
					: 'No login was started in this session: nothing to compare the state with. 400.'
			);
			throw new SuspiciousOperation('OpenID Connect callback: state mismatch');
		}
		ran(request, callbackCode.ref('if "error" in request.GET:'), 'Did the provider send an error?');
		const error = request.GET.get('error');
		if (error !== undefined) {
			ran(
				request,
				callbackCode.ref('return render(request, "accounts/oidc_error.html", context, status=403)'),
				`Example ID answered error=${error}: no login. 403.`
			);
			return errorPage(request, 403, error, request.GET.get('error_description') ?? '');
		}

		ran(
			request,
			callbackCode.ref('response = requests.post('),
			'Exchanges the code for tokens: a POST from this server to Example ID, with the client secret and the code_verifier. The browser never sees it.'
		);
		const form = new URLSearchParams({
			grant_type: 'authorization_code',
			code: request.GET.get('code') ?? '',
			redirect_uri: callbackUrl(request),
			code_verifier: flow.code_verifier
		}).toString();
		const credentials = btoa(`${OIDC_SETTINGS.OIDC_CLIENT_ID}:${OIDC_SETTINGS.OIDC_CLIENT_SECRET}`);
		const body = new TextEncoder().encode(form);
		const internet = request.sim.internet!;
		let response;
		try {
			response = await callServer(
				{
					method: 'POST',
					url: OIDC_SETTINGS.OIDC_TOKEN_ENDPOINT,
					headers: [
						['Host', new URL(OIDC_SETTINGS.OIDC_TOKEN_ENDPOINT).host],
						['User-Agent', 'python-requests/2.32.3'],
						['Accept-Encoding', 'gzip, deflate'],
						['Accept', '*/*'],
						['Connection', 'keep-alive'],
						['Content-Length', String(body.length)],
						['Content-Type', 'application/x-www-form-urlencoded'],
						// requests' auth=(id, secret): standard base64, with padding.
						['Authorization', `Basic ${credentials}`]
					],
					body
				},
				{
					internet,
					recorder,
					now,
					timeoutS: 5,
					summary:
						"The view POSTs the code, the code_verifier and mysite's secret to Example ID's /token, server to server."
				}
			);
		} catch (error) {
			if (!(error instanceof OutsideUnavailable)) throw error;
			ran(
				request,
				callbackCode.ref(
					'except requests.exceptions.RequestException:',
					'return render(request, "accounts/oidc_error.html", {"error": "temporarily_unavailable"}, status=503)'
				),
				`requests raised ${error.pythonName}: Example ID is not answering. A page says so: 503, nobody is logged in.`
			);
			return errorPage(request, 503, 'temporarily_unavailable', '');
		}
		ran(
			request,
			callbackCode.ref('if response.status_code != 200:'),
			`Example ID answered ${response.status}.`
		);
		if (response.status !== 200) {
			const refused = JSON.parse(response.body) as { error?: string; error_description?: string };
			ran(
				request,
				callbackCode.ref('return render(request, "accounts/oidc_error.html", context, status=400)'),
				`The provider refused the code (${refused.error}): no login. 400.`
			);
			return errorPage(request, 400, refused.error ?? '', refused.error_description ?? '');
		}

		const idToken = (JSON.parse(response.body) as { id_token: string }).id_token;
		ran(
			request,
			callbackCode.ref(
				'id_token = response.json()["id_token"]',
				'signing_key = jwks_client.get_signing_key_from_jwt(id_token)'
			),
			'Reads the ID token and finds the provider key that signed it (the kid in its header).'
		);
		let refusal: PyJWTError | undefined;
		let claims: Record<string, unknown> = {};
		try {
			const decoded = decodeJwt(idToken);
			claims = decoded.claims;
			const { key } = await signingKeyFor(
				decoded,
				OIDC_SETTINGS.OIDC_JWKS_URL,
				internet,
				recorder,
				now
			);
			const { checks, error: decodeError } = await decodeIdToken(decoded, key, {
				audience: OIDC_SETTINGS.OIDC_CLIENT_ID,
				issuer: OIDC_SETTINGS.OIDC_ISSUER,
				nowS: Math.floor(now() / 1000)
			});
			refusal = decodeError;
			const nonceOk = claims.nonce === flow.nonce;
			checks.push({
				name: 'nonce',
				ok: nonceOk,
				note: nonceOk
					? 'The nonce in the token is the one kept in the session at the start.'
					: 'The nonce in the token is not the one in the session (checked by the view, not PyJWT).'
			});
			recorder.hop(
				'view',
				'view',
				'call',
				'in',
				refusal
					? `jwt.decode() refuses the ID token: ${refusal.message}.`
					: 'jwt.decode() checks the ID token: RS256 signature against the JWKS, then exp, iss and aud. All good.',
				{
					source: callbackCode.ref('claims = jwt.decode('),
					token: { header: decoded.header, claims: decoded.claims, checks }
				},
				0.3
			);
		} catch (e) {
			if (!(e instanceof PyJWTError) && !(e instanceof Error && /segment|base64/i.test(e.message)))
				throw e;
			refusal =
				e instanceof PyJWTError ? e : new PyJWTError('jwt.exceptions.DecodeError', e.message);
		}
		if (refusal?.pythonName === 'jwt.exceptions.PyJWKClientConnectionError') {
			ran(
				request,
				callbackCode.ref(
					'except jwt.PyJWKClientConnectionError as error:',
					'return render(request, "accounts/oidc_error.html", {"error": "temporarily_unavailable", "description": str(error)}, status=503)'
				),
				`PyJWKClient could not fetch Example ID's keys ("${refusal.message}"): the provider is not answering. 503, nobody is logged in.`
			);
			return errorPage(request, 503, 'temporarily_unavailable', refusal.message);
		}
		if (refusal) {
			ran(
				request,
				callbackCode.ref(
					'except jwt.PyJWTError as error:',
					'return render(request, "accounts/oidc_error.html", {"error": "invalid_token", "description": str(error)}, status=400)'
				),
				`PyJWT raised ${refusal.pythonName}: "${refusal.message}". No login. 400.`
			);
			return errorPage(request, 400, 'invalid_token', refusal.message);
		}
		ran(
			request,
			callbackCode.ref('if claims.get("nonce") != flow["nonce"]:'),
			'Is the nonce the one this login started with?'
		);
		if (claims.nonce !== flow.nonce) {
			ran(
				request,
				callbackCode.ref('raise SuspiciousOperation("OpenID Connect callback: nonce mismatch")'),
				'A token made for another login (replayed): 400.'
			);
			throw new SuspiciousOperation('OpenID Connect callback: nonce mismatch');
		}

		const email = String(claims.email ?? '');
		ran(
			request,
			callbackCode.ref('user = User.objects.filter(email__iexact=claims["email"]).first()'),
			`Looks for a mysite user with the email ${email}.`
		);
		let user = User.objects.filter({ email__iexact: email }).first();
		if (!user) {
			let username = email.split('@')[0];
			ran(
				request,
				callbackCode.ref(
					'username = claims["email"].split("@")[0]',
					'if User.objects.filter(username=username).exists():'
				),
				`No such user: makes one, named ${username} if that name is free.`
			);
			if (User.objects.filter({ username }).exists())
				username = `${username}-${String(claims.sub).slice(-4)}`;
			ran(
				request,
				callbackCode.ref(
					'user = User.objects.create_user(username, email=claims["email"], first_name=claims.get("name", ""))'
				),
				`Creates the user ${username}, with no usable password: they log in with Example ID.`
			);
			user = await User.objects.create_user(username, null, {
				email,
				first_name: String(claims.name ?? '')
			});
		}
		ran(
			request,
			callbackCode.ref(
				'login(request, user, backend="django.contrib.auth.backends.ModelBackend")',
				'return redirect(settings.LOGIN_REDIRECT_URL)'
			),
			`Logs ${user.username} in (a new session key, as any login) and redirects to LOGIN_REDIRECT_URL.`
		);
		await login(session, user, request.sim.now());
		request.user = user;
		rotate_token(request);
		return redirect(request, request.sim.settings.LOGIN_REDIRECT_URL);
	},
	{ source: callbackCode.header }
);
