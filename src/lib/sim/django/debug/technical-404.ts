/**
 * Django's DEBUG 404 page (django/views/debug.py, `technical_404_response`): which URLconf was
 * used, every URL pattern Django tried in order, and whether the path matched none of them or
 * matched one whose view raised Http404. Compact: the same sections and sentences as Django's,
 * a shorter stylesheet.
 */
import type { PatternAttempt } from '../../types';
import { HttpResponseNotFound } from '../http-response';
import { escapeHtml } from './html';

export interface Technical404 {
	method: string;
	/** Absolute URL of the request. */
	url: string;
	/** The path without its leading slash, as Django prints it. */
	path: string;
	urlconf: string;
	tried: readonly PatternAttempt[];
	/** The Http404 message, when a view raised it. */
	message?: string;
	/** The view that raised Http404 (its dotted name). */
	raisedBy?: string;
}

export function technical404(info: Technical404): HttpResponseNotFound {
	const patterns = info.tried
		.map((attempt) => {
			const name = attempt.name
				? ` [name='${escapeHtml(attempt.name.split(':').pop() ?? '')}']`
				: '';
			return `      <li><code>${`${escapeHtml(attempt.route)}${name}`.replace(/\s+/g, ' ').trim()}</code></li>`;
		})
		.join('\n');
	const matched = info.tried.some((attempt) => attempt.matched);
	const raised = info.raisedBy
		? `\n      <tr><th scope="row">Raised by:</th><td>${escapeHtml(info.raisedBy)}</td></tr>`
		: '';
	const message = info.message
		? `\n    <pre class="exception_value">${escapeHtml(info.message)}</pre>`
		: '';
	const body = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <title>Page not found at /${escapeHtml(info.path)}</title>
  <meta name="robots" content="NONE,NOARCHIVE">
  <style>body { font-family: sans-serif; } body > :where(header, main, footer) { border-bottom:1px solid #ddd; padding: 10px 20px; } #summary { background: #ffc; } h1 small { font-size:60%; color:#666; font-weight:normal; }</style>
</head>
<body>
  <header id="summary">
    <h1>Page not found <small>(404)</small></h1>${message}
    <table class="meta">
      <tr><th scope="row">Request Method:</th><td>${escapeHtml(info.method)}</td></tr>
      <tr><th scope="row">Request URL:</th><td>${escapeHtml(info.url)}</td></tr>${raised}
    </table>
  </header>
  <main id="info">
    <p>Using the URLconf defined in <code>${escapeHtml(info.urlconf)}</code>, Django tried these URL patterns, in this order:</p>
    <ol>
${patterns}
    </ol>
    <p>The current path, <code>${escapeHtml(info.path)}</code>, ${matched ? 'matched the last one.' : 'didn’t match any of these.'}</p>
  </main>
  <footer id="explanation">
    <p>You’re seeing this error because you have <code>DEBUG = True</code> in your Django settings file. Change that to <code>False</code>, and Django will display a standard 404 page.</p>
  </footer>
</body>
</html>
`;
	return new HttpResponseNotFound(body);
}
