// A small static file server for the end-to-end tests and benchmarks: serves a built folder at
// `/` or under a sub-path, as a well-configured static host (GitHub Pages, Netlify, nginx) would:
// - gzip or brotli for text files when the browser accepts it (`Vary: Accept-Encoding`);
// - an ETag on every file, and 304 Not Modified for a matching `If-None-Match`;
// - `_app/immutable/` files (their names carry a content hash) cached for a year; HTML, the
//   service worker and everything else revalidated on each use (`no-cache`).
// Usage: node scripts/serve.js <dir> <port> [base]
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [dir = 'build', port = '4173', base = ''] = process.argv.slice(2);
const root = resolve(dir);
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};
/** Worth compressing: text, and WebAssembly (sql.js's wasm shrinks to about a third). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.wasm']);
const YEAR = 'public, max-age=31536000, immutable';

async function fileFor(urlPath) {
	let path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
	let full = join(root, path);
	if (!full.startsWith(root)) return null;
	try {
		const s = await stat(full);
		if (s.isDirectory()) full = join(full, 'index.html');
		await stat(full);
		return full;
	} catch {
		try {
			await stat(full + '.html');
			return full + '.html';
		} catch {
			return null;
		}
	}
}

/** Each file read and compressed once per size and time it was modified. */
const cache = new Map();
async function load(file) {
	const { mtimeMs, size } = await stat(file);
	const key = `${file}:${mtimeMs}:${size}`;
	let entry = cache.get(file);
	if (entry?.key !== key) {
		const body = await readFile(file);
		const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
		entry = { key, body, etag, encoded: new Map() };
		cache.set(file, entry);
	}
	return entry;
}

function encodedBody(entry, encoding) {
	if (!entry.encoded.has(encoding)) {
		const body =
			encoding === 'br'
				? brotliCompressSync(entry.body, {
						params: {
							[constants.BROTLI_PARAM_QUALITY]: 9,
							[constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length
						}
					})
				: gzipSync(entry.body, { level: 9 });
		entry.encoded.set(encoding, body);
	}
	return entry.encoded.get(encoding);
}

/** The best encoding the request accepts (`br` before `gzip`), or null. */
function pickEncoding(accept = '') {
	const offered = new Map();
	for (const part of accept.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		offered.set(name, q ? Number(q.slice(2)) : 1);
	}
	const ok = (name) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
	if (ok('br')) return 'br';
	if (ok('gzip')) return 'gzip';
	return null;
}

function cacheControl(urlPath) {
	return urlPath.includes('/_app/immutable/') ? YEAR : 'no-cache';
}

async function send(req, res, file, status, urlPath) {
	const entry = await load(file);
	const ext = extname(file);
	const compressible = COMPRESSIBLE.has(ext) && entry.body.length > 256;
	const encoding = compressible ? pickEncoding(req.headers['accept-encoding']) : null;
	// One ETag per representation, so a cache never mixes a gzip body with a plain one.
	const etag = encoding ? entry.etag.replace(/"$/, `-${encoding}"`) : entry.etag;
	const headers = {
		'content-type': types[ext] ?? 'application/octet-stream',
		'cache-control': status === 200 ? cacheControl(urlPath) : 'no-cache',
		etag
	};
	if (compressible) headers.vary = 'Accept-Encoding';
	const match = req.headers['if-none-match'];
	if (
		status === 200 &&
		match &&
		match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
	) {
		res.writeHead(304, headers).end();
		return;
	}
	const body = encoding ? encodedBody(entry, encoding) : entry.body;
	if (encoding) headers['content-encoding'] = encoding;
	headers['content-length'] = body.length;
	res.writeHead(status, headers);
	res.end(req.method === 'HEAD' ? undefined : body);
}

function serve(options = {}) {
	const prefix = options.base ?? base;
	return createServer(async (req, res) => {
		try {
			const url = new URL(req.url ?? '/', 'http://localhost');
			if (prefix && !url.pathname.startsWith(prefix)) {
				res.writeHead(404).end('Not under the base path');
				return;
			}
			const path = url.pathname.slice(prefix.length) || '/';
			const file = await fileFor(path);
			if (file) return await send(req, res, file, 200, url.pathname);
			const notFound = await fileFor('/404.html');
			if (notFound) return await send(req, res, notFound, 404, url.pathname);
			res.writeHead(404, { 'content-type': types['.txt'] }).end('Not found');
		} catch (error) {
			res.writeHead(500, { 'content-type': types['.txt'] }).end(String(error));
		}
	});
}

serve().listen(Number(port), () =>
	console.log(`Serving ${root} at http://localhost:${port}${base}/`)
);
