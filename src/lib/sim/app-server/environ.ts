/**
 * The WSGI environ gunicorn builds for Django (PEP 3333, gunicorn/http/wsgi.py): the CGI names
 * (`REQUEST_METHOD`, `PATH_INFO` percent-decoded, `QUERY_STRING` as sent, `CONTENT_TYPE`,
 * `CONTENT_LENGTH`, `SERVER_NAME`, `SERVER_PORT`) and every header as `HTTP_<NAME>`. Because nginx
 * connects from 127.0.0.1, which is in gunicorn's `forwarded_allow_ips`, gunicorn trusts
 * `X-Forwarded-Proto: https` and sets `wsgi.url_scheme` to `https`.
 */
import type { HeaderList } from '../types';
import type { Environ } from '../django/http-request';

export interface EnvironInput {
	method: string;
	target: string;
	headers: HeaderList;
	/** The address the request came from: nginx, on the same machine. */
	remoteAddr: string;
	remotePort: number;
}

/** `unquote_to_wsgi_str`: percent-decoded bytes, kept as Latin-1 text, as PEP 3333 asks. */
export function unquoteToWsgi(path: string): string {
	return path.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) =>
		String.fromCharCode(Number.parseInt(hex, 16))
	);
}

/** Latin-1 "WSGI string" back to real text, as Django's `get_path_info` does (broken UTF-8 re-escaped). */
export function wsgiToText(wsgi: string): string {
	const bytes = Uint8Array.from(wsgi, (ch) => ch.charCodeAt(0) & 0xff);
	const strict = new TextDecoder('utf-8', { fatal: true });
	try {
		return strict.decode(bytes);
	} catch {
		// Django's `repercent_broken_unicode`: bytes that are not UTF-8 go back to %XX.
		let out = '';
		let i = 0;
		while (i < bytes.length) {
			let taken = 0;
			for (let length = 1; length <= 4 && i + length <= bytes.length && !taken; length++) {
				try {
					out += strict.decode(bytes.slice(i, i + length));
					taken = length;
				} catch {
					// try one byte more
				}
			}
			if (!taken) {
				out += `%${bytes[i].toString(16).toUpperCase().padStart(2, '0')}`;
				taken = 1;
			}
			i += taken;
		}
		return out;
	}
}

/**
 * Where `DJANGO_SETTINGS_MODULE` comes from, for the hop that calls Django. It is NOT in the WSGI
 * environ: gunicorn's `--env NAME=VALUE` sets `os.environ` in each worker (`Worker.init_process`),
 * and the WSGI environ it builds per request (gunicorn/http/wsgi.py) holds only the CGI names and
 * headers. Django reads the variable from `os.environ` once, when the worker loads
 * `mysite/wsgi.py`, whose `os.environ.setdefault()` gives `mysite.settings` when nothing set it.
 */
export function settingsModuleNote(settingsModule: string, wsgiDefault: string): string {
	const wsgiPy = `${wsgiDefault.split('.')[0]}/wsgi.py`;
	const origin =
		settingsModule === wsgiDefault
			? `${wsgiPy}'s os.environ.setdefault() set it`
			: `gunicorn --env DJANGO_SETTINGS_MODULE=${settingsModule} set it before ${wsgiPy}'s setdefault()`;
	return (
		`os.environ: DJANGO_SETTINGS_MODULE=${settingsModule} (${origin}).\n` +
		`It is the worker process's environment, not part of the WSGI environ: Django read it once, when the worker loaded the project.`
	);
}

export function buildEnviron(input: EnvironInput): Environ {
	const cut = input.target.indexOf('?');
	const rawPath = cut < 0 ? input.target : input.target.slice(0, cut);
	const query = cut < 0 ? '' : input.target.slice(cut + 1);
	const environ: Environ = {
		REQUEST_METHOD: input.method,
		SCRIPT_NAME: '',
		PATH_INFO: unquoteToWsgi(rawPath),
		QUERY_STRING: query,
		RAW_URI: input.target,
		SERVER_PROTOCOL: 'HTTP/1.0',
		REMOTE_ADDR: input.remoteAddr,
		REMOTE_PORT: String(input.remotePort),
		'wsgi.version': '(1, 0)',
		'wsgi.url_scheme': 'http',
		'wsgi.multithread': 'False',
		'wsgi.multiprocess': 'True',
		'wsgi.run_once': 'False',
		SERVER_SOFTWARE: 'gunicorn/20.1.0'
	};
	for (const [name, value] of input.headers) {
		const key = name.toUpperCase().replaceAll('-', '_');
		if (key === 'CONTENT_TYPE' || key === 'CONTENT_LENGTH') {
			environ[key] = value;
			continue;
		}
		if (key === 'X_FORWARDED_PROTO' && value.trim().toLowerCase() === 'https') {
			environ['wsgi.url_scheme'] = 'https';
		}
		const meta = `HTTP_${key}`;
		// Repeated headers are joined with a comma, as gunicorn does.
		environ[meta] = environ[meta] !== undefined ? `${environ[meta]},${value}` : value;
	}
	const host = environ.HTTP_HOST ?? '';
	const [name, port] = host.includes(':') ? host.split(':', 2) : [host, ''];
	environ.SERVER_NAME = name;
	environ.SERVER_PORT = port || (environ['wsgi.url_scheme'] === 'https' ? '443' : '80');
	return environ;
}
