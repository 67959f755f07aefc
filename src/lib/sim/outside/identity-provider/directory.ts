/**
 * Example ID's own accounts and the applications registered with it. Its users are not mysite's:
 * they log in at id.example.test with their own passwords, and mysite learns only what they allow
 * (their name and email).
 */

export const ISSUER = 'https://id.example.test';
export const HOST = 'id.example.test';
export const PROVIDER_NAME = 'Example ID';

export interface ProviderUser {
	/** The stable, opaque id the provider gives the user (`sub`). */
	sub: string;
	username: string;
	password: string;
	name: string;
	email: string;
}

export const PROVIDER_USERS: readonly ProviderUser[] = [
	{
		sub: '248289761001',
		username: 'carol',
		password: 'rainbow',
		name: 'Carol Example',
		email: 'carol@example.test'
	},
	// The same email as mysite's alice: her Example ID account is linked to her mysite account.
	{
		sub: '248289761002',
		username: 'alice',
		password: 'looking-glass',
		name: 'Alice Liddell',
		email: 'alice@mysite.test'
	}
];

export interface RegisteredClient {
	clientId: string;
	clientSecret: string;
	/** The name shown on the consent page. */
	name: string;
	/** Exact redirect URIs, as registered (RFC 6749 §3.1.2.2: compared as strings). */
	redirectUris: readonly string[];
}

/** mysite, as registered with Example ID (its settings_full.py holds the same id and secret). */
export const MYSITE_CLIENT: RegisteredClient = {
	clientId: 'mysite',
	clientSecret: 'mysite-example-id-secret-7d1f3a',
	name: 'mysite',
	redirectUris: ['https://mysite.test/accounts/oidc/callback/']
};

/** Another application registered with Example ID (its tokens are not for mysite). */
export const OTHER_CLIENT: RegisteredClient = {
	clientId: 'photo-album',
	clientSecret: 'photo-album-secret-4b9e2c',
	name: 'Photo album',
	redirectUris: ['https://photos.example.test/callback']
};

export const SCOPES_SUPPORTED = ['openid', 'profile', 'email'] as const;

/** How long things live, in seconds. */
export const LIFETIME = {
	/** An authorization code (RFC 6749 §4.1.2: "a maximum lifetime of 10 minutes is RECOMMENDED"). */
	code: 60,
	idToken: 300,
	accessToken: 3600,
	session: 8 * 3600
} as const;
