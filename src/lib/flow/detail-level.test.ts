import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { nodeSite } from '$lib/mocks/node';
import type { Trace } from '$lib/sim/types';
import {
	groupsAt,
	nodesReached,
	recordedCount,
	recordedHopIndex,
	relevel,
	shownCount,
	shownHopIndex,
	traceAt,
	type ShownHop
} from './detail-level';
import { playerMachine, type PlayerInput } from './player.machine';
import { currentOf, statusOf } from './player.selectors';
import { HOP_DURATION_MS } from './speed';
import { SHORT_PATH, makeTrace } from './testing';

const traces: Record<string, Trace> = {};

beforeAll(async () => {
	const site = await nodeSite();
	for (const [method, path] of [
		['GET', '/'],
		['GET', '/blog/'],
		['GET', '/blog'],
		['GET', '/static/blog/style.css'],
		['DELETE', '/api/posts/1/']
	]) {
		const { trace } = await site.handle({
			method,
			url: `https://mysite.test${path}`,
			headers: [],
			body: new Uint8Array()
		});
		traces[`${method} ${path}`] = trace;
	}
}, 60_000);

const count = (key: string, level: Parameters<typeof traceAt>[1]) =>
	traceAt(traces[key], level).hops.length;

describe('the hops shown at each level of detail', () => {
	it('shows GET / in 7 hops at overview, 14 inside Django, all 26 with everything', () => {
		expect(traces['GET /'].hops).toHaveLength(26);
		expect(count('GET /', 'overview')).toBe(7);
		expect(count('GET /', 'django')).toBe(14);
		expect(traceAt(traces['GET /'], 'everything')).toBe(traces['GET /']);
	});

	it('folds the whole of Django into one hop at overview, whatever happened inside', () => {
		for (const key of ['GET /blog/', 'GET /blog', 'DELETE /api/posts/1/'])
			expect(count(key, 'overview'), key).toBe(7);
		const shown = traceAt(traces['GET /blog/'], 'overview');
		expect(shown.hops.map((h) => `${h.from}>${h.to}`)).toEqual([
			'browser>web-server',
			'web-server>app-server',
			'app-server>middleware',
			'middleware>middleware',
			'middleware>app-server',
			'app-server>web-server',
			'web-server>browser'
		]);
		expect(shown.hops.map((h) => h.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	it('says in plain words what happened inside Django', () => {
		const inside = traceAt(traces['GET /blog/'], 'overview').hops[3] as ShownHop;
		expect(inside.summary).toBe(
			'Inside Django: its middleware checked the request, the URL resolver chose the view blog.views.PostListView, the model asked the database 4 questions in SQL and the template blog/post_list.html made the HTML.'
		);
		expect(inside.inner).toHaveLength(43 - 6);
		// The inspector still reaches every recorded hop, and shows the most telling one first.
		expect(inside.detail.template?.name).toBe('blog/post_list.html');
		const notFound = traceAt(traces['GET /blog'], 'overview').hops[3];
		expect(notFound.summary).toContain('no URL pattern matched /blog');
	});

	it('folds each run of middleware into one step each way inside Django', () => {
		const shown = traceAt(traces['GET /'], 'django');
		const folded = shown.hops.filter((h) => (h as ShownHop).inner);
		expect(folded.map((h) => h.summary)).toEqual([
			'The request passes 7 middleware: SecurityMiddleware, SessionMiddleware, CommonMiddleware, CsrfViewMiddleware, AuthenticationMiddleware, MessageMiddleware and XFrameOptionsMiddleware.',
			'The response passes back 7 middleware: XFrameOptionsMiddleware, MessageMiddleware, AuthenticationMiddleware, CsrfViewMiddleware, CommonMiddleware, SessionMiddleware and SecurityMiddleware.'
		]);
		// The queries stay: the view, the model and the database are what this level is about.
		expect(count('GET /blog/', 'django')).toBe(43 - 12);
		// A lone middleware step (the CSRF check after the URL resolver) is not folded.
		expect(count('DELETE /api/posts/1/', 'django')).toBe(28 - 12);
	});

	it('leaves a request nginx answers alone at every level', () => {
		for (const level of ['overview', 'django'] as const)
			expect(traceAt(traces['GET /static/blog/style.css'], level)).toBe(
				traces['GET /static/blog/style.css']
			);
	});

	it('maps positions between the recorded hops and the shown ones', () => {
		const trace = traces['GET /'];
		expect(groupsAt(trace, 'overview')[3]).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));
		// In the middle of the middleware, the overview is at its Django hop.
		expect(shownCount(trace, 'overview', 10)).toBe(4);
		// The Django hop, arrived, stands for the recorded hops up to the last middleware.
		expect(recordedCount(trace, 'overview', 4)).toBe(23);
		expect(shownCount(trace, 'overview', 26)).toBe(7);
		expect(recordedCount(trace, 'overview', 7)).toBe(26);
		expect(shownCount(trace, 'overview', 0)).toBe(0);
	});

	it('names the nodes a folded hop reaches, for pause points', () => {
		const inside = traceAt(traces['GET /'], 'overview').hops[3];
		expect(new Set(nodesReached(inside))).toEqual(
			new Set(['url-resolver', 'view', 'template', 'middleware'])
		);
		expect(nodesReached(traces['GET /'].hops[4])).toEqual([]);
	});

	it('keeps the same moment when the level changes, and each trace after the one before', () => {
		const a = traces['GET /'];
		const b = traces['GET /blog'];
		const entries = [
			{ trace: a, source: a, startTick: 0 },
			{ trace: b, source: b, startTick: 26 }
		];
		const at = relevel(entries, 26 + 10, 'everything', 'overview', b.id);
		expect(at.entries.map((e) => [e.trace.hops.length, e.startTick])).toEqual([
			[7, 0],
			[7, 7]
		]);
		expect(at.tick).toBe(7 + 4);
		const back = relevel(at.entries, at.tick, 'overview', 'everything', b.id);
		expect(back.entries.map((e) => e.startTick)).toEqual([0, 26]);
		expect(back.tick).toBe(26 + 19);
	});
});

describe('the player at a level of detail', () => {
	const start = (input: PlayerInput = {}) => {
		const actor = createActor(playerMachine, {
			input: { now: () => 0, autoplay: false, ...input }
		});
		actor.start();
		return actor;
	};

	it('plays the shown hops, switches level mid-way and still delivers at the browser', () => {
		const actor = start({ detail: 'overview' });
		let delivered = 0;
		actor.send({ type: 'trace.add', trace: traces['GET /'], deliver: () => delivered++ });
		for (let i = 0; i < 4; i++) actor.send({ type: 'playback.stepForward' });
		expect(currentOf(actor.getSnapshot())?.hop.summary).toMatch(/^Inside Django/);
		actor.send({ type: 'detail.set', detail: 'everything' });
		expect(currentOf(actor.getSnapshot())?.hop.index).toBe(22);
		expect(delivered).toBe(0);
		for (let i = 0; i < 3; i++) actor.send({ type: 'playback.stepForward' });
		expect(delivered).toBe(1);
		expect(statusOf(actor.getSnapshot())).toBe('done');
		actor.send({ type: 'detail.set', detail: 'django' });
		expect(actor.getSnapshot().context.entries[0].trace.hops).toHaveLength(14);
		expect(statusOf(actor.getSnapshot())).toBe('done');
	});

	it('pauses once per request at a pause point, however often the packet comes back', () => {
		vi.useFakeTimers();
		try {
			const actor = createActor(playerMachine, {
				input: { now: () => Date.now(), breakpoints: ['web-server'] }
			});
			actor.start();
			// browser → web → app → web → app → web → browser: three arrivals at the web server.
			const path = [...SHORT_PATH.slice(0, 4), 'app-server', 'web-server', 'browser'] as const;
			actor.send({ type: 'trace.add', trace: makeTrace('twice', [...path]) });
			const stops: number[] = [];
			for (let i = 0; i < 20 && statusOf(actor.getSnapshot()) !== 'done'; i++) {
				if (statusOf(actor.getSnapshot()) === 'paused') {
					stops.push(currentOf(actor.getSnapshot())!.hop.index);
					actor.send({ type: 'playback.play' });
				}
				vi.advanceTimersByTime(HOP_DURATION_MS.normal);
			}
			expect(stops).toEqual([0]);
			expect(statusOf(actor.getSnapshot())).toBe('done');
			// Played again from the start, it stops there again.
			actor.send({ type: 'playback.play' });
			vi.advanceTimersByTime(HOP_DURATION_MS.normal);
			expect(statusOf(actor.getSnapshot())).toBe('paused');
			actor.stop();
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('a hop named in a link, at any level of detail', () => {
	const LEVELS = ['overview', 'django', 'everything'] as const;

	it('reads back as the same shown hop at the level it was made at', () => {
		const trace = traces['GET /blog/'];
		for (const level of LEVELS) {
			const shown = traceAt(trace, level);
			shown.hops.forEach((_hop, i) => {
				const recorded = recordedHopIndex(shown, i);
				expect(recorded, `${level} ${i}`).toBeLessThan(trace.hops.length);
				expect(shownHopIndex(trace, level, recorded), `${level} ${i}`).toBe(i);
			});
		}
	});

	it('lands on the hop that holds the same recorded hop at another level', () => {
		const trace = traces['GET /blog/'];
		// The view's call to the template engine, made at "Inside Django", opened at the others.
		const django = traceAt(trace, 'django');
		const i = django.hops.findIndex((h) => h.to === 'template');
		expect(i).toBeGreaterThan(0);
		const recorded = recordedHopIndex(django, i);
		expect(trace.hops[recorded].to).toBe('template');
		expect(trace.hops[shownHopIndex(trace, 'everything', recorded)]).toBe(trace.hops[recorded]);
		// At the overview, Django is one box: the link lands on the hop that stands for its inside.
		const overview = traceAt(trace, 'overview');
		const there = overview.hops[shownHopIndex(trace, 'overview', recorded)] as ShownHop;
		expect(there.inner).toContain(trace.hops[recorded]);
		// Not on the hop of the same number, which is elsewhere in the journey.
		expect(shownHopIndex(trace, 'overview', recorded)).not.toBe(i);
	});

	it('keeps the number of a link made at everything (links made before levels existed)', () => {
		const trace = traces['GET /blog/'];
		trace.hops.forEach((_hop, i) => {
			expect(recordedHopIndex(trace, i)).toBe(i);
			expect(shownHopIndex(trace, 'everything', i)).toBe(i);
		});
	});
});
