/** The diagram's nodes as a student reads them in a sentence. */
import type { NodeId } from '$lib/sim/types';

export const NODE_NAMES: Record<NodeId, string> = {
	browser: 'the browser',
	'web-server': 'the web server (nginx)',
	'app-server': 'the application server (gunicorn)',
	middleware: 'the middleware',
	'url-resolver': 'the URL resolver',
	view: 'the view',
	model: 'the model (the ORM)',
	database: 'the database',
	template: 'the template engine',
	'identity-provider': 'the identity provider (Example ID)',
	'payment-api': "the payment provider's API",
	'mail-server': 'the mail server'
};
