/**
 * What the diagram names: each node's label and the software behind it, the four groups, and
 * the edges a request can travel between nodes.
 */
import type { NodeGroup, NodeId } from '$lib/sim/types';

/** The edges a request can travel, each drawn once (requests and responses share it). */
export const EDGES: ReadonlyArray<readonly [NodeId, NodeId]> = [
	['browser', 'web-server'],
	['web-server', 'app-server'],
	['app-server', 'middleware'],
	['middleware', 'url-resolver'],
	['url-resolver', 'view'],
	['middleware', 'view'],
	['view', 'model'],
	['model', 'database'],
	['view', 'template'],
	// Server to server: Django's view calls other servers; the browser visits the identity provider.
	['view', 'identity-provider'],
	['view', 'payment-api'],
	['view', 'mail-server'],
	['browser', 'identity-provider']
];

export const NODE_LABEL: Readonly<Record<NodeId, { label: string; sublabel: string }>> = {
	browser: { label: 'Browser', sublabel: 'mysite.test' },
	'web-server': { label: 'Web server', sublabel: 'nginx' },
	'app-server': { label: 'App server', sublabel: 'gunicorn' },
	middleware: { label: 'Middleware', sublabel: 'MIDDLEWARE' },
	'url-resolver': { label: 'URL resolver', sublabel: 'urls.py' },
	view: { label: 'View', sublabel: 'views.py' },
	model: { label: 'Model', sublabel: 'models.py' },
	database: { label: 'Database', sublabel: 'SQLite' },
	template: { label: 'Template', sublabel: 'templates/' },
	'identity-provider': { label: 'Example ID', sublabel: 'id.example.test' },
	'payment-api': { label: 'Payment API', sublabel: 'api.payments.test' },
	'mail-server': { label: 'Mail server', sublabel: 'SMTP' }
};

export const GROUP_LABEL: Readonly<Record<NodeGroup, string>> = {
	client: 'Client',
	'web-server': 'Web server',
	'app-server': 'Application server',
	django: 'Django',
	'identity-provider': 'Identity provider',
	'payment-api': 'Payment provider',
	'mail-server': 'Mail'
};
