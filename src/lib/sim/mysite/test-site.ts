/**
 * Test helpers: a real mysite (sql.js loaded in Node) and a small browser that keeps cookies,
 * so tests read like a visit: `await visit.get('/blog/')`, `await visit.login('alice')`.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { SimResponse, Trace } from '../types';
import { createSite, type Site } from '../site';
import { utf8 } from '../http/bytes';
import type { DjangoProject } from '../django/project';
import { mysite, USERS } from './index';

export const ORIGIN = 'https://mysite.test';

let sqlJs: Promise<SqlJsStatic> | undefined;

/** The site of `project` (mysite by default; `mysiteFull` for mysite.settings_full). */
export async function makeSite(project: DjangoProject = mysite): Promise<Site> {
	sqlJs ??= initSqlJs();
	return createSite({
		sqlJs: await sqlJs,
		project,
		now: () => Date.UTC(2026, 2, 1, 12, 0, 0)
	});
}

export interface Answer extends SimResponse {
	trace: Trace;
	header(name: string): string | undefined;
	headers_all(name: string): string[];
}

/** A browser tab on mysite.test: cookies kept between requests, as a real browser does. */
export class Visitor {
	cookies = new Map<string, string>();
	constructor(readonly site: Site) {}

	async send(
		method: string,
		path: string,
		options: { body?: string | Uint8Array; headers?: Record<string, string> } = {}
	): Promise<Answer> {
		const headers: Array<[string, string]> = [['Host', 'mysite.test']];
		if (this.cookies.size) {
			headers.push(['Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')]);
		}
		for (const [name, value] of Object.entries(options.headers ?? {})) headers.push([name, value]);
		const { response, trace } = await this.site.handle({
			method,
			url: `${ORIGIN}${path}`,
			headers,
			body:
				typeof options.body === 'string' ? utf8(options.body) : (options.body ?? new Uint8Array())
		});
		for (const [name, value] of response.headers) {
			if (name.toLowerCase() !== 'set-cookie') continue;
			const [pair, ...attributes] = value.split(';');
			const eq = pair.indexOf('=');
			const key = pair.slice(0, eq).trim();
			const val = pair.slice(eq + 1).trim();
			const expired =
				attributes.some((a) => /max-age=0\b/i.test(a.trim())) || val === '""' || val === '';
			if (expired) this.cookies.delete(key);
			else this.cookies.set(key, val);
		}
		const find = (name: string) =>
			response.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
		return { ...response, trace, header: (name) => find(name)[0], headers_all: find };
	}

	get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
		return this.send('GET', path, { headers });
	}

	/** A form post as a browser sends it, with the CSRF token from the cookie and the Origin. */
	post(path: string, fields: Record<string, string>, withToken = true): Promise<Answer> {
		const data = new URLSearchParams(fields);
		const token = this.cookies.get('csrftoken');
		if (withToken && token && !data.has('csrfmiddlewaretoken'))
			data.set('csrfmiddlewaretoken', token);
		return this.send('POST', path, {
			body: data.toString(),
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Origin: ORIGIN,
				Referer: `${ORIGIN}${path}`
			}
		});
	}

	/** JSON to the API, with a token (`Authorization: Token …`) or the session and CSRF header. */
	json(
		method: string,
		path: string,
		body?: unknown,
		auth: { token?: string; csrf?: boolean } = {}
	): Promise<Answer> {
		const headers: Record<string, string> = { Accept: 'application/json' };
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		if (auth.token) headers.Authorization = `Token ${auth.token}`;
		if (auth.csrf) {
			headers['X-CSRFToken'] = this.cookies.get('csrftoken') ?? '';
			headers.Origin = ORIGIN;
		}
		const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
		return this.send(method, path, { body: text, headers });
	}

	/** Logs in through the login form, as a person would: GET for the cookie, then POST. */
	async login(username: keyof typeof USERS, next?: string): Promise<Answer> {
		await this.get('/accounts/login/');
		const fields: Record<string, string> = { username, password: USERS[username].password };
		if (next) fields.next = next;
		return this.post('/accounts/login/', fields);
	}
}
