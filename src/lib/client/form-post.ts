/**
 * The one way the tool submits an HTML form to the simulated site, as a browser does: the fields
 * are encoded as `application/x-www-form-urlencoded`, and the hidden `csrfmiddlewaretoken` that
 * Django's `{% csrf_token %}` put in the page goes along. When no page with a form was opened yet,
 * the browser first opens the form's page (a GET the player shows), then submits it; the page it
 * opened is then the one the simulated browser shows, so the POST carries it as `Referer`.
 *
 * Used by the lesson stage's form, the lesson buttons (through `request-spec.ts`) and the
 * playground, so the same request gets the same answer wherever it is sent from.
 */

export const CSRF_FIELD = 'csrfmiddlewaretoken';

const CSRF_INPUT = /<input[^>]*name="csrfmiddlewaretoken"[^>]*>/i;

/** The CSRF token of the first Django form in a page, if it has one. */
export function csrfTokenIn(html: string): string | undefined {
	const input = CSRF_INPUT.exec(html)?.[0];
	return (input && /value="([^"]*)"/.exec(input)?.[1]) || undefined;
}

/**
 * Where the form that posts to `action` is: on the action's own page (the login form, the order
 * form), or on its parent page (a post's page holds the form that posts to its `comment/`).
 */
export function formPagesFor(action: string): string[] {
	const path = action.split('?')[0];
	const parent = path.replace(/[^/]+\/?$/, '');
	return parent && parent !== path ? [path, parent] : [path];
}

/**
 * Fields typed by a person: `name=Grace&body=Hello`, or one `name=value` per line. Values are
 * taken as typed (a `+` or a `%20` is decoded, as in a URL's query).
 */
export function parseFormFields(text: string): [string, string][] | string {
	const pieces = text
		.split(/\n|&/)
		.map((p) => p.trim())
		.filter(Boolean);
	const fields: [string, string][] = [];
	for (const piece of pieces) {
		const eq = piece.indexOf('=');
		if (eq < 1)
			return `"${piece}" is not a form field: write each field as name=value, like body=Hello.`;
		const decode = (s: string) => {
			try {
				return decodeURIComponent(s.replace(/\+/g, ' '));
			} catch {
				return s;
			}
		};
		fields.push([decode(piece.slice(0, eq)), decode(piece.slice(eq + 1))]);
	}
	return fields;
}

/** The body a browser sends for these fields, the CSRF token first as Django's forms put it. */
export function encodeForm(fields: Iterable<[string, string]>, token?: string): string {
	const body = new URLSearchParams();
	const list = [...fields];
	if (token && !list.some(([name]) => name === CSRF_FIELD)) body.append(CSRF_FIELD, token);
	for (const [name, value] of list) body.append(name, value);
	return body.toString();
}

/**
 * A CSRF token for a form that posts to `action`: the one from the last page with a form, or else
 * the one in the form's page, which `openPage` opens as the browser would (a real GET).
 */
export async function csrfTokenFor(
	action: string,
	known: string | undefined,
	openPage: (path: string) => Promise<string>
): Promise<string | undefined> {
	if (known) return known;
	for (const page of formPagesFor(action)) {
		const token = csrfTokenIn(await openPage(page));
		if (token) return token;
	}
	return undefined;
}
