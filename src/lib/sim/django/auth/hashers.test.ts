import { describe, expect, it, vi } from 'vitest';
import {
	checkPassword,
	constantTimeCompare,
	decodePassword,
	DEMO_ITERATIONS,
	isPasswordUsable,
	makePassword,
	makeSalt,
	mustUpdate,
	RANDOM_STRING_CHARS,
	UNUSABLE_PASSWORD_PREFIX
} from './hashers';

describe('PBKDF2 hasher, checked against Django', () => {
	it("reproduces Django 4.1's test_pbkdf2 (390,000 iterations)", async () => {
		// tests/auth_tests/test_hashers.py: make_password("lètmein", "seasalt", "pbkdf2_sha256")
		const encoded = await makePassword('lètmein', 'seasalt', 390_000);
		expect(encoded).toBe(
			'pbkdf2_sha256$390000$seasalt$8xBlGd3jVgvJ+92hWPxi5ww0uuAuAnKgC45eudxro7c='
		);
		expect(await checkPassword('lètmein', encoded)).toBe(true);
		expect(await checkPassword('lètmeinz', encoded)).toBe(false);
	});

	it("reproduces Django's test_low_level_pbkdf2 (30,000 iterations, older Django)", async () => {
		expect(await makePassword('lètmein', 'seasalt2', 30_000)).toBe(
			'pbkdf2_sha256$30000$seasalt2$a75qzbogeVhNFeMqhdgyyoqGKpIzYUo651sq57RERew='
		);
	});

	it("matches Django 5.2's 1,000,000 iterations (Python's hashlib.pbkdf2_hmac gives the same)", async () => {
		// python3 -c "import hashlib,base64; print(base64.b64encode(hashlib.pbkdf2_hmac(
		//   'sha256', 'lètmein'.encode(), b'seasalt', 1000000)).decode())"
		expect(await makePassword('lètmein', 'seasalt', 1_000_000)).toBe(
			'pbkdf2_sha256$1000000$seasalt$r1uLUxoxpP2Ued/qxvmje7UH9PUJBkRrvf9gGPL7Cps='
		);
		expect(DEMO_ITERATIONS).toBe(1_000_000);
	});

	it('handles blank passwords as Django does', async () => {
		const blank = await makePassword('', 'seasalt', 1000);
		expect(blank.startsWith('pbkdf2_sha256$')).toBe(true);
		expect(isPasswordUsable(blank)).toBe(true);
		expect(await checkPassword('', blank)).toBe(true);
		expect(await checkPassword(' ', blank)).toBe(false);
	});

	it('makes a 22-character salt from Django’s alphabet, different every time', async () => {
		const salt = makeSalt();
		expect(salt).toHaveLength(22);
		expect([...salt].every((c) => RANDOM_STRING_CHARS.includes(c))).toBe(true);
		expect(makeSalt()).not.toBe(salt);
		const encoded = await makePassword('wonderland', undefined, 1000);
		const decoded = decodePassword(encoded);
		expect(decoded?.salt).toHaveLength(22);
		expect(decoded?.iterations).toBe(1000);
	});

	it('makes unusable passwords that never check', async () => {
		const encoded = await makePassword(null);
		expect(encoded).toHaveLength(41);
		expect(encoded.startsWith(UNUSABLE_PASSWORD_PREFIX)).toBe(true);
		expect(isPasswordUsable(encoded)).toBe(false);
		expect(await checkPassword(null, encoded)).toBe(false);
		expect(await checkPassword(encoded, encoded)).toBe(false);
		expect(await checkPassword('', encoded)).toBe(false);
		expect(await makePassword(null)).not.toBe(encoded);
	});

	it('rejects malformed hashes and knows when a hash is outdated', async () => {
		expect(await checkPassword('x', 'lètmein_badencoded')).toBe(false);
		expect(await checkPassword('x', 'md5$seasalt$3f86d0d3d465b7b458c231bf3555c0e3')).toBe(false);
		expect(mustUpdate('pbkdf2_sha256$390000$seasalt$x')).toBe(true);
		// "seasalt" has 7 × 5.95 bits of entropy, under Django's 128: must update too.
		expect(mustUpdate('pbkdf2_sha256$1000000$seasalt$x')).toBe(true);
		expect(mustUpdate(`pbkdf2_sha256$1000000$${'a'.repeat(22)}$x`)).toBe(false);
	});

	it('re-hashes an outdated hash on a right password, and hardens the runtime on a wrong one', async () => {
		const old = await makePassword('lètmein', 'seasalt', 1000);
		const upgraded: string[] = [];
		expect(await checkPassword('lètmein', old, (p) => void upgraded.push(p))).toBe(true);
		expect(upgraded).toEqual(['lètmein']);
		const derive = vi.spyOn(crypto.subtle, 'deriveBits');
		expect(await checkPassword('wrong', old, (p) => void upgraded.push(p))).toBe(false);
		const counts = derive.mock.calls.map((call) => (call[0] as { iterations: number }).iterations);
		expect(counts).toEqual([1000, 999_000]);
		expect(upgraded).toHaveLength(1);
		derive.mockRestore();
	});

	it('compares in constant time', () => {
		expect(constantTimeCompare('abc', 'abc')).toBe(true);
		expect(constantTimeCompare('abc', 'abd')).toBe(false);
		expect(constantTimeCompare('abc', 'abcd')).toBe(false);
	});
});
