/**
 * The normalisation of `tests/fixtures/django-5.2/README.md`, applied to the simulation's answer
 * so that it can be compared field by field with what the real stack answered.
 */
import { JSDOM } from 'jsdom';
import type { Answer } from './browser-model';

export interface GoldenResponse {
	status: string;
	headers: Record<string, string>;
	bodyKind: 'full' | 'debug-summary';
	body: string;
}

/** Headers that are never compared: the connection's, the date, and the simulator's own. */
const IGNORED = new Set([
	'date',
	'connection',
	'keep-alive',
	'x-trace-id',
	'server-timing',
	'access-control-expose-headers'
]);

const NOT_COMPARED = '<not compared>';
const EPOCH = 'Thu, 01 Jan 1970 00:00:00 GMT';
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/**
 * The simulation's answer as the golden file writes one. `golden` says which fields hold
 * run-dependent values (a `Content-Length` marked "not compared", a DEBUG page's summary).
 * `today` is the simulated clock's date (rows created during the run carry it).
 */
export function normalise(answer: Answer, golden: GoldenResponse, today: Date): GoldenResponse {
	const { response } = answer;
	const headers: Record<string, string> = {};
	response.headers.forEach((value, name) => {
		if (!IGNORED.has(name) && name !== 'set-cookie') headers[name] = value;
	});
	const cookies = (answer.sim?.headers ?? [])
		.filter(([name]) => name.toLowerCase() === 'set-cookie')
		.map(([, value]) => normaliseSetCookie(value));
	if (cookies.length) headers['set-cookie'] = cookies.join(' | ');
	if (headers.expires) headers.expires = '<date>';
	if (golden.headers['content-length'] === NOT_COMPARED && 'content-length' in headers) {
		headers['content-length'] = NOT_COMPARED;
	}
	const body =
		golden.bodyKind === 'debug-summary' ? debugSummary(answer.body) : fullBody(answer.body, today);
	return {
		status: `${response.status} ${response.statusText}`,
		headers: sortKeys(headers),
		bodyKind: golden.bodyKind,
		body
	};
}

/** `Set-Cookie` with its value and dates as placeholders and attribute names in lower case. */
export function normaliseSetCookie(line: string): string {
	const [pair, ...attributes] = line.split(/;\s*/);
	const eq = pair.indexOf('=');
	const name = pair.slice(0, eq);
	// An empty value is written `""` by Python's http.cookies: it is still empty.
	let value = pair.slice(eq + 1).replace(/^""$/, '');
	if (value && name === 'csrftoken') value = '<csrf-cookie>';
	if (value && name === 'sessionid') value = '<session>';
	const rest = attributes.map((attribute) => {
		const at = attribute.indexOf('=');
		if (at < 0) return attribute.toLowerCase();
		const key = attribute.slice(0, at).toLowerCase();
		const val = attribute.slice(at + 1);
		return `${key}=${key === 'expires' && val !== EPOCH ? '<date>' : val}`;
	});
	return [`${name}=${value}`, ...rest].join('; ');
}

function fullBody(body: string, today: Date): string {
	const day = `${today.getUTCDate()} ${MONTHS[today.getUTCMonth()]}`;
	const date = `${day} ${today.getUTCFullYear()}`;
	const iso = today.toISOString().slice(0, 10);
	return body
		.replace(/(name="csrfmiddlewaretoken" value=")[^"]*"/g, '$1<csrf-form>"')
		.replace(/(https:\/\/docs\.djangoproject\.com\/en\/)[^/]+\//g, '$1<version>/')
		.replace(new RegExp(`"${iso}T[0-9:.]+(Z|[+-]\\d\\d:\\d\\d)?"`, 'g'), '"<now-iso>"')
		.replace(new RegExp(`${date},? \\d\\d:\\d\\d`, 'g'), '<today> <hh:mm>')
		.replaceAll(date, '<today>')
		.replace(new RegExp(`\\(${day}\\)`, 'g'), '(<today-short>)');
}

/**
 * Django's DEBUG technical 404/500 page reduced as the golden files reduce it: title, `h1`, the
 * exception value, the summary rows that do not depend on the machine, the URLconf sentence, the
 * patterns tried (one per line) and the sentence about the current path. An element's text is its
 * text nodes, each with white space collapsed, joined by single spaces.
 */
export function debugSummary(html: string): string {
	const { document } = new JSDOM(html).window;
	const text = (element: Element | null | undefined): string => {
		if (!element) return '';
		const parts: string[] = [];
		const walker = document.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const part = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
			if (part) parts.push(part);
		}
		return parts.join(' ');
	};
	const lines = [`title: ${text(document.querySelector('title'))}`];
	lines.push(`h1: ${text(document.querySelector('h1'))}`);
	const value = document.querySelector('pre.exception_value');
	if (value) lines.push(`exception_value: ${text(value)}`);
	for (const row of document.querySelectorAll('table.meta tr')) {
		const label = text(row.querySelector('th')).replace(/:$/, '');
		if (SUMMARY_ROWS.has(label)) lines.push(`${label}: ${text(row.querySelector('td'))}`);
	}
	const info = document.querySelector('#info');
	const paragraphs = info ? [...info.querySelectorAll('p')] : [];
	const using = paragraphs.find((p) => text(p).startsWith('Using the URLconf'));
	if (using) {
		lines.push(text(using));
		for (const item of info?.querySelectorAll('ol > li') ?? []) lines.push(`  - ${text(item)}`);
	}
	const current = paragraphs.find((p) => /^(The current path|The empty path)/.test(text(p)));
	if (current) lines.push(text(current));
	return lines.join('\n');
}

const SUMMARY_ROWS = new Set([
	'Request Method',
	'Request URL',
	'Django Version',
	'Exception Type',
	'Exception Value',
	'Raised during',
	'Raised by'
]);

function sortKeys(record: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
