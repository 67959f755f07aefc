/**
 * Example ID's back channel, called by mysite's server, never by the browser: `/token` exchanges
 * an authorization code for tokens (RFC 6749 §4.1.3 with PKCE, RFC 7636 §4.6), `/userinfo` answers
 * who the access token belongs to. Errors are JSON, as RFC 6749 §5.2 says: 400 with `error`
 * (`invalid_request`, `invalid_grant`, `unsupported_grant_type`), or 401 `invalid_client` with
 * `WWW-Authenticate` when the client authenticated with HTTP Basic.
 */
import { getHeader } from '../../http/headers';
import { pkceChallenge, randomToken, signJwt } from '../jwt';
import type { SimRequest, SimResponse } from '../../types';
import { HOST, ISSUER, LIFETIME, type RegisteredClient } from './directory';
import { formOf, json } from './http';
import type { ProviderState } from './state';

const NO_STORE = [
	['Cache-Control', 'no-store'],
	['Pragma', 'no-cache']
] as const;

function tokenError(status: 400 | 401, error: string, description: string, basic = false) {
	return json(status, { error, error_description: description }, [
		...NO_STORE,
		...(basic ? ([['WWW-Authenticate', `Basic realm="${HOST}"`]] as const) : [])
	]);
}

/** The client's id and secret: HTTP Basic (`requests`' `auth=(id, secret)`) or in the body. */
function clientCredentials(request: SimRequest, form: URLSearchParams) {
	const header = getHeader(request.headers, 'authorization');
	if (header?.toLowerCase().startsWith('basic ')) {
		try {
			const decoded = atob(header.slice(6).trim());
			const colon = decoded.indexOf(':');
			return {
				basic: true,
				id: decodeURIComponent(decoded.slice(0, colon)),
				secret: decodeURIComponent(decoded.slice(colon + 1))
			};
		} catch {
			return { basic: true, id: '', secret: '' };
		}
	}
	return {
		basic: false,
		id: form.get('client_id') ?? '',
		secret: form.get('client_secret') ?? ''
	};
}

export interface TokenOutcome {
	response: SimResponse;
	/** What the provider checked, in order, for the trace. */
	checks: string[];
}

export async function tokenEndpoint(
	request: SimRequest,
	state: ProviderState,
	nowS: number
): Promise<TokenOutcome> {
	const checks: string[] = [];
	const form = formOf(request);
	const credentials = clientCredentials(request, form);
	const client: RegisteredClient | undefined = state.clients.find(
		(c) => c.clientId === credentials.id
	);
	if (!client || client.clientSecret !== credentials.secret) {
		checks.push(`Client "${credentials.id}": unknown or wrong secret.`);
		return {
			response: tokenError(
				401,
				'invalid_client',
				'Client authentication failed.',
				credentials.basic
			),
			checks
		};
	}
	checks.push(`Client "${client.clientId}" authenticated with its secret.`);
	const grantType = form.get('grant_type');
	if (grantType !== 'authorization_code') {
		return {
			response: tokenError(
				400,
				grantType ? 'unsupported_grant_type' : 'invalid_request',
				grantType
					? `The grant type "${grantType}" is not supported.`
					: 'Missing parameter: grant_type.'
			),
			checks
		};
	}
	const code = form.get('code');
	if (!code)
		return { response: tokenError(400, 'invalid_request', 'Missing parameter: code.'), checks };
	const grant = state.codes.get(code);
	const refuse = (why: string) => {
		checks.push(why);
		return { response: tokenError(400, 'invalid_grant', why), checks };
	};
	if (!grant || grant.clientId !== client.clientId)
		return refuse('The authorization code is invalid.');
	if (grant.used) return refuse('The authorization code has already been used.');
	if (nowS >= grant.expiresAt) return refuse('The authorization code has expired.');
	// A code is good for one try, whatever the outcome (RFC 6749 §4.1.2: "MUST NOT use … more than once").
	grant.used = true;
	checks.push('The code is known, unused and not expired.');
	if (form.get('redirect_uri') !== grant.redirectUri)
		return refuse('redirect_uri does not match the authorization request.');
	const verifier = form.get('code_verifier');
	if (!verifier) return refuse('code_verifier is missing (PKCE).');
	if ((await pkceChallenge(verifier)) !== grant.codeChallenge)
		return refuse('PKCE verification failed: SHA-256 of code_verifier is not the code_challenge.');
	checks.push('PKCE: BASE64URL(SHA-256(code_verifier)) equals the code_challenge.');

	const user = state.users.find((u) => u.sub === grant.sub)!;
	const claims: Record<string, unknown> = {
		iss: ISSUER,
		sub: user.sub,
		aud: state.audience(client.clientId),
		exp: nowS + LIFETIME.idToken,
		iat: nowS,
		auth_time: grant.authTime,
		...(grant.nonce ? { nonce: grant.nonce } : {}),
		name: user.name,
		email: user.email,
		email_verified: true
	};
	const idToken = await signJwt(claims, await state.key());
	const accessToken = randomToken(24);
	state.accessTokens.set(accessToken, {
		sub: user.sub,
		scope: grant.scope,
		expiresAt: nowS + LIFETIME.accessToken
	});
	checks.push(`Signed an ID token for ${user.username} (RS256, key "${(await state.key()).kid}").`);
	return {
		response: json(
			200,
			{
				access_token: accessToken,
				token_type: 'Bearer',
				expires_in: LIFETIME.accessToken,
				scope: grant.scope,
				id_token: idToken
			},
			[...NO_STORE]
		),
		checks
	};
}

export function userinfoEndpoint(
	request: SimRequest,
	state: ProviderState,
	nowS: number
): SimResponse {
	const header = getHeader(request.headers, 'authorization') ?? '';
	const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
	const grant = token ? state.accessTokens.get(token) : undefined;
	if (!grant || nowS >= grant.expiresAt) {
		const challenge = token
			? `Bearer realm="${HOST}", error="invalid_token", error_description="The access token is invalid or expired."`
			: `Bearer realm="${HOST}"`;
		return json(401, { error: token ? 'invalid_token' : 'invalid_request' }, [
			['WWW-Authenticate', challenge]
		]);
	}
	const user = state.users.find((u) => u.sub === grant.sub)!;
	return json(200, { sub: user.sub, name: user.name, email: user.email, email_verified: true }, [
		['Cache-Control', 'no-store']
	]);
}
