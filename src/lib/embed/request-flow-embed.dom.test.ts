/**
 * The host-page helper `static/request-flow-embed.js`: it must use messages only from the iframes
 * it manages, from the origin each was loaded from (a foreign iframe once resized itself to
 * 5000 px and forged a hop), and hand lesson statements to listeners.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

interface Api {
	on(verb: string, listener: (statement: unknown, frame: HTMLIFrameElement) => void): () => void;
	send(frame: HTMLIFrameElement, command: string | number): void;
	manage(frame: HTMLIFrameElement): void;
}
const helper = readFileSync('static/request-flow-embed.js', 'utf8');
const RF = 'https://rf.example';
let api: Api;

beforeAll(() => {
	Object.defineProperty(document, 'currentScript', {
		configurable: true,
		value: { src: `${RF}/request-flow-embed.js` }
	});
	new Function(helper)();
	api = (window as unknown as { RequestFlowEmbed: Api }).RequestFlowEmbed;
});

function frame(src: string): HTMLIFrameElement {
	const iframe = document.createElement('iframe');
	iframe.src = src;
	document.body.append(iframe);
	return iframe;
}

function post(from: HTMLIFrameElement, origin: string, data: unknown) {
	window.dispatchEvent(
		new MessageEvent('message', { data, origin, source: from.contentWindow as Window })
	);
}

const statement = {
	type: 'request-flow:statement',
	version: 1,
	verb: 'answered',
	verbId: 'http://adlnet.gov/expapi/verbs/answered',
	object: { lesson: 'first-request', lessonTitle: 'First', step: 2 },
	result: { response: [1], responseText: ['200'], success: true },
	timestamp: '2026-01-01T00:00:00.000Z'
};

describe('request-flow-embed.js', () => {
	beforeEach(() => document.body.replaceChildren());

	it('resizes and reports for its own iframes', () => {
		const ours = frame(`${RF}/embed/?lesson=first-request&step=2`);
		const heard = vi.fn();
		const stop = api.on('answered', heard);
		const all = vi.fn();
		const stopAll = api.on('*', all);
		post(ours, RF, { type: 'request-flow:resize', height: 640 });
		expect(ours.style.height).toBe('640px');
		post(ours, RF, statement);
		expect(heard).toHaveBeenCalledWith(statement, ours);
		expect(all).toHaveBeenCalledTimes(1);
		stop();
		stopAll();
		post(ours, RF, statement);
		expect(heard).toHaveBeenCalledTimes(1);
		expect(() => api.on('liked', () => {})).toThrow(/unknown event/);
	});

	it('ignores a foreign iframe, a forged origin and a window it does not manage', () => {
		const ours = frame(`${RF}/embed/`);
		const foreign = frame('https://ads.example/banner.html');
		const heard = vi.fn();
		const stop = api.on('*', heard);
		const hops = vi.fn();
		ours.addEventListener('request-flow:hop', hops);
		foreign.addEventListener('request-flow:hop', hops);
		const hop = { type: 'request-flow:hop', index: 1 };

		// The foreign iframe resizes itself and forges a hop and a statement.
		post(foreign, 'https://ads.example', { type: 'request-flow:resize', height: 5000 });
		post(foreign, 'https://ads.example', hop);
		post(foreign, 'https://ads.example', statement);
		expect(foreign.style.height).toBe('');
		// Our iframe's window, but navigated elsewhere (its origin is not the one it loaded).
		post(ours, 'https://ads.example', { type: 'request-flow:resize', height: 5000 });
		post(ours, 'https://ads.example', statement);
		// The page itself, not an iframe.
		window.dispatchEvent(
			new MessageEvent('message', { data: statement, origin: RF, source: window })
		);
		expect(ours.style.height).toBe('');
		expect(heard).not.toHaveBeenCalled();
		expect(hops).not.toHaveBeenCalled();

		// A height past any real page is refused even from our own iframe.
		post(ours, RF, { type: 'request-flow:resize', height: 50_000 });
		expect(ours.style.height).toBe('');
		post(ours, RF, hop);
		expect(hops).toHaveBeenCalledTimes(1);
		stop();
	});

	it('manages an iframe from another Request Flow host when asked, and sends to its origin only', () => {
		const mirror = frame('https://mirror.example/embed/');
		post(mirror, 'https://mirror.example', { type: 'request-flow:resize', height: 300 });
		expect(mirror.style.height).toBe('');
		api.manage(mirror);
		post(mirror, 'https://mirror.example', { type: 'request-flow:resize', height: 300 });
		expect(mirror.style.height).toBe('300px');

		const sent = vi
			.spyOn(mirror.contentWindow as Window, 'postMessage')
			.mockImplementation(() => {});
		api.send(mirror, 'back');
		api.send(mirror, 4);
		expect(sent.mock.calls).toEqual([
			[{ type: 'request-flow:step', direction: 'back' }, 'https://mirror.example'],
			[{ type: 'request-flow:goto', hop: 4 }, 'https://mirror.example']
		]);
	});
});
