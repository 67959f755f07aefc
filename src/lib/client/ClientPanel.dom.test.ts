import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ClientPanel from './ClientPanel.svelte';
import { CookieJar } from './cookie-jar';
import { RequestHistory } from './history.svelte';

function setup() {
	const jar = new CookieJar();
	const history = new RequestHistory();
	render(ClientPanel, { jar, history, ready: () => Promise.resolve() });
	return { jar, history };
}

describe('ClientPanel (jsdom)', () => {
	it('follows the WAI-ARIA tabs pattern: one tab in the tab order, arrows move between tabs', async () => {
		setup();
		const tabs = screen.getAllByRole('tab');
		expect(tabs.map((t) => t.textContent)).toEqual([
			'Browser',
			'API console',
			'Cookies',
			'History',
			'Inbox'
		]);
		expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1']);
		expect(screen.getByRole('tabpanel')).toBe(
			document.getElementById(tabs[0].getAttribute('aria-controls')!)
		);
		tabs[0].focus();
		await fireEvent.keyDown(tabs[0], { key: 'ArrowLeft' });
		expect(document.activeElement).toBe(tabs[4]);
		expect(tabs[4].getAttribute('aria-selected')).toBe('true');
		await fireEvent.keyDown(tabs[4], { key: 'Home' });
		expect(document.activeElement).toBe(tabs[0]);
		await fireEvent.keyDown(tabs[0], { key: 'ArrowRight' });
		expect(screen.getByRole('tabpanel', { name: 'API console' })).toBeTruthy();
		expect(screen.getByRole('combobox', { name: 'Method' })).toBeTruthy();
		expect(screen.getByRole('textbox', { name: 'URL' })).toBeTruthy();
	});

	it('shows the jar live, flags in words, and clears it', async () => {
		const { jar } = setup();
		await fireEvent.click(screen.getByRole('tab', { name: 'Cookies' }));
		expect(screen.getByText(/No cookies yet/)).toBeTruthy();
		jar.store('https://mysite.test/accounts/login/', [
			'sessionid=abc; HttpOnly; Path=/; SameSite=Lax; Max-Age=1209600'
		]);
		const row = (await screen.findByRole('rowheader', { name: 'sessionid' })).closest('tr')!;
		expect(row.textContent).toContain('HttpOnly');
		expect(row.textContent).toContain('SameSite=Lax');
		expect(row.textContent).toContain('in 14 days');
		jar.store('https://mysite.test/', ['csrftoken=t; Path=/']);
		await fireEvent.click(await screen.findByRole('button', { name: 'Delete cookie csrftoken' }));
		await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'csrftoken' })).toBeNull());
		expect(jar.list().map((c) => c.name)).toEqual(['sessionid']);
		await fireEvent.click(screen.getByRole('button', { name: 'Clear cookies' }));
		expect(await screen.findByText(/No cookies yet/)).toBeTruthy();
		expect(jar.list()).toEqual([]);
	});

	it("shows another site's cookies beside mysite's, under their own domain", async () => {
		const { jar } = setup();
		await fireEvent.click(screen.getByRole('tab', { name: 'Cookies' }));
		jar.store('https://mysite.test/', ['sessionid=abc; HttpOnly; Path=/; SameSite=Lax']);
		jar.store('https://id.example.test/login', [
			'exampleid_session=xyz; Max-Age=28800; Path=/; Secure; HttpOnly; SameSite=Lax'
		]);
		const other = await screen.findByRole('region', { name: 'Cookie list for id.example.test' });
		expect(other.textContent).toContain('exampleid_session');
		expect(other.textContent).toContain('id.example.test');
		const own = screen.getByRole('region', { name: 'Cookie list' });
		expect(own.textContent).toContain('sessionid');
		expect(own.textContent).not.toContain('exampleid_session');
		await fireEvent.click(
			screen.getByRole('button', { name: 'Delete cookie exampleid_session of id.example.test' })
		);
		await waitFor(() =>
			expect(screen.queryByRole('region', { name: 'Cookie list for id.example.test' })).toBeNull()
		);
	});

	it('flags invalid JSON in the console before sending', async () => {
		setup();
		await fireEvent.click(screen.getByRole('tab', { name: 'API console' }));
		await fireEvent.change(screen.getByRole('combobox', { name: 'Preset' }), {
			target: { value: 'order-invalid-json' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Use preset' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Send' }));
		const alert = await screen.findByRole('alert');
		expect(alert.textContent).toMatch(/not valid JSON.*line 4, column 1/);
		expect(screen.getByRole('button', { name: 'Send anyway' })).toBeTruthy();
	});
});
