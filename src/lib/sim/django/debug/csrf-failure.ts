/**
 * `django.views.csrf.csrf_failure`: the 403 page when CsrfViewMiddleware refuses a request.
 * The words are Django 5.2's; with DEBUG on, the page adds the reason and a help section.
 * Compact: Django's inline stylesheet is shortened.
 */
import { HttpResponseForbidden } from '../http-response';
import { escapeHtml } from './html';

const NO_REFERER = [
	'You are seeing this message because this HTTPS site requires a “Referer header” to be sent by your web browser, but none was sent. This header is required for security reasons, to ensure that your browser is not being hijacked by third parties.',
	'If you have configured your browser to disable “Referer” headers, please re-enable them, at least for this site, or for HTTPS connections, or for “same-origin” requests.',
	'If you are using the &lt;meta name=&quot;referrer&quot; content=&quot;no-referrer&quot;&gt; tag or including the “Referrer-Policy: no-referrer” header, please remove them. The CSRF protection requires the “Referer” header to do strict referer checking. If you’re concerned about privacy, use alternatives like &lt;a rel=&quot;noreferrer&quot; …&gt; for links to third-party sites.'
];
const NO_COOKIE = [
	'You are seeing this message because this site requires a CSRF cookie when submitting forms. This cookie is required for security reasons, to ensure that your browser is not being hijacked by third parties.',
	'If you have configured your browser to disable cookies, please re-enable them, at least for this site, or for “same-origin” requests.'
];

export function csrfFailure(reason: string, debug: boolean): HttpResponseForbidden {
	const extra =
		reason === 'Referer checking failed - no Referer.'
			? NO_REFERER
			: reason === 'CSRF cookie not set.'
				? NO_COOKIE
				: [];
	const help = debug
		? `<div id="info">
  <h2>Help</h2>
    <p>Reason given for failure:</p>
    <pre>
    ${escapeHtml(reason)}
    </pre>
  <p>In general, this can occur when there is a genuine Cross Site Request Forgery, or when
  <a href="https://docs.djangoproject.com/en/5.2/ref/csrf/">Django’s CSRF mechanism</a> has not been used correctly.  For POST forms, you need to ensure:</p>
  <ul>
    <li>Your browser is accepting cookies.</li>
    <li>The view function passes a <code>request</code> to the template’s <code>render</code> method.</li>
    <li>In the template, there is a <code>{% csrf_token %}</code> template tag inside each POST form that targets an internal URL.</li>
    <li>If you are not using <code>CsrfViewMiddleware</code>, then you must use <code>csrf_protect</code> on any views that use the <code>csrf_token</code> template tag, as well as those that accept the POST data.</li>
    <li>The form has a valid CSRF token. After logging in in another browser tab or hitting the back button after a login, you may need to reload the page with the form, because the token is rotated after a login.</li>
  </ul>
  <p>You’re seeing the help section of this page because you have <code>DEBUG = True</code> in your Django settings file. Change that to <code>False</code>, and only the initial error message will be displayed.  </p>
  <p>You can customize this page using the CSRF_FAILURE_VIEW setting.</p>
</div>`
		: `<div id="explanation">
  <p><small>More information is available with DEBUG=True.</small></p>
</div>`;
	const body = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>403 Forbidden</title>
  <style>body { font-family: sans-serif; background:#eee; color:#000; } #summary { background: #ffc; padding: 10px 20px; } #info, #explanation { padding: 10px 20px; }</style>
</head>
<body>
<div id="summary">
  <h1>Forbidden <span>(403)</span></h1>
  <p>CSRF verification failed. Request aborted.</p>
${extra.map((text) => `  <p>${text}</p>`).join('\n')}
</div>
${help}
</body>
</html>
`;
	return new HttpResponseForbidden(body);
}
