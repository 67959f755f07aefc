/**
 * Progress where the browser keeps nothing, and progress files too large to read: the student is
 * told, at once, instead of losing progress silently or waiting on a frozen page.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardLocalStorage } from '$lib/mocks/storage-guard';
import ProgressNotice from './ProgressNotice.svelte';
import ProgressTools from './ProgressTools.svelte';
import { ProgressStore } from './progress.svelte';
import { MAX_PROGRESS_FILE_BYTES, browserStorage } from './progress-storage';

const real = Object.getOwnPropertyDescriptor(window, 'localStorage');

afterEach(() => {
	cleanup();
	if (real) Object.defineProperty(window, 'localStorage', real);
});

/** A browser with site data disabled: merely reading `localStorage` throws. */
function disableStorage() {
	Object.defineProperty(window, 'localStorage', {
		configurable: true,
		get() {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		}
	});
}

describe('progress where storage is disabled', () => {
	it('is not fooled by the in-memory stand-in the simulation installs for MSW', () => {
		disableStorage();
		expect(guardLocalStorage()).toBe(true);
		// The stand-in answers like storage, but keeps nothing past the page.
		expect(() => window.localStorage.setItem('x', '1')).not.toThrow();
		expect(browserStorage()).toBeNull();
		const progress = new ProgressStore();
		expect(progress.notice).toEqual({ kind: 'unavailable' });
		render(ProgressNotice, { props: { progress } });
		expect(screen.getByRole('status').textContent).toContain('Your progress will not be kept.');
	});

	it('uses real storage where there is some', () => {
		expect(browserStorage()).toBe(window.localStorage);
		const progress = new ProgressStore();
		expect(progress.notice).toBeNull();
	});
});

describe('importing a progress file', () => {
	it('refuses a file over 1 MB at once, without reading it', async () => {
		const progress = new ProgressStore();
		render(ProgressTools, { props: { progress } });
		const file = new File(['{}'], 'huge.json', { type: 'application/json' });
		Object.defineProperty(file, 'size', { value: 30 * 1024 * 1024 });
		const read = vi.spyOn(file, 'text');
		const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
		Object.defineProperty(input, 'files', { value: [file], configurable: true });
		await fireEvent.change(input);
		expect(read).not.toHaveBeenCalled();
		const message = document.querySelector('[aria-live="polite"]')!.textContent;
		expect(message).toContain('30.0 MB');
		expect(message).toContain('Nothing was changed.');
	});

	it('still reads a file within the limit', async () => {
		const progress = new ProgressStore();
		render(ProgressTools, { props: { progress } });
		const text = JSON.stringify({ version: 1, lessons: {} });
		const file = new File([text], 'progress.json', { type: 'application/json' });
		expect(file.size).toBeLessThan(MAX_PROGRESS_FILE_BYTES);
		const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
		Object.defineProperty(input, 'files', { value: [file], configurable: true });
		await fireEvent.change(input);
		await vi.waitFor(() =>
			expect(document.querySelector('[aria-live="polite"]')!.textContent).toContain(
				'Imported progress for 0 lesson(s).'
			)
		);
	});
});
