/**
 * The inspector's "View code" shows the code as each request ran it: a request sent before the
 * student edits blog/views.py shows the project's own line, one sent after shows the edited file
 * (and says so), whichever order they are opened in.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, SITE } from './helpers';
import { test } from '@playwright/test';
import type { PlayerController } from '../../src/lib/player/player.svelte';
import type { Trace } from '../../src/lib/sim/types';

const MODEL_LINE = 'model = Post  # newest first, as Post.Meta.ordering says';
const JOIN_LINE = 'queryset = Post.objects.select_related("author")';

/** Sends GET /blog/ from the page and returns the trace the player got for it. */
async function sendBlogList(page: Page): Promise<Trace> {
	return page.evaluate(async (url) => {
		const player = (window as unknown as { requestFlowPlayer: PlayerController }).requestFlowPlayer;
		const response = await fetch(url);
		const id = response.headers.get('X-Trace-Id');
		let trace: Trace | null = null;
		player.onHop((change) => {
			if (change.trace?.id === id) trace = change.trace;
		})();
		if (!trace) throw new Error(`the player does not show trace ${id}`);
		return trace;
	}, `${SITE}/blog/`);
}

/** Shows the hop where PostListView's queryset line ran, and its View code tab. */
async function openQuerysetLine(page: Page, trace: Trace) {
	const hop = trace.hops.find(
		(h) => h.detail.source?.symbol === 'PostListView' && h.summary.startsWith('ListView lists')
	)!;
	await page.evaluate(
		([id, index]) =>
			(window as unknown as { requestFlowPlayer: PlayerController }).requestFlowPlayer.goto(
				id,
				index
			),
		[trace.id, hop.index] as const
	);
	const player = page.getByRole('region', { name: 'Request player' });
	await expect(player.locator('[aria-live="polite"]')).toContainText(hop.summary);
	const tab = player
		.getByRole('tablist', { name: 'What crossed this hop' })
		.getByRole('tab', { name: 'View code' });
	await tab.click();
	await expect(tab).toHaveAttribute('aria-selected', 'true');
	return player.getByRole('tabpanel', { name: 'View code' });
}

test('View code shows the view as each request ran it, before and after an edit', async ({
	page
}) => {
	await openPlayground(page);
	const before = await sendBlogList(page);

	const edit = page.getByRole('region', { name: 'Change the project' });
	// blog/views.py in the file tree (its folder is open by default).
	await edit
		.getByRole('navigation', { name: 'Project files' })
		.locator('details', { has: page.locator('summary:text-is("blog/")') })
		.first()
		.getByRole('button', { name: /^views\.py/ })
		.first()
		.click();
	await expect(edit.locator('.file-name code')).toHaveText('blog/views.py');
	await edit.getByLabel('The PostListView line').selectOption(JOIN_LINE);
	await edit.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(edit.getByRole('status').last()).toContainText('The server reloaded');

	const after = await sendBlogList(page);
	let code = await openQuerysetLine(page, after);
	await expect(code.getByTestId('edited-source')).toContainText(
		'This request ran your edited blog/views.py'
	);
	await expect(code.locator('.row.ran')).toHaveCount(1);
	await expect(code.locator('.row.ran')).toContainText(JOIN_LINE);

	// The request from before the edit still shows the project's own line.
	code = await openQuerysetLine(page, before);
	await expect(code.locator('.row.ran')).toContainText(MODEL_LINE);
	await expect(code.getByTestId('edited-source')).toHaveCount(0);
	await expect(code.getByText(JOIN_LINE)).toHaveCount(0);
});
