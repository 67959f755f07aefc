import initSqlJs from 'sql.js';
import { describe, expect, it, vi } from 'vitest';
import { createSite, type Site } from '$lib/sim/site';
import { mysiteFull } from '$lib/sim/mysite/full';
import type { MailServer } from '$lib/sim/outside/mail-server';
import type { SimRequest } from '$lib/sim/types';
import { createSiteHost, MAIL_HOST, type ProjectName } from './site-host';

const sqlJs = initSqlJs();
const built = new Map<ProjectName, Promise<Site>>();
/** Each project's site, built in Node (the browser's host builds them in its worker). */
function sites(name: ProjectName): Promise<Site> {
	if (!built.has(name))
		built.set(
			name,
			sqlJs.then((s) =>
				createSite({ sqlJs: s, project: name === 'mysite-full' ? mysiteFull : undefined })
			)
		);
	return built.get(name)!;
}

const get = (url: string): SimRequest => ({
	method: 'GET',
	url,
	headers: [['Host', new URL(url).host]],
	body: new Uint8Array()
});

const MESSAGE =
	'Subject: Hello\r\nFrom: mysite <noreply@mysite.test>\r\nTo: alice@mysite.test\r\n\r\nHi\r\n';

describe('the site host (what the page asks of the site worker)', () => {
	it('answers with plain data, which crosses to the page by structured clone', async () => {
		const host = createSiteHost(sites);
		const handled = await host.answer('mysite', get('https://mysite.test/blog/3/'));
		expect(handled?.response.status).toBe(200);
		// postMessage refuses functions and class instances: the answer must clone as it is.
		expect(structuredClone(handled)).toEqual(handled);
		expect(handled?.trace.hops.length).toBeGreaterThan(4);
	});

	it("fails an outside host the project does not have, as the browser's DNS lookup does", async () => {
		const host = createSiteHost(sites);
		const url = 'https://id.example.test/.well-known/openid-configuration';
		expect(await host.answer('mysite', get(url))).toBeNull();
		expect((await host.answer('mysite-full', get(url)))?.response.status).toBe(200);
	});

	it("changes one project's configuration, and a reset puts it back", async () => {
		const host = createSiteHost(sites);
		const start = await host.config('mysite');
		expect((await host.configure('mysite', { appServerUp: false })).appServerUp).toBe(false);
		expect((await host.config('mysite-full')).appServerUp).toBe(start.appServerUp);
		const down = await host.answer('mysite', get('https://mysite.test/blog/'));
		expect(down?.response.status).toBe(502);
		await host.reset('mysite');
		expect(await host.config('mysite')).toEqual(start);
	});

	it("switches the full project's outside servers, and reads and watches its mail", async () => {
		const host = createSiteHost(sites);
		expect(await host.setServerUp('mysite-full', 'api.payments.test', false)).toBe(false);
		expect(await host.isServerUp('mysite-full', 'api.payments.test')).toBe(false);
		expect(await host.setServerUp('mysite-full', 'api.payments.test', true)).toBe(true);

		expect(await host.readMail('mysite', 'alice@mysite.test')).toBeNull();
		expect(await host.watchMail('mysite', () => {})).toBeNull();
		const delivered = vi.fn();
		const id = await host.watchMail('mysite-full', delivered);
		const mail = (await sites('mysite-full')).internet.server(MAIL_HOST) as MailServer;
		const message = {
			clientName: 'app',
			from: 'noreply@mysite.test',
			to: ['alice@mysite.test'],
			message: MESSAGE
		};
		mail.converse(message, 0);
		expect(delivered).toHaveBeenCalledTimes(1);
		const read = await host.readMail('mysite-full', 'alice@mysite.test');
		expect(read?.addresses).toContain('alice@mysite.test');
		expect(read?.messages.map((m) => m.subject)).toEqual(['Hello']);
		await host.stopWatchingMail(id!);
		mail.converse(message, 0);
		expect(delivered).toHaveBeenCalledTimes(1);
	});
});
