/**
 * Whether a trace meets a check of the check language (see `checks.ts`, which validates the
 * checks a lesson's YAML holds). Apart from the schemas so a page that evaluates checks never
 * loads Zod: lessons are validated when the site is built.
 */
import type { NodeId, Trace } from '$lib/sim/types';
import { traceFacts, type ServedBy, type TraceFacts } from './trace-facts';

export type StatusCheck = number | number[] | `${1 | 2 | 3 | 4 | 5}xx`;

export interface ResolverCheck {
	matched?: boolean;
	route?: string;
	name?: string;
	view?: string;
}

export interface TraceCheck {
	method?: string;
	path?: string;
	status?: StatusCheck;
	servedBy?: ServedBy;
	reaches?: NodeId[];
	skips?: NodeId[];
	resolver?: ResolverCheck;
	user?: string;
	header?: Record<string, string>;
	requestHeader?: Record<string, string>;
	bodyContains?: string;
	sqlContains?: string;
	template?: string;
	setsCookie?: string;
	sendsCookie?: string;
	not?: TraceCheck;
	anyOf?: TraceCheck[];
}

export type ChallengeCheck = TraceCheck | TraceCheck[];

/** `*` stands for any run of characters; everything else is literal. */
export function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
	const source = pattern
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

function statusOk(expected: StatusCheck, actual: number): boolean {
	if (typeof expected === 'number') return actual === expected;
	if (Array.isArray(expected)) return expected.includes(actual);
	return Math.floor(actual / 100) === Number(expected[0]);
}

function headerOk(expected: Record<string, string>, actual: TraceFacts['responseHeaders']) {
	return Object.entries(expected).every(([name, value]) =>
		actual.some(([n, v]) => n.toLowerCase() === name.toLowerCase() && wildcard(value, v))
	);
}

/** Why the trace does not meet the check, as short sentences; empty when it does. */
export function failures(check: TraceCheck, trace: Trace): string[] {
	return failuresOf(check, traceFacts(trace));
}

function failuresOf(check: TraceCheck, f: TraceFacts): string[] {
	const out: string[] = [];
	const want = (ok: boolean, message: string) => {
		if (!ok) out.push(message);
	};
	if (check.method) want(f.method === check.method, `the method was ${f.method}`);
	if (check.path) {
		const actual = check.path.includes('?') ? f.pathWithQuery : f.path;
		want(wildcard(check.path, actual), `the path was ${actual}`);
	}
	if (check.status !== undefined)
		want(statusOk(check.status, f.status), `the status was ${f.status}`);
	if (check.servedBy)
		want(f.servedBy === check.servedBy, `the request went as far as ${f.servedBy}`);
	for (const node of check.reaches ?? [])
		want(f.nodes.has(node), `the request never reached ${node}`);
	for (const node of check.skips ?? []) want(!f.nodes.has(node), `the request reached ${node}`);
	if (check.resolver) {
		const r = check.resolver;
		const m = f.resolver;
		if (!m) out.push('the URL resolver never ran');
		else {
			if (r.matched !== undefined)
				want(
					m.matched === r.matched,
					m.matched ? 'a URL pattern matched' : 'no URL pattern matched'
				);
			if (r.route) want(m.route === r.route, `the matching route was ${m.route ?? 'none'}`);
			if (r.name) want(m.name === r.name, `the URL name was ${m.name ?? 'none'}`);
			if (r.view) want(m.view === r.view, `the view was ${m.view ?? 'none'}`);
		}
	}
	if (check.user) want(f.user === check.user, `Django saw the user as ${f.user}`);
	if (check.header)
		want(headerOk(check.header, f.responseHeaders), 'a response header was different');
	if (check.requestHeader)
		want(headerOk(check.requestHeader, f.requestHeaders), 'a request header was different');
	if (check.bodyContains)
		want(f.body.includes(check.bodyContains), `the body did not contain "${check.bodyContains}"`);
	if (check.sqlContains) {
		const needle = check.sqlContains.toLowerCase();
		want(
			f.sql.some((s) => s.toLowerCase().includes(needle)),
			`no SQL query contained "${check.sqlContains}"`
		);
	}
	if (check.template)
		want(f.templates.includes(check.template), `the template ${check.template} was not used`);
	if (check.setsCookie)
		want(f.cookiesSet.includes(check.setsCookie), `the response set no ${check.setsCookie} cookie`);
	if (check.sendsCookie)
		want(
			f.cookiesSent.includes(check.sendsCookie),
			`the request carried no ${check.sendsCookie} cookie`
		);
	if (check.not) want(failuresOf(check.not, f).length > 0, 'it matched what it must not match');
	if (check.anyOf)
		want(
			check.anyOf.some((c) => failuresOf(c, f).length === 0),
			'none of the alternatives matched'
		);
	return out;
}

export function meets(check: TraceCheck, trace: Trace): boolean {
	return failures(check, trace).length === 0;
}

/**
 * Whether the traces (oldest first) meet a challenge's check: for a list, each item must be met
 * by a later trace than the item before it.
 */
export function challengeMet(check: ChallengeCheck, traces: readonly Trace[]): boolean {
	const steps = Array.isArray(check) ? check : [check];
	let next = 0;
	for (const trace of traces) {
		if (next < steps.length && meets(steps[next], trace)) next += 1;
	}
	return next === steps.length;
}
