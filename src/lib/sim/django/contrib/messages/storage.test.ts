import { describe, expect, it } from 'vitest';
import { HttpResponse } from '../../http-response';
import type { HttpRequest } from '../../http-request';
import { makeSettings } from '../../settings';
import { markSafe } from '../../template/safe';
import { FallbackStorage } from './fallback-storage';
import { Message, SUCCESS, WARNING } from './message';
import { serializeMessages } from './session-storage';

const settings = makeSettings({
	SECRET_KEY: 'django-insecure-request-flow-demo-key-not-for-production'
});

/** A request with these cookies and a dict-like session that counts its reads. */
function fakeRequest(
	cookies: Record<string, string> = {},
	sessionData: Record<string, unknown> = {}
) {
	const data = { ...sessionData };
	const session = {
		reads: 0,
		data,
		get(name: string) {
			session.reads++;
			return data[name];
		},
		set(name: string, value: unknown) {
			data[name] = value;
		},
		pop(name: string) {
			session.reads++;
			const value = data[name];
			delete data[name];
			return value;
		}
	};
	return { request: { COOKIES: cookies, session } as unknown as HttpRequest, session };
}

async function storageFor(cookies: Record<string, string> = {}, sessionData = {}) {
	const made = fakeRequest(cookies, sessionData);
	const storage = new FallbackStorage(made.request, settings);
	await storage.prepare();
	return { storage, session: made.session };
}

/** The value Set-Cookie gives `messages`, or undefined. */
function messagesCookie(response: HttpResponse): string | undefined {
	return response.cookies.get('messages')?.value;
}

// Expected values computed with Python 3.11 from Django 5.2's algorithm (json.dumps with
// separators=(",", ":"), zlib.compress, urlsafe base64, salted_hmac SHA-256 with the key
// b"django.http.cookies" + SECRET_KEY and the salt "django.contrib.messagessigner").
const PLAIN =
	'W1siX19qc29uX21lc3NhZ2UiLDAsMjUsIllvdXIgY29tbWVudCB3YXMgcG9zdGVkLiIsIiJdXQ:TUmoK2WBUu8keFMxUjgjafRwMuJyytY80iT4en7s6ME';
const COMPRESSED_BY_PYTHON =
	'.eJwljUEOwiAQAL-y2TNxpYm32pMHH-CtNGSFLdhQMCIx_t6q18lMZhzR2qWWbFeplYOg0qo7KLxEgXupTzCt22vXM8SHzEeDxH69ZbqmEugrkCYXOQchg8NZUioKTssGSk88_GoPL67wtzzU5tz2mltK7x0qxGn6AKaTLFk:87prRDnuCjjlFLDZM_3ZUYdGSUVuNoLYEw0kD5uyOjY';
const FORTY_HI =
	'.eJyLjlaKj88qzs-Lz00tLk5MT1XSMdAxMtVR8shU0lFSitUZlR-VH5UflR-m8rEAENx4PA:ZuLi0aZb_9zK23pLejpRynmLr_8-1pBRDOKLfUObtVI';

describe('the messages cookie', () => {
	it('is the signed JSON Django writes, byte for byte', async () => {
		const { storage } = await storageFor();
		storage.add(SUCCESS, 'Your comment was posted.');
		const response = new HttpResponse();
		await storage.update(response);
		expect(messagesCookie(response)).toBe(PLAIN);
		expect(response.setCookieLines()).toEqual([
			`messages=${PLAIN}; HttpOnly; Path=/; SameSite=Lax`
		]);
	});

	it('is compressed (a leading dot) when zlib makes it shorter, as Django does', async () => {
		const { storage } = await storageFor();
		for (let i = 0; i < 40; i++) storage.add(SUCCESS, 'Hi');
		const response = new HttpResponse();
		await storage.update(response);
		expect(messagesCookie(response)).toBe(FORTY_HI);
	});

	it('reads a compressed cookie that real Django wrote, keeping a safe message safe', async () => {
		const { storage } = await storageFor({ messages: COMPRESSED_BY_PYTHON });
		const [message] = [...storage];
		expect(message.level).toBe(SUCCESS);
		expect(message.tags).toBe('success');
		expect(String(message)).toBe(
			'The post \u201c<a href="/admin/blog/post/1/change/">Hello, Django</a>\u201d was changed successfully.'
		);
		expect(message.__str__()).toEqual(markSafe(String(message)));
	});

	it('ignores a cookie whose signature does not match', async () => {
		const { storage } = await storageFor({ messages: PLAIN.slice(0, -2) + 'xx' });
		expect(storage.__len__()).toBe(0);
	});
});

describe('showing messages once', () => {
	it('keeps messages that no page has shown yet', async () => {
		const { storage } = await storageFor({ messages: PLAIN });
		expect(storage.__len__()).toBe(1); // `{% if messages %}` alone does not use them up
		const response = new HttpResponse();
		expect(await storage.update(response)).toBeUndefined();
		expect(response.cookies.has('messages')).toBe(false);
	});

	it('deletes the cookie once a page iterated over the messages', async () => {
		const { storage, session } = await storageFor({ messages: PLAIN });
		expect([...storage].map(String)).toEqual(['Your comment was posted.']);
		const response = new HttpResponse();
		await storage.update(response);
		expect(response.setCookieLines()).toEqual([
			'messages=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax'
		]);
		expect(session.reads).toBe(0);
	});

	it('never reads the session when there is no messages cookie', async () => {
		const { storage, session } = await storageFor();
		expect(storage.__len__()).toBe(0);
		expect([...storage]).toEqual([]);
		await storage.update(new HttpResponse());
		expect(session.reads).toBe(0);
	});

	it('drops messages below MESSAGE_LEVEL (INFO) and empty ones', async () => {
		const { storage } = await storageFor();
		storage.add(10, 'debugging');
		storage.add(SUCCESS, '');
		expect(storage.__len__()).toBe(0);
	});
});

describe('falling back to the session', () => {
	it('keeps what fits in 2048 bytes in the cookie and the rest in the session', async () => {
		const { storage, session } = await storageFor();
		// Random-looking text does not compress, so a few long messages overflow the cookie.
		let seed = 12345;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const long = () =>
			Array.from({ length: 600 }, () => Math.floor(random() * 36).toString(36)).join('');
		for (let n = 0; n < 5; n++) storage.add(WARNING, `${n}:${long()}`);
		const response = new HttpResponse();
		const unstored = await storage.update(response);
		expect(unstored).toEqual([]);
		const cookie = messagesCookie(response) ?? '';
		expect(cookie.length).toBeLessThanOrEqual(2048);
		const stored = session.data._messages as string;
		expect(stored.startsWith('[["__json_message", 0, 30, "')).toBe(true);

		// The next request reads the cookie (ending "not finished"), then the session.
		const next = await storageFor({ messages: cookie }, { _messages: stored });
		const shown = [...next.storage].map((m) => String(m).split(':')[0]);
		expect(shown).toEqual(['0', '1', '2', '3', '4']);
		const after = new HttpResponse();
		await next.storage.update(after);
		expect(after.cookies.get('messages')?.value).toBe('');
		expect(next.session.data._messages).toBeUndefined();
	});

	it('writes the session value as MessageEncoder().encode() does', () => {
		expect(serializeMessages([new Message(SUCCESS, 'Saved', '')])).toBe(
			'[["__json_message", 0, 25, "Saved", ""]]'
		);
	});
});
