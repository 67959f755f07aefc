/**
 * The pages Django shows when DEBUG is off (django/views/defaults.py): short, and saying nothing
 * about how the site is built. Byte for byte as Django 5.2's `ERROR_PAGE_TEMPLATE` renders them,
 * leading newline included.
 */
import { HttpResponse } from '../http-response';

function errorPage(title: string, details = ''): string {
	return (
		'\n<!doctype html>\n<html lang="en">\n<head>\n' +
		`  <title>${title}</title>\n</head>\n<body>\n` +
		`  <h1>${title}</h1><p>${details}</p>\n</body>\n</html>\n`
	);
}

/** `page_not_found` without a 404.html template. */
export function pageNotFound(): HttpResponse {
	return new HttpResponse(
		errorPage('Not Found', 'The requested resource was not found on this server.'),
		{ status: 404 }
	);
}

/** `server_error` without a 500.html template. */
export function serverError(): HttpResponse {
	return new HttpResponse(errorPage('Server Error (500)'), { status: 500 });
}

/** `bad_request` without a 400.html template. */
export function badRequest(): HttpResponse {
	return new HttpResponse(errorPage('Bad Request (400)'), { status: 400 });
}

/** `permission_denied` without a 403.html template. */
export function permissionDenied(): HttpResponse {
	return new HttpResponse(errorPage('403 Forbidden'), { status: 403 });
}
