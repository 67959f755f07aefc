import { describe, expect, it } from 'vitest';
import { decodeEdits, encodeEdits, linkFor, MAX_LINK_CHARS, projectFromHash } from './share-link';
import { parseEdits } from './edits-storage';

describe('share link', () => {
	it('carries edits through compression and base64url, and back', async () => {
		const edits = { 'templates/home.html': '<h1>Hi “there”</h1>\n{% now "Y" %}' };
		const encoded = await encodeEdits(edits);
		if (!encoded.ok) throw new Error(encoded.message);
		expect(encoded.value).toMatch(/^[A-Za-z0-9_-]+$/);
		const link = linkFor('https://example.org/playground/?x=1', encoded.value);
		expect(projectFromHash(new URL(link).hash)).toBe(encoded.value);
		expect(await decodeEdits(encoded.value)).toEqual({ ok: true, edits });
	});

	it('refuses a project too large for a link, saying how large', async () => {
		let text = '';
		for (let i = 0; text.length < 60_000; i++) text += Math.random().toString(36);
		const encoded = await encodeEdits({ 'templates/home.html': text });
		expect(encoded.ok).toBe(false);
		if (!encoded.ok)
			expect(encoded.message).toContain(`at most ${MAX_LINK_CHARS.toLocaleString('en')}`);
	});

	it('says so when a link is broken', async () => {
		expect((await decodeEdits('not-a-project')).ok).toBe(false);
	});

	it('reads saved edits only in the saved shape', () => {
		expect(parseEdits('{"version":1,"files":{"a":"b"}}')).toEqual({ a: 'b' });
		expect(parseEdits('{"version":2,"files":{}}')).toBeNull();
		expect(parseEdits('{broken')).toBeNull();
	});
});
