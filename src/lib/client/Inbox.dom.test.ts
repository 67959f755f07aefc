import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { MailServer } from '$lib/sim/outside/mail-server';
import Inbox from './Inbox.svelte';

const MESSAGE = [
	'Content-Type: text/plain; charset="utf-8"',
	'MIME-Version: 1.0',
	'Content-Transfer-Encoding: 7bit',
	'Subject: Password reset on mysite.test',
	'From: mysite <noreply@mysite.test>',
	'To: alice@mysite.test',
	'',
	'Please go to the following page and choose a new password:',
	'https://mysite.test/accounts/reset/MQ/abc-123/',
	''
].join('\r\n');

describe('Inbox (jsdom)', () => {
	it('lists a mailbox, shows a message with its headers, and opens its link', async () => {
		const server = new MailServer();
		const onopen = vi.fn();
		render(Inbox, { server, onopen });
		expect(screen.getByRole('status').textContent).toBe('No mail for alice@mysite.test yet.');
		server.converse(
			{
				clientName: 'app',
				from: 'noreply@mysite.test',
				to: ['alice@mysite.test'],
				message: MESSAGE
			},
			0
		);
		await fireEvent.click(screen.getByRole('button', { name: 'Check mail' }));
		await waitFor(() =>
			expect(screen.getByRole('status').textContent).toBe('1 message for alice@mysite.test.')
		);
		await fireEvent.click(screen.getByRole('button', { name: /Password reset on mysite\.test/ }));
		const article = screen.getByRole('article', { name: 'Message: Password reset on mysite.test' });
		expect(article.textContent).toContain('MIME-Version');
		const link = screen.getByRole('link', {
			name: 'https://mysite.test/accounts/reset/MQ/abc-123/'
		});
		await fireEvent.click(link);
		expect(onopen).toHaveBeenCalledWith('https://mysite.test/accounts/reset/MQ/abc-123/');
	});
});
