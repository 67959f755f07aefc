/**
 * "My project" as a link: the edits, compressed (CompressionStream, deflate-raw) and written in
 * base64url into the URL's hash (`#project=…`), so the whole project travels in the link and no
 * server is needed. Links are kept under a size limit that chat apps and browsers accept.
 */
import { editsSchema, type Edits } from './edits-storage';

export const PROJECT_PARAM = 'project';
/** Characters of compressed, encoded edits a link may carry. */
export const MAX_LINK_CHARS = 8000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
	const source = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(source).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) text += String.fromCharCode(byte);
	return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
	const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export type Encoded = { ok: true; value: string } | { ok: false; message: string };

export async function encodeEdits(edits: Edits): Promise<Encoded> {
	const json = JSON.stringify({ version: 1, files: edits });
	const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
	const value = toBase64Url(packed);
	if (value.length > MAX_LINK_CHARS)
		return {
			ok: false,
			message: `Your edits are too large for a link: ${value.length.toLocaleString('en')} characters once compressed, and a link holds at most ${MAX_LINK_CHARS.toLocaleString('en')}. Reset the files you no longer need and try again.`
		};
	return { ok: true, value };
}

export type Decoded = { ok: true; edits: Edits } | { ok: false; message: string };

export async function decodeEdits(value: string): Promise<Decoded> {
	const broken = {
		ok: false as const,
		message:
			'The project in this link could not be read (it may have been cut short). Nothing was changed.'
	};
	if (value.length > MAX_LINK_CHARS * 2) return broken;
	try {
		const bytes = await pipe(fromBase64Url(value), new DecompressionStream('deflate-raw'));
		const parsed = editsSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
		return parsed.success ? { ok: true, edits: parsed.data.files } : broken;
	} catch {
		return broken;
	}
}

/** The `project` value in a URL's hash (`#project=…`), if any. */
export function projectFromHash(hash: string): string | null {
	return new URLSearchParams(hash.replace(/^#/, '')).get(PROJECT_PARAM);
}

/** This page's address with the project in its hash. */
export function linkFor(href: string, value: string): string {
	const url = new URL(href);
	url.hash = `${PROJECT_PARAM}=${value}`;
	return url.toString();
}
