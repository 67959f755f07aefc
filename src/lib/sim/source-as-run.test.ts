/**
 * The inspector's "View code" shows the file as it ran: after the student edits a view line or a
 * urls.py, the next request's hops carry the edited text with the lines counted in it; requests
 * on the project's own files carry no text (the page shows its own copy).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSite, Visitor } from './mysite/test-site';
import { projectSources } from './mysite/sources';
import { linesIn } from './source-as-run';
import type { Site } from './site';
import type { SourceRef, Trace } from './types';

const VIEWS = 'blog/views.py';
const ACCOUNT_URLS = 'accounts/urls.py';
const MODEL_LINE = 'model = Post  # newest first, as Post.Meta.ordering says';
const JOIN_LINE = 'queryset = Post.objects.select_related("author")';

const sourcesIn = (trace: Trace, file: string): SourceRef[] =>
	trace.hops.flatMap((h) => (h.detail.source?.file === file ? [h.detail.source] : []));
const lineAt = (text: string, n: number) => text.split('\n')[n - 1].trim();

describe('linesIn', () => {
	const before = 'a\nb\nc\nd\ne';
	it('keeps lines before the change and shifts the ones after it', () => {
		expect(linesIn(before, 'a\nnew\nnew\nb\nc\nd\ne', [1, 2, 5])).toEqual([1, 4, 7]);
		expect(linesIn(before, 'a\nc\nd\ne', [1, 3, 5])).toEqual([1, 2, 4]);
	});
	it('a line rewritten in place is the one in its place; a line removed is left out', () => {
		expect(linesIn(before, 'a\nB\nc\nd\ne', [2])).toEqual([2]);
		expect(linesIn(before, 'a\nx\nd\ne', [2, 4])).toEqual([3]);
	});
	it('finds a line that moved inside the changed part by its text', () => {
		expect(linesIn(before, 'a\nx\n  c\nb2\ny\nz\ne', [3])).toEqual([3]);
	});
});

describe('a hop shows its source as it ran', () => {
	let site: Site;
	let visit: Visitor;
	beforeAll(async () => {
		site = await makeSite();
		visit = new Visitor(site);
	});

	it("the project's own files: no text in the trace, the lines as counted in the file", async () => {
		const page = await visit.get('/blog/');
		const refs = sourcesIn(page.trace, VIEWS);
		expect(refs.length).toBeGreaterThan(0);
		for (const ref of refs) expect(ref.text).toBeUndefined();
		const ran = refs.filter((r) => lineAt(projectSources[VIEWS], r.lines[0]) === MODEL_LINE);
		expect(ran).toHaveLength(1);
	});

	it('an edited view line: the edited file, with the line that ran marked in it', async () => {
		const edited = projectSources[VIEWS].replace(MODEL_LINE, JOIN_LINE);
		await site.reload({ [VIEWS]: edited });
		const page = await visit.get('/blog/');
		const refs = sourcesIn(page.trace, VIEWS);
		for (const ref of refs) expect(ref.text).toBe(edited);
		expect(refs.length).toBeGreaterThan(0);
		const ran = refs.filter((r) => lineAt(edited, r.lines[0]) === JOIN_LINE);
		expect(ran).toHaveLength(1);
		// Another file that ran in the same request is the project's own.
		await site.reload({});
		const again = await visit.get('/blog/');
		for (const ref of sourcesIn(again.trace, VIEWS)) expect(ref.text).toBeUndefined();
	});

	it('an edited urls.py: the line of the pattern that ran, found where it moved', async () => {
		const login = 'path("login/", auth_views.LoginView.as_view(), name="login"),';
		const edited = projectSources[ACCOUNT_URLS].replace(
			'urlpatterns = [\n',
			'urlpatterns = [\n    path("signup/", views.profile, name="signup"),\n'
		);
		expect(edited).not.toBe(projectSources[ACCOUNT_URLS]);
		const report = await site.reload({ [ACCOUNT_URLS]: edited });
		expect(report.problem).toBeUndefined();
		const page = await visit.get('/accounts/login/');
		expect(page.status).toBe(200);
		const [ref] = sourcesIn(page.trace, ACCOUNT_URLS);
		expect(ref.text).toBe(edited);
		expect(lineAt(edited, ref.lines[0])).toBe(login);
		await site.reload({});
	});
});
