/**
 * `django.views.csrf.csrf_failure`: the 403 page when CsrfViewMiddleware refuses a request.
 * Django 5.2's `csrf_403.html` (CSRF_FAILURE_TEMPLATE), text for text: the same blank lines the
 * template's tags leave, the reason and the help section with DEBUG on, one line without.
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

/** The docs version the help links point to. */
const DOCS = 'https://docs.djangoproject.com/en/5.2';

const STYLE = `  <style>
    html * { padding:0; margin:0; }
    body * { padding:10px 20px; }
    body * * { padding:0; }
    body { font-family: sans-serif; background:#eee; color:#000; }
    body>div { border-bottom:1px solid #ddd; }
    h1 { font-weight:normal; margin-bottom:.4em; }
    h1 span { font-size:60%; color:#666; font-weight:normal; }
    #info { background:#f6f6f6; }
    #info ul { margin: 0.5em 4em; }
    #info p, #summary p { padding-top:10px; }
    #summary { background: #ffc; }
    #explanation { background:#eee; border-bottom: 0px none; }
  </style>`;

/** `{% if name %}…{% endif %}`: the block's text when the condition holds, else nothing. */
const when = (condition: boolean, text: string): string => (condition ? text : '');

export function csrfFailure(reason: string, debug: boolean): HttpResponseForbidden {
	const noReferer = reason === 'Referer checking failed - no Referer.';
	const noCookie = reason === 'CSRF cookie not set.';
	const info = `
<div id="info">
  <h2>Help</h2>
    ${when(
			Boolean(reason),
			`
    <p>Reason given for failure:</p>
    <pre>
    ${escapeHtml(reason)}
    </pre>
    `
		)}

  <p>In general, this can occur when there is a genuine Cross Site Request Forgery, or when
  <a
  href="${DOCS}/ref/csrf/">Django’s
  CSRF mechanism</a> has not been used correctly.  For POST forms, you need to
  ensure:</p>

  <ul>
    <li>Your browser is accepting cookies.</li>

    <li>The view function passes a <code>request</code> to the template’s <a
    href="${DOCS}/topics/templates/#django.template.backends.base.Template.render"><code>render</code></a>
    method.</li>

    <li>In the template, there is a <code>{% csrf_token
    %}</code> template tag inside each POST form that
    targets an internal URL.</li>

    <li>If you are not using <code>CsrfViewMiddleware</code>, then you must use
    <code>csrf_protect</code> on any views that use the <code>csrf_token</code>
    template tag, as well as those that accept the POST data.</li>

    <li>The form has a valid CSRF token. After logging in in another browser
    tab or hitting the back button after a login, you may need to reload the
    page with the form, because the token is rotated after a login.</li>
  </ul>

  <p>You’re seeing the help section of this page because you have <code>DEBUG =
  True</code> in your Django settings file. Change that to <code>False</code>,
  and only the initial error message will be displayed.  </p>

  <p>You can customize this page using the CSRF_FAILURE_VIEW setting.</p>
</div>
`;
	const explanation = `
<div id="explanation">
  <p><small>More information is available with DEBUG=True.</small></p>
</div>
`;
	const body = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>403 Forbidden</title>
${STYLE}
</head>
<body>
<div id="summary">
  <h1>Forbidden <span>(403)</span></h1>
  <p>CSRF verification failed. Request aborted.</p>
${when(noReferer, `\n${NO_REFERER.map((text) => `  <p>${text}</p>\n`).join('')}`)}
${when(noCookie, `\n${NO_COOKIE.map((text) => `  <p>${text}</p>\n`).join('')}`)}
</div>
${debug ? info : explanation}
</body>
</html>
`;
	return new HttpResponseForbidden(body);
}
