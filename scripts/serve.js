// A tiny static file server for the end-to-end tests and `npm run preview:static`:
// serves a built folder at `/` or under a sub-path, as any static host (GitHub Pages, nginx) would.
// Usage: node scripts/serve.js <dir> <port> [base]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

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

createServer(async (req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	if (base && !url.pathname.startsWith(base)) {
		res.writeHead(404).end('Not under the base path');
		return;
	}
	const file = await fileFor(url.pathname.slice(base.length) || '/');
	if (!file) {
		const notFound = await fileFor('/404.html');
		res.writeHead(404, { 'content-type': types['.html'] });
		res.end(notFound ? await readFile(notFound) : 'Not found');
		return;
	}
	res.writeHead(200, {
		'content-type': types[extname(file)] ?? 'application/octet-stream',
		'cache-control': 'no-cache'
	});
	res.end(await readFile(file));
}).listen(Number(port), () => console.log(`Serving ${root} at http://localhost:${port}${base}/`));
