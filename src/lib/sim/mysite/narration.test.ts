/**
 * What the student reads in the trace: Python names declared in the code (never a class's
 * JavaScript name, which a production build minifies), ORM expressions as the Python reads,
 * the password check, and every template a page used.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../site';
import type { Trace } from '../types';
import { makeSite, Visitor } from './test-site';

let site: Site;
beforeAll(async () => {
	site = await makeSite();
});
beforeEach(async () => {
	await site.reset();
});

const text = (trace: Trace) => JSON.stringify(trace);

describe('the narration names what the Python names', { timeout: 30_000 }, () => {
	it('says PostListView (a ListView) and PostForm, from declared names', async () => {
		const alice = new Visitor(site);
		await alice.login('alice');
		const list = await alice.get('/blog/');
		expect(text(list.trace)).toContain('PostListView (a ListView) renders');
		const form = await alice.get('/blog/new/');
		expect(text(form.trace)).toContain('<PostForm bound=False');
		const invalid = await alice.post('/blog/new/', { title: '', body: '' });
		expect(text(invalid.trace)).toContain('PostForm has errors');
	});

	it('shows the API’s lookup as Post.objects.all().get(pk=1), not .all().all()', async () => {
		const page = await new Visitor(site).get('/api/posts/1/');
		expect(text(page.trace)).toContain('Post.objects.all().get(pk=1)');
		expect(text(page.trace)).not.toContain('.all().all()');
	});

	it('narrates the password check: pbkdf2_sha256, its iterations, match or not', async () => {
		const bob = new Visitor(site);
		await bob.get('/accounts/login/');
		const wrong = await bob.post('/accounts/login/', { username: 'bob', password: 'nope' });
		expect(text(wrong.trace)).toContain(
			'check_password(): hashes the typed password with pbkdf2_sha256, 1,000,000 iterations'
		);
		expect(text(wrong.trace)).toContain('they differ');
	});

	it('lists every template used on both template hops (the page and base.html)', async () => {
		const page = await new Visitor(site).get('/blog/1/');
		const used = page.trace.hops
			.filter((hop) => hop.detail.template)
			.map((hop) => hop.detail.template?.used);
		expect(used).toEqual([
			['blog/post_detail.html', 'base.html'],
			['blog/post_detail.html', 'base.html']
		]);
	});
});
