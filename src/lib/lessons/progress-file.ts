/**
 * The size limit on an imported progress file, checked before the file is read. Apart from
 * `progress-storage.ts` (which validates the file's contents with Zod, loaded only when a file is
 * imported) so the course map's import button costs the first paint nothing.
 */

/** Larger than any real progress file (a full course is a few kilobytes): refused unread. */
export const MAX_PROGRESS_FILE_BYTES = 1024 * 1024;

/** Why a file of `size` bytes is refused before it is read, or null when it may be read. */
export function progressFileTooLarge(size: number): string | null {
	if (size <= MAX_PROGRESS_FILE_BYTES) return null;
	const mb = (size / 1024 / 1024).toFixed(1);
	return `This file is ${mb} MB; a progress file is a few kilobytes (at most 1 MB), so it was not read. Nothing was changed.`;
}
