import { afterEach, describe, expect, it } from 'vitest';
import { initialProject, settingsModule, storeProject, storedProject } from './project-choice';

/** A `localStorage` for Node, or one that refuses everything. */
function fakeStorage(refuse = false) {
	const items = new Map<string, string>();
	const storage = {
		getItem: (key: string) => {
			if (refuse) throw new Error('SecurityError');
			return items.get(key) ?? null;
		},
		setItem: (key: string, value: string) => {
			if (refuse) throw new Error('QuotaExceededError');
			items.set(key, value);
		}
	};
	Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
}

afterEach(() => {
	Reflect.deleteProperty(globalThis, 'localStorage');
});

describe("the playground's project", () => {
	it('is mysite.settings by default, and the one chosen last after that', () => {
		fakeStorage();
		expect(initialProject('')).toEqual({ project: 'mysite', fromLink: false });
		storeProject('full');
		expect(initialProject('?request=GET+/')).toEqual({ project: 'full', fromLink: false });
		expect(settingsModule('full')).toBe('mysite.settings_full');
	});

	it("takes a share link's project=, which wins over the stored choice", () => {
		fakeStorage();
		storeProject('full');
		expect(initialProject('?project=mysite')).toEqual({ project: 'mysite', fromLink: true });
		expect(initialProject('?project=nonsense')).toEqual({ project: 'full', fromLink: false });
	});

	it('works without storage (refused, private mode): the default, nothing kept', () => {
		fakeStorage(true);
		expect(() => storeProject('full')).not.toThrow();
		expect(storedProject()).toBeUndefined();
		expect(initialProject('')).toEqual({ project: 'mysite', fromLink: false });
	});
});
