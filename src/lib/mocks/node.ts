/** The same handlers for Vitest, through msw/node, with a site whose sql.js loads from node_modules. */
import { setupServer } from 'msw/node';
import initSqlJs from 'sql.js';
import { createSite, type Site } from '$lib/sim/site';
import { CookieJar } from '$lib/client/cookie-jar';
import { createHandlers } from './handlers';

let site: Promise<Site> | undefined;

/** The Node tests' simulated site (the demo project), created on first use. */
export function nodeSite(): Promise<Site> {
	site ??= initSqlJs().then((sqlJs) => createSite({ sqlJs }));
	return site;
}

/** The simulated browser's cookies in Node tests (a jar of its own, not the page's). */
export const nodeJar = new CookieJar();

export const server = setupServer(...createHandlers({ site: nodeSite, jar: nodeJar }));
