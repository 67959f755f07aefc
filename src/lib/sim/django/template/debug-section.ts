/**
 * The template parts of Django's DEBUG error page (django/views/templates/technical_500.html):
 * "Template-loader postmortem" for TemplateDoesNotExist (each loader and the file it tried), and
 * "Error during template rendering" with the template's lines around the error and the error
 * line marked, for a TemplateSyntaxError or an error raised while rendering.
 */
import { escapeHtml } from '../debug/html';
import { TemplateDoesNotExist, TemplateSyntaxError, templateDebugInfo } from './errors';

/** Where templates live on the simulated server (settings.TEMPLATES: DIRS, then APP_DIRS). */
const TEMPLATE_DIRS = [
	['django.template.loaders.filesystem.Loader', '/srv/mysite/templates/'],
	[
		'django.template.loaders.app_directories.Loader',
		'/usr/local/lib/python3.12/site-packages/django/contrib/auth/templates/'
	],
	[
		'django.template.loaders.app_directories.Loader',
		'/usr/local/lib/python3.12/site-packages/rest_framework/templates/'
	]
] as const;

/** Django's `context_lines` for the template excerpt. */
const CONTEXT_LINES = 10;

/**
 * The HTML sections for a template error, or '' for any other error. `source(name)` gives a
 * template's text (a TemplateSyntaxError carries its own).
 */
export function templateErrorSections(
	error: unknown,
	source: (name: string) => string | undefined
): string {
	let out = '';
	if (error instanceof TemplateDoesNotExist) {
		const tried = error.tried.length ? error.tried : [error.message];
		const missing = tried[tried.length - 1];
		const items = TEMPLATE_DIRS.map(
			([loader, dir]) =>
				`        <li><code>${loader}</code>: ${escapeHtml(dir + missing)} (Source does not exist)</li>`
		).join('\n');
		out += `  <div id="template-not-exist">
    <h2>Template-loader postmortem</h2>
    <p class="append-bottom">Django tried loading these templates, in this order:</p>
    <p class="postmortem-section">Using engine <code>django</code>:</p>
      <ul>
${items}
      </ul>
  </div>
`;
	}
	const info = templateDebugInfo(error);
	if (!info?.name || !info.line) return out;
	const text =
		(error instanceof TemplateSyntaxError ? error.templateSource : undefined) ?? source(info.name);
	if (text === undefined) return out;
	const lines = text.split('\n');
	const top = Math.max(0, info.line - 1 - CONTEXT_LINES);
	const bottom = Math.min(lines.length, info.line + CONTEXT_LINES);
	const message = error instanceof Error ? error.message : String(error);
	const rows: string[] = [];
	for (let n = top + 1; n <= bottom; n++) {
		const line = lines[n - 1];
		if (n === info.line) {
			const [before, during, after] = splitAtTag(line, message);
			rows.push(
				`      <tr class="error"><th scope="row">${n}</th><td>${escapeHtml(before)}<span class="specific">${escapeHtml(during)}</span>${escapeHtml(after)}</td></tr>`
			);
		} else rows.push(`      <tr><th scope="row">${n}</th><td>${escapeHtml(line)}</td></tr>`);
	}
	out += `  <div id="template">
    <h2>Error during template rendering</h2>
    <p>In template <code>${escapeHtml(TEMPLATE_DIRS[0][1] + info.name)}</code>, error at line <strong>${info.line}</strong></p>
    <h3>${escapeHtml(message)}</h3>
    <table class="source">
${rows.join('\n')}
    </table>
  </div>
`;
	return out;
}

/** The error line cut around the tag or variable the message names (Django marks the token). */
function splitAtTag(line: string, message: string): [string, string, string] {
	const named = /'([^']+)'/.exec(message)?.[1];
	const tokens = [...line.matchAll(/\{%.*?%\}|\{\{.*?\}\}/g)];
	const token =
		tokens.find((m) => named && m[0].includes(named)) ?? (tokens.length ? tokens[0] : undefined);
	if (!token || token.index === undefined) return ['', line, ''];
	return [line.slice(0, token.index), token[0], line.slice(token.index + token[0].length)];
}
