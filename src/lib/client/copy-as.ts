/**
 * "Copy as curl" and "Copy as fetch": the console's request as a command a student can paste into
 * a terminal or a browser's console. Quoting follows POSIX `sh` (single quotes, with `'` written
 * as `'\''`) and JavaScript string literals (JSON.stringify), so any text survives the paste.
 */
import { bodyText, headerValue, type ClientRequest } from './request';

/** Quotes one word for a POSIX shell: nothing inside single quotes is special but `'` itself. */
export function shellQuote(word: string): string {
	if (word !== '' && /^[A-Za-z0-9_\-./:=@%+,]+$/.test(word)) return word;
	return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function toCurl(request: ClientRequest): string {
	const parts = ['curl'];
	const method = request.method.toUpperCase();
	const body = bodyText(request.body);
	const hasBody = request.body.kind !== 'none';
	if (method === 'HEAD') parts.push('--head');
	// `--data-raw` already makes curl send a POST; any other method must be named.
	else if (method !== 'GET' && !(method === 'POST' && hasBody)) parts.push('-X', method);
	parts.push(shellQuote(request.url));
	for (const [name, value] of request.headers) parts.push('-H', shellQuote(`${name}: ${value}`));
	if (request.body.kind === 'multipart') {
		for (const [name, value] of request.body.entries)
			parts.push('-F', shellQuote(`${name}=${value.replaceAll('@', '\\@')}`));
	} else if (hasBody) {
		if (request.body.kind === 'urlencoded' && !headerValue(request.headers, 'content-type'))
			parts.push('-H', shellQuote('Content-Type: application/x-www-form-urlencoded'));
		parts.push('--data-raw', shellQuote(body));
	}
	return parts.join(' ');
}

export function toFetch(request: ClientRequest): string {
	const method = request.method.toUpperCase();
	const lines: string[] = [];
	if (method !== 'GET') lines.push(`\tmethod: ${JSON.stringify(method)},`);
	// The simulated site's cookies travel only when the fetch asks for them.
	lines.push(`\tcredentials: 'include',`);
	const headers = [...request.headers];
	if (request.body.kind === 'urlencoded' && !headerValue(headers, 'content-type'))
		headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
	if (headers.length > 0) {
		lines.push('\theaders: {');
		headers.forEach(([name, value], i) =>
			lines.push(
				`\t\t${JSON.stringify(name)}: ${JSON.stringify(value)}${i < headers.length - 1 ? ',' : ''}`
			)
		);
		lines.push('\t},');
	}
	if (request.body.kind === 'multipart') {
		const appends = request.body.entries
			.map(([n, v]) => `form.append(${JSON.stringify(n)}, ${JSON.stringify(v)});`)
			.join('\n');
		lines.push('\tbody: form,');
		return `const form = new FormData();\n${appends}\nconst response = await fetch(${JSON.stringify(request.url)}, {\n${lines.join('\n').replace(/,$/, '')}\n});`;
	}
	if (request.body.kind !== 'none')
		lines.push(`\tbody: ${JSON.stringify(bodyText(request.body))},`);
	const init = lines.join('\n').replace(/,$/, '');
	return `const response = await fetch(${JSON.stringify(request.url)}, {\n${init}\n});`;
}
