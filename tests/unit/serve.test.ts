// scripts/serve.js serves the build as a good static host would: compressed, revalidatable,
// hashed files cached for a year, HTML and the service worker revalidated on every use.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'serve-test-'));
const script = `console.log(${JSON.stringify('x'.repeat(2000))});\n`;
let server: ChildProcess;
let origin: string;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

beforeAll(async () => {
	mkdirSync(join(dir, '_app/immutable/chunks'), { recursive: true });
	mkdirSync(join(dir, 'playground'));
	writeFileSync(join(dir, 'index.html'), `<!doctype html><p>${'home '.repeat(200)}</p>`);
	writeFileSync(join(dir, 'playground/index.html'), '<!doctype html><p>playground</p>');
	writeFileSync(join(dir, '404.html'), '<!doctype html><p>Not found</p>');
	writeFileSync(join(dir, '_app/immutable/chunks/abc123.js'), script);
	writeFileSync(join(dir, 'request-flow-worker.js'), script);
	const port = await freePort();
	origin = `http://localhost:${port}`;
	server = spawn(process.execPath, ['scripts/serve.js', dir, String(port)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		server.once('exit', (code) => reject(new Error(`serve.js exited with ${code}`)));
		server.stdout?.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('Serving')) resolve();
		});
	});
});

afterAll(() => {
	server?.kill();
	rmSync(dir, { recursive: true, force: true });
});

/** A GET with `identity` unless told otherwise (Node's fetch would decompress gzip itself). */
async function get(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(origin + path, {
		headers: { 'accept-encoding': 'identity', ...headers }
	});
	return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('scripts/serve.js', () => {
	it('sends gzip to a browser that accepts it, and says the answer varies with it', async () => {
		const { response } = await get('/_app/immutable/chunks/abc123.js', {
			'accept-encoding': 'gzip'
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		expect(Number(response.headers.get('content-length'))).toBeLessThan(script.length);
	});

	it('sends a body that gunzips to the file', async () => {
		const raw = await new Promise<Buffer>((resolve, reject) => {
			import('node:http').then(({ get: httpGet }) =>
				httpGet(
					`${origin}/_app/immutable/chunks/abc123.js`,
					{ headers: { 'accept-encoding': 'gzip' } },
					(res) => {
						const parts: Buffer[] = [];
						res.on('data', (part: Buffer) => parts.push(part));
						res.on('end', () => resolve(Buffer.concat(parts)));
					}
				).on('error', reject)
			);
		});
		expect(gunzipSync(raw).toString()).toBe(script);
	});

	it('prefers brotli when offered, and sends the file as it is to a client that offers nothing', async () => {
		const br = await get('/index.html', { 'accept-encoding': 'gzip, deflate, br' });
		expect(br.response.headers.get('content-encoding')).toBe('br');
		const plain = await get('/index.html');
		expect(plain.response.headers.get('content-encoding')).toBeNull();
		expect(plain.bytes.toString()).toContain('home home');
	});

	it('answers 304 Not Modified to a matching If-None-Match, with the same ETag', async () => {
		const first = await get('/playground/', { 'accept-encoding': 'gzip' });
		const etag = first.response.headers.get('etag');
		expect(etag).toMatch(/^".+"$/);
		const again = await get('/playground/', { 'accept-encoding': 'gzip', 'if-none-match': etag! });
		expect(again.response.status).toBe(304);
		expect(again.response.headers.get('etag')).toBe(etag);
		expect(again.bytes.length).toBe(0);
		const other = await get('/playground/', { 'if-none-match': '"something-else"' });
		expect(other.response.status).toBe(200);
	});

	it('caches hashed files for a year, and revalidates HTML and the service worker', async () => {
		const hashed = await get('/_app/immutable/chunks/abc123.js');
		expect(hashed.response.headers.get('cache-control')).toBe(
			'public, max-age=31536000, immutable'
		);
		const html = await get('/');
		expect(html.response.headers.get('cache-control')).toBe('no-cache');
		expect(html.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		const worker = await get('/request-flow-worker.js');
		expect(worker.response.headers.get('cache-control')).toBe('no-cache');
	});

	it('answers 404 with the site 404 page for a missing file', async () => {
		const missing = await get('/nowhere/');
		expect(missing.response.status).toBe(404);
		expect(missing.bytes.toString()).toContain('Not found');
	});
});
