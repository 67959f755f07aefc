import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Hop } from '$lib/sim/types';
import SmtpTab from './SmtpTab.svelte';
import { pickTab, tabsFor } from './tabs';

const smtp = {
	transcript: [
		{ from: 'server' as const, line: '220 mail.mysite.test ESMTP Postfix' },
		{ from: 'client' as const, line: 'ehlo app.mysite.test' },
		{ from: 'client' as const, line: 'quit' }
	],
	message: 'Subject: Hi\nTo: alice@mysite.test\n\nHello, Alice.\n'
};

describe('the SMTP tab', () => {
	it('is the tab of a hop to the mail server', () => {
		const hop = { kind: 'request', detail: { smtp } } as unknown as Hop;
		expect(tabsFor(hop)).toEqual(['smtp']);
		expect(pickTab(hop, null)).toBe('smtp');
	});

	it('marks each line as the client’s or the server’s in text, and shows the message', () => {
		render(SmtpTab, { smtp });
		const items = screen
			.getAllByRole('listitem')
			.map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
		expect(items).toEqual([
			'S: 220 mail.mysite.test ESMTP Postfix',
			'C: ehlo app.mysite.test',
			'C: quit'
		]);
		expect(screen.getByRole('region', { name: 'The message' }).textContent).toContain(
			'Hello, Alice.'
		);
	});
});
