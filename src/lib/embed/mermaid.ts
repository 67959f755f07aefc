/**
 * Exports a trace as a Mermaid sequence diagram, for slides and notes:
 * requests are solid arrows (`->>`), responses and returns dashed (`-->>`),
 * work inside one node a note over it.
 */
import type { Hop, NodeId, Trace } from '$lib/sim/types';

export const NODE_LABELS: Record<NodeId, string> = {
	browser: 'Browser',
	'web-server': 'Web server (nginx)',
	'app-server': 'Application server (gunicorn)',
	middleware: 'Middleware',
	'url-resolver': 'URL resolver',
	view: 'View',
	model: 'Model (ORM)',
	database: 'Database (SQLite)',
	template: 'Template',
	'identity-provider': 'Identity provider (id.example.test)',
	'payment-api': 'Payment API (api.payments.test)',
	'mail-server': 'Mail server (SMTP)'
};

const ALIAS: Record<NodeId, string> = {
	browser: 'B',
	'web-server': 'W',
	'app-server': 'A',
	middleware: 'M',
	'url-resolver': 'U',
	view: 'V',
	model: 'O',
	database: 'D',
	template: 'T',
	'identity-provider': 'I',
	'payment-api': 'P',
	'mail-server': 'E'
};

/** Mermaid reads `;` and `#` specially in messages: write them as its entity codes. */
export function escapeMermaid(text: string): string {
	// One pass, so the `#` of an inserted code is never escaped again.
	return text
		.replace(/[#;]/g, (c) => (c === '#' ? '#35;' : '#59;'))
		.replace(/[\r\n]+/g, ' ')
		.trim();
}

function message(hop: Hop): string {
	const d = hop.detail;
	if (d.http) return d.http.split(/\r?\n/, 1)[0];
	if (d.query) return d.query.sql;
	if (d.middleware) return `${d.middleware.name} (${d.middleware.phase})`;
	if (d.resolver?.match) return `matched ${d.resolver.match.route}`;
	if (d.template && hop.kind === 'render') return `render ${d.template.name}`;
	return hop.summary;
}

export function traceToMermaid(trace: Trace): string {
	const used = new Set<NodeId>();
	for (const hop of trace.hops) used.add(hop.from).add(hop.to);
	const order = Object.keys(ALIAS) as NodeId[];
	const request = `${trace.method} ${new URL(trace.url).pathname}`;
	const visited = (Object.keys(ALIAS) as NodeId[]).filter((n) => used.has(n));
	const lines = [
		'sequenceDiagram',
		`    title ${escapeMermaid(`${request} → ${trace.status}`)}`,
		// For screen readers: Mermaid puts these in the drawn SVG's <title> and <desc>.
		`    accTitle: ${escapeMermaid(`Request Flow: ${request}, answered ${trace.status}`)}`,
		`    accDescr: ${escapeMermaid(
			`How the demo site answered ${request}: ${trace.hops.length} steps through ${visited.map((n) => NODE_LABELS[n]).join(', ')}, ending with status ${trace.status}.`
		)}`
	];
	for (const node of order)
		if (used.has(node)) lines.push(`    participant ${ALIAS[node]} as ${NODE_LABELS[node]}`);
	for (const hop of trace.hops) {
		const text = escapeMermaid(message(hop));
		if (hop.from === hop.to) {
			lines.push(`    Note over ${ALIAS[hop.from]}: ${text}`);
		} else {
			const arrow = hop.direction === 'in' ? '->>' : '-->>';
			lines.push(`    ${ALIAS[hop.from]}${arrow}${ALIAS[hop.to]}: ${text}`);
		}
	}
	return lines.join('\n') + '\n';
}
