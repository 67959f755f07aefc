/**
 * Example ID's HTML pages: the login form, the consent page and an error page. Small, plainly
 * styled, and accessible (labelled fields, real buttons, one heading per page).
 */
import { PROVIDER_NAME } from './directory';

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#x27;');
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f3f1fa;color:#1d1b26;margin:0}
main{max-width:26rem;margin:2rem auto;background:#fff;border:1px solid #c9c3dd;border-radius:8px;padding:1.25rem 1.5rem}
header{font-weight:700;color:#4b2a99;margin-bottom:.5rem}
h1{font-size:1.3rem;margin:.25rem 0 1rem}
label{display:block;margin:.5rem 0 .25rem}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.4rem;font:inherit}
button{font:inherit;padding:.45rem 1rem;margin:.75rem .5rem 0 0;border-radius:4px;border:1px solid #4b2a99;background:#4b2a99;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#4b2a99}
.error{color:#a4001d;font-weight:600}
.hint{color:#514c60;font-size:.9rem}
ul{padding-left:1.25rem}`;

function page(title: string, body: string): string {
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} – ${PROVIDER_NAME}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>${PROVIDER_NAME}</header>
${body}
</main>
</body>
</html>
`;
}

export function loginPage(clientName: string, error?: string, username = ''): string {
	return page(
		'Sign in',
		`<h1>Sign in to continue to ${escapeHtml(clientName)}</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/login">
<label for="id_username">Username</label>
<input type="text" id="id_username" name="username" value="${escapeHtml(username)}" autocomplete="username" required>
<label for="id_password">Password</label>
<input type="password" id="id_password" name="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<p class="hint">Example ID accounts: carol / rainbow, alice / looking-glass.</p>`
	);
}

export function consentPage(clientName: string, userName: string): string {
	return page(
		`${clientName} wants your name and email`,
		`<h1>${escapeHtml(clientName)} wants your name and email</h1>
<p>You are signed in to ${PROVIDER_NAME} as <strong>${escapeHtml(userName)}</strong>.</p>
<p>If you allow it, ${escapeHtml(clientName)} will receive:</p>
<ul><li>your name</li><li>your email address</li></ul>
<p class="hint">Your ${PROVIDER_NAME} password is never shared.</p>
<form method="post" action="/consent">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>`
	);
}

export function errorPage(title: string, message: string): string {
	return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="error">${escapeHtml(message)}</p>`);
}
