/**
 * What the page may ask of the simulated sites, answered where they run: in the site's Web Worker
 * (`site-worker.ts` exposes it to the page with Comlink), or in the page itself when no worker
 * could start (`simulation.ts`). Every answer is plain data, so it crosses to the page by
 * structured clone: a request's response and its trace, a configuration, a mailbox.
 *
 * Each call names its project (`mysite` or `mysite-full`): each project has its own site and
 * database, built on first use (`site-builder.ts`).
 */
import type { ReloadReport, Site, SiteConfig } from '$lib/sim/site';
import type { ProjectEdits } from '$lib/sim/project-files/load-project';
import type { ReadMail } from '$lib/sim/outside/mail-server';
import type { SimRequest } from '$lib/sim/types';
import { siteOf, takeMarks, type Mark, type ProjectName } from './site-builder';
import { answerWith, type Handled } from './answer';

export type { Mark, ProjectName } from './site-builder';
export type { Handled } from './answer';

/** The mail server's mailboxes, as the Inbox reads them. */
export interface Mailboxes {
	/** Every address that has a mailbox, in the order its first mail arrived. */
	addresses: string[];
	/** The messages of the address asked for, newest first. */
	messages: ReadMail[];
}

/** The mail server of the full project (`mail.mysite.test`). */
export const MAIL_HOST = 'mail.mysite.test';

export interface SiteHost {
	/** Builds project `name`'s site (once), ready to answer at once. */
	start(name: ProjectName): Promise<void>;
	/**
	 * Answers `request`, or resolves with null when it is for an outside server that project
	 * `name` does not have (the browser's DNS lookup fails: `TypeError: Failed to fetch`).
	 */
	answer(name: ProjectName, request: SimRequest): Promise<Handled | null>;
	config(name: ProjectName): Promise<SiteConfig>;
	configure(name: ProjectName, patch: Partial<SiteConfig>): Promise<SiteConfig>;
	/** The seeded data back, the settings and the outside servers as they started. */
	reset(name: ProjectName): Promise<void>;
	/** Runs the default project with the student's edits from the next request on. */
	reload(edits: ProjectEdits): Promise<ReloadReport>;
	/** Switches an outside server on or off; resolves with whether it is up now. */
	setServerUp(name: ProjectName, host: string, up: boolean): Promise<boolean>;
	isServerUp(name: ProjectName, host: string): Promise<boolean>;
	/** The mailboxes of the project's mail server, or null when it has none. */
	readMail(name: ProjectName, address: string): Promise<Mailboxes | null>;
	/**
	 * Calls `listener` after each delivery and reset of the project's mail server. Resolves with
	 * an id for `stopWatchingMail`, or null when the project has no mail server.
	 */
	watchMail(name: ProjectName, listener: () => void): Promise<number | null>;
	stopWatchingMail(id: number): Promise<void>;
	/** The start-up marks made since the last call (the page copies them into its timeline). */
	takeMarks(): Promise<Mark[]>;
}

interface MailServerLike {
	readonly addresses: string[];
	read(address: string): ReadMail[];
	subscribe(listener: () => void): () => void;
}

function mailServer(site: Site): MailServerLike | undefined {
	return site.internet.server(MAIL_HOST) as MailServerLike | undefined;
}

/**
 * The host of the simulated sites. `sites` gives each project's site (by default built by
 * `site-builder.ts`, with the build's database; tests give sites built in Node).
 */
export function createSiteHost(sites: (name: ProjectName) => Promise<Site> = siteOf): SiteHost {
	const watches = new Map<number, () => void>();
	let nextWatch = 1;
	return {
		async start(name) {
			await sites(name);
		},
		async answer(name, request) {
			return answerWith(await sites(name), request);
		},
		async config(name) {
			return { ...(await sites(name)).config };
		},
		async configure(name, patch) {
			return (await sites(name)).configure(patch);
		},
		async reset(name) {
			await (await sites(name)).reset();
		},
		async reload(edits) {
			return (await sites('mysite')).reload(edits);
		},
		async setServerUp(name, host, up) {
			const { internet } = await sites(name);
			internet.setUp(host, up);
			return internet.isUp(host);
		},
		async isServerUp(name, host) {
			return (await sites(name)).internet.isUp(host);
		},
		async readMail(name, address) {
			const mail = mailServer(await sites(name));
			return mail ? { addresses: mail.addresses, messages: mail.read(address) } : null;
		},
		async watchMail(name, listener) {
			const mail = mailServer(await sites(name));
			if (!mail) return null;
			const id = nextWatch++;
			watches.set(
				id,
				mail.subscribe(() => listener())
			);
			return id;
		},
		async stopWatchingMail(id) {
			watches.get(id)?.();
			watches.delete(id);
		},
		async takeMarks() {
			return takeMarks();
		}
	};
}
