/**
 * nginx's own error pages, byte for byte as `ngx_http_special_response.c` writes them with
 * `server_tokens off` (so the footer says just "nginx"), and the status lines nginx uses.
 */
import type { HeaderList } from '../types';
import { nginxReasonPhrase } from '../http/status';

export interface NginxError {
	status: number;
	/** The status line's reason phrase (nginx's own wording, e.g. `Gateway Time-out`). */
	reason: string;
	body: string;
	/** nginx closes the connection after these (a request it could not parse or accept). */
	closeConnection: boolean;
	/** Headers nginx adds after its own (a 416's `Content-Range`). */
	headers?: HeaderList;
}

const TAIL = '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function page(title: string, extra = ''): string {
	return (
		`<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
		`<center><h1>${extra ? '400 Bad Request' : title}</h1></center>\r\n` +
		(extra ? `<center>${extra}</center>\r\n` : '') +
		TAIL
	);
}

/** The page nginx sends for `status`. */
export function nginxError(status: number): NginxError {
	const reason = status === 405 ? 'Not Allowed' : nginxReasonPhrase(status);
	return {
		status,
		reason,
		body: page(`${status} ${reason}`),
		closeConnection: status === 400 || status === 413 || status === 414
	};
}

/** 494 internally, sent as 400: a header line or the cookies did not fit nginx's buffers. */
export function headerTooLarge(): NginxError {
	return {
		status: 400,
		reason: 'Bad Request',
		body: page('400 Request Header Or Cookie Too Large', 'Request Header Or Cookie Too Large'),
		closeConnection: true
	};
}
