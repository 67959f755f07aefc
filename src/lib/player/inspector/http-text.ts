/** Splits raw HTTP/1.1 text into its start line, header lines and body, for display. */

export interface HttpParts {
	startLine: string;
	headers: Array<[name: string, value: string]>;
	body: string;
}

export function parseHttp(text: string): HttpParts {
	const normalised = text.replace(/\r\n/g, '\n');
	const blank = normalised.indexOf('\n\n');
	const head = blank === -1 ? normalised : normalised.slice(0, blank);
	const body = blank === -1 ? '' : normalised.slice(blank + 2);
	const [startLine = '', ...lines] = head.split('\n');
	const headers = lines.map((line): [string, string] => {
		const colon = line.indexOf(':');
		return colon === -1 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1).trim()];
	});
	return { startLine, headers, body };
}

/** Whether the start line is a response's status line (`HTTP/1.1 200 OK`). */
export function isStatusLine(line: string): boolean {
	return /^HTTP\/\d(\.\d)? \d{3}/.test(line);
}

/**
 * Headers the simulator adds for its own use (the trace id the player matches, the per-node
 * timings, and the CORS line that lets a page read them): no real nginx or Django sends them.
 */
export const SIMULATOR_HEADERS: ReadonlySet<string> = new Set([
	'x-trace-id',
	'server-timing',
	'access-control-expose-headers'
]);

export const isSimulatorHeader = (name: string) => SIMULATOR_HEADERS.has(name.toLowerCase());
