/**
 * What `jwt.PyJWKClient(..., cache_keys=True)` and `jwt.decode(token, key, algorithms=["RS256"],
 * audience=..., issuer=...)` do in accounts/oidc.py, with WebCrypto: fetch the provider's JWKS
 * once (server to server) and keep it, pick the key named by the token's `kid`, check the RS256
 * signature, then `exp`, `iat`, `iss` and `aud` in PyJWT's order, raising PyJWT's errors with
 * PyJWT's messages. The view then compares `nonce` itself (PyJWT does not know about it).
 */
import { callServer, OutsideUnavailable, type Internet } from '../../outside/internet';
import { decodeJwt, verifyRs256, type DecodedJwt, type PublicJwk } from '../../outside/jwt';
import type { TraceRecorder } from '../../trace';
import type { HopDetail } from '../../types';

/** `jwt.exceptions.*`, as `str(error)` prints them. */
export class PyJWTError extends Error {
	constructor(
		readonly pythonName: string,
		message: string
	) {
		super(message);
		this.name = pythonName;
	}
}

type TokenDetail = NonNullable<HopDetail['token']>;
export type TokenCheck = TokenDetail['checks'][number];

/** PyJWKClient's cache, one per site (a module-level client lives as long as the worker). */
const jwksCache = new WeakMap<Internet, PublicJwk[]>();

async function fetchJwks(
	url: string,
	internet: Internet,
	recorder: TraceRecorder,
	now: () => number
) {
	const host = new URL(url).host;
	let response;
	try {
		response = await callServer(
			{
				method: 'GET',
				url,
				// PyJWKClient fetches with urllib, not requests.
				headers: [
					['Accept-Encoding', 'identity'],
					['Host', host],
					['User-Agent', 'Python-urllib/3.12'],
					['Connection', 'close']
				],
				body: new Uint8Array()
			},
			{
				internet,
				recorder,
				now,
				timeoutS: 30,
				summary: `PyJWKClient fetches ${host}'s public keys (its JWKS), server to server, and keeps them.`
			}
		);
	} catch (error) {
		// urllib's timeout or URLError: PyJWKClient raises its own connection error.
		if (!(error instanceof OutsideUnavailable)) throw error;
		throw new PyJWTError(
			'jwt.exceptions.PyJWKClientConnectionError',
			`Fail to fetch data from the url, err: "${error.pythonName.endsWith('ReadTimeout') ? 'timed out' : `<urlopen error ${error.message}>`}"`
		);
	}
	if (response.status !== 200)
		throw new PyJWTError(
			'jwt.exceptions.PyJWKClientConnectionError',
			`Fail to fetch data from the url, err: "HTTP Error ${response.status}: ${response.statusText}"`
		);
	const keys = (JSON.parse(response.body) as { keys: PublicJwk[] }).keys;
	jwksCache.set(internet, keys);
	return keys;
}

/** `jwks_client.get_signing_key_from_jwt(id_token)`: from the cache, or fetched (again) if unknown. */
export async function signingKeyFor(
	decoded: DecodedJwt,
	url: string,
	internet: Internet,
	recorder: TraceRecorder,
	now: () => number
): Promise<{ key: PublicJwk; fetched: boolean }> {
	const kid = decoded.header.kid;
	let keys = jwksCache.get(internet);
	let fetched = false;
	if (!keys || !keys.some((k) => k.kid === kid)) {
		keys = await fetchJwks(url, internet, recorder, now);
		fetched = true;
	}
	const key = keys.find((k) => k.kid === kid);
	if (!key)
		throw new PyJWTError(
			'jwt.exceptions.PyJWKClientError',
			`Unable to find a signing key that matches: "${String(kid)}"`
		);
	return { key, fetched };
}

/** Forgets the cached keys (a new worker process). */
export function forgetJwks(internet: Internet): void {
	jwksCache.delete(internet);
}

export interface DecodeOptions {
	audience: string;
	issuer: string;
	/** Seconds since the epoch. */
	nowS: number;
}

/**
 * `jwt.decode(...)`: every check with its outcome (for the inspector), and the error PyJWT
 * raises for the first that fails, if one does.
 */
export async function decodeIdToken(
	decoded: DecodedJwt,
	key: PublicJwk,
	options: DecodeOptions
): Promise<{ checks: TokenCheck[]; error?: PyJWTError }> {
	const { claims, header } = decoded;
	const checks: TokenCheck[] = [];
	let error: PyJWTError | undefined;
	const check = (name: string, ok: boolean, note: string, raise?: () => PyJWTError) => {
		checks.push({ name, ok, note });
		if (!ok && !error && raise) error = raise();
	};
	const algOk = header.alg === 'RS256';
	check(
		'alg',
		algOk,
		`The header says ${String(header.alg)}; only RS256 is allowed (algorithms=["RS256"]).`,
		() =>
			new PyJWTError(
				'jwt.exceptions.InvalidAlgorithmError',
				'The specified alg value is not allowed'
			)
	);
	const signed = algOk && (await verifyRs256(decoded, key));
	check(
		'signature',
		signed,
		signed
			? `RS256 signature made by the key "${key.kid}" of the JWKS.`
			: `The RS256 signature does not match the key "${key.kid}": the token was changed or not signed by the provider.`,
		() => new PyJWTError('jwt.exceptions.InvalidSignatureError', 'Signature verification failed')
	);
	const exp = Number(claims.exp);
	check(
		'exp',
		Number.isFinite(exp) && exp > options.nowS,
		Number.isFinite(exp)
			? `Expires at ${new Date(exp * 1000).toISOString()}; now is ${new Date(options.nowS * 1000).toISOString()}.`
			: 'No exp claim.',
		() => new PyJWTError('jwt.exceptions.ExpiredSignatureError', 'Signature has expired')
	);
	const iat = Number(claims.iat);
	check(
		'iat',
		!Number.isFinite(iat) || iat <= options.nowS,
		`Issued at ${Number.isFinite(iat) ? new Date(iat * 1000).toISOString() : '(none)'}.`,
		() =>
			new PyJWTError('jwt.exceptions.ImmatureSignatureError', 'The token is not yet valid (iat)')
	);
	check(
		'iss',
		claims.iss === options.issuer,
		`Issuer "${String(claims.iss)}"; expected "${options.issuer}" (OIDC_ISSUER).`,
		() => new PyJWTError('jwt.exceptions.InvalidIssuerError', 'Invalid issuer')
	);
	const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
	check(
		'aud',
		aud.includes(options.audience),
		`Audience "${aud.join(', ')}"; expected "${options.audience}" (OIDC_CLIENT_ID): the token is for this site only.`,
		() => new PyJWTError('jwt.exceptions.InvalidAudienceError', "Audience doesn't match")
	);
	return { checks, error };
}

export { decodeJwt };
