/**
 * MSW's cookie store reads `localStorage` as soon as msw loads. In a cross-origin iframe whose
 * browser blocks third-party storage (an instructor's embed), merely reading `window.localStorage`
 * throws a SecurityError, and the whole simulation would fail to start. We never use MSW's cookie
 * store (the simulated browser keeps its own jar), so where storage is denied we give the page an
 * in-memory stand-in before msw loads. Lesson progress reads storage through its own guarded code,
 * and recognises the stand-in by `IN_MEMORY_STORAGE` (it keeps nothing past the page).
 */

/** The mark on the stand-in, a registered symbol so that code in any layer can check it. */
export const IN_MEMORY_STORAGE = Symbol.for('request-flow:in-memory-storage');

export function guardLocalStorage(): boolean {
	if (typeof window === 'undefined') return false;
	try {
		void window.localStorage;
		return false;
	} catch {
		const items = new Map<string, string>();
		const memory: Storage & { [IN_MEMORY_STORAGE]: true } = {
			[IN_MEMORY_STORAGE]: true,
			get length() {
				return items.size;
			},
			clear: () => items.clear(),
			getItem: (key) => items.get(String(key)) ?? null,
			key: (index) => [...items.keys()][index] ?? null,
			removeItem: (key) => void items.delete(String(key)),
			setItem: (key, value) => void items.set(String(key), String(value))
		};
		Object.defineProperty(window, 'localStorage', { value: memory, configurable: true });
		return true;
	}
}
