/**
 * MSW's cookie store reads `localStorage` as soon as msw loads. In a cross-origin iframe whose
 * browser blocks third-party storage (an instructor's embed), merely reading `window.localStorage`
 * throws a SecurityError, and the whole simulation would fail to start. We never use MSW's cookie
 * store (the simulated browser keeps its own jar), so where storage is denied we give the page an
 * in-memory stand-in before msw loads. Lesson progress reads storage through its own guarded code.
 */
export function guardLocalStorage(): boolean {
	if (typeof window === 'undefined') return false;
	try {
		void window.localStorage;
		return false;
	} catch {
		const items = new Map<string, string>();
		const memory: Storage = {
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
