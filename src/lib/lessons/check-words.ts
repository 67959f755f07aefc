/**
 * A check in plain words, so a student can see exactly what a challenge looks for
 * ("a DELETE request to /api/posts/1/ that gets status 403").
 */
import type { ChallengeCheck, TraceCheck } from './checks';
import { NODE_NAMES } from './node-names';

const LAYER = {
	'web-server': 'the web server answers it alone',
	'app-server': 'it reaches the application server but not Django',
	django: 'it reaches Django'
} as const;

const list = (items: string[]) =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export function describeCheck(check: TraceCheck): string {
	const head = `a${check.method ? ` ${check.method}` : ''} request${check.path ? ` to ${check.path}` : ''}`;
	const parts: string[] = [];
	if (check.status !== undefined) {
		const s = check.status;
		parts.push(
			typeof s === 'number'
				? `it gets status ${s}`
				: Array.isArray(s)
					? `it gets status ${s.join(' or ')}`
					: `its status starts with ${s[0]}`
		);
	}
	if (check.servedBy) parts.push(LAYER[check.servedBy]);
	if (check.reaches) parts.push(`it reaches ${list(check.reaches.map((n) => NODE_NAMES[n]))}`);
	if (check.skips) parts.push(`it never reaches ${list(check.skips.map((n) => NODE_NAMES[n]))}`);
	const r = check.resolver;
	if (r?.matched === false) parts.push('no URL pattern matches');
	if (r?.matched === true) parts.push('a URL pattern matches');
	if (r?.route) parts.push(`the URL pattern ${r.route} matches`);
	if (r?.name) parts.push(`the URL named ${r.name} matches`);
	if (r?.view) parts.push(`the view ${r.view} runs`);
	if (check.user)
		parts.push(
			check.user === 'anonymous' ? 'nobody is logged in' : `Django sees the user ${check.user}`
		);
	for (const [name, value] of Object.entries(check.header ?? {}))
		parts.push(`the response has the header ${name}: ${value}`);
	for (const [name, value] of Object.entries(check.requestHeader ?? {}))
		parts.push(`the request has the header ${name}: ${value}`);
	if (check.bodyContains) parts.push(`the response contains "${check.bodyContains}"`);
	if (check.sqlContains) parts.push(`an SQL query contains ${check.sqlContains}`);
	if (check.template) parts.push(`the template ${check.template} is used`);
	if (check.setsCookie) parts.push(`the response sets the ${check.setsCookie} cookie`);
	if (check.sendsCookie) parts.push(`the request carries the ${check.sendsCookie} cookie`);
	if (check.not) parts.push(`it is not ${describeCheck(check.not)}`);
	if (check.anyOf) parts.push(`it is ${check.anyOf.map(describeCheck).join(', or ')}`);
	return parts.length ? `${head} where ${list(parts)}` : head;
}

/** One sentence per request the challenge needs, in order. */
export function describeChallengeCheck(check: ChallengeCheck): string[] {
	return (Array.isArray(check) ? check : [check]).map((c) => {
		const text = describeCheck(c);
		return text.charAt(0).toUpperCase() + text.slice(1) + '.';
	});
}
