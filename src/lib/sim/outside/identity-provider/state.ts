/** What Example ID remembers between requests: its signing key, sessions, codes, access tokens. */
import { makeSigningKey, type SigningKey } from '../jwt';
import type { ProviderUser, RegisteredClient } from './directory';

/** An authorization code and what it was issued for (RFC 6749 §4.1.2, RFC 7636 §4.4). */
export interface CodeGrant {
	clientId: string;
	redirectUri: string;
	sub: string;
	scope: string;
	nonce?: string;
	codeChallenge: string;
	/** Seconds since the epoch. */
	expiresAt: number;
	authTime: number;
	used: boolean;
}

export interface ProviderState {
	users: readonly ProviderUser[];
	clients: readonly RegisteredClient[];
	audience(clientId: string): string;
	/** Made once per site, on first use; a reset keeps it (the JWKS stays the same). */
	key(): Promise<SigningKey>;
	sessions: Map<string, { sub: string; expiresAt: number; authTime: number }>;
	/**
	 * Authorization requests waiting for a login or a consent, by the id in the browser's
	 * `exampleid_auth` cookie: the provider keeps them on its side, so its forms carry only the
	 * username and password, or the decision.
	 */
	pending: Map<string, { query: string; expiresAt: number }>;
	codes: Map<string, CodeGrant>;
	accessTokens: Map<string, { sub: string; scope: string; expiresAt: number }>;
}

export function providerState(
	users: readonly ProviderUser[],
	clients: readonly RegisteredClient[],
	audience: (clientId: string) => string = (clientId) => clientId
): ProviderState {
	let key: Promise<SigningKey> | undefined;
	return {
		users,
		clients,
		audience,
		key: () => (key ??= makeSigningKey('example-id-2026')),
		sessions: new Map(),
		pending: new Map(),
		codes: new Map(),
		accessTokens: new Map()
	};
}
