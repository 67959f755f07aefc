/**
 * Levels of detail: the hops of a trace as a beginner, a Django learner or an expert wants to see
 * them. Pure functions of a `Trace`; the player plays the trace they return, so stepping,
 * narration, the timeline, pause points and exports all follow the level.
 *
 * - `overview`: browser, web server, application server and Django as one box. Everything that
 *   happens inside Django is one hop, whose summary says in plain words what happened there.
 * - `django`: the URL resolver, the view, the model, the database and the template inside Django;
 *   a run of middleware steps is folded into one step (one on the way in, one on the way out).
 * - `everything`: every hop as the simulated stack recorded it.
 *
 * A folded hop keeps the hops it stands for (`inner`), so the inspector can still show each one,
 * and its `detail` is the most telling inner hop's (the template, else the SQL, …).
 */
import { NODE_GROUP, isOutsideNode, type Hop, type NodeId, type Trace } from '$lib/sim/types';

export const DETAIL_LEVELS = ['overview', 'django', 'everything'] as const;
export type DetailLevel = (typeof DETAIL_LEVELS)[number];
export const DEFAULT_DETAIL: DetailLevel = 'everything';

export const DETAIL_LABEL: Readonly<Record<DetailLevel, string>> = {
	overview: 'Overview',
	django: 'Inside Django',
	everything: 'Everything'
};

export const DETAIL_HINT: Readonly<Record<DetailLevel, string>> = {
	overview: 'browser, web server, application server, Django as one box',
	django: 'URL resolver, view, model, template; middleware as one step',
	everything: 'every middleware step and every query'
};

export function isDetailLevel(value: unknown): value is DetailLevel {
	return typeof value === 'string' && (DETAIL_LEVELS as readonly string[]).includes(value);
}

/** A hop as shown at a level: a folded one lists the recorded hops it stands for. */
export interface ShownHop extends Hop {
	inner?: readonly Hop[];
}

/** The node that stands for all of Django when it is drawn as one box. */
export const DJANGO_BOX: NodeId = 'middleware';

/** The diagram's nodes at each level (`undefined`: all of them). */
export function nodesAt(level: DetailLevel): NodeId[] | undefined {
	return level === 'overview' ? ['browser', 'web-server', 'app-server', DJANGO_BOX] : undefined;
}

const insideDjango = (hop: Hop) =>
	NODE_GROUP[hop.from] === 'django' && NODE_GROUP[hop.to] === 'django';

const isMiddlewareStep = (hop: Hop) =>
	hop.kind === 'middleware' && hop.from === 'middleware' && hop.to === 'middleware';

/** Whether two neighbouring hops fold into one step at this level. */
function foldsWith(level: DetailLevel, a: Hop, b: Hop): boolean {
	if (level === 'overview') return insideDjango(a) && insideDjango(b);
	if (level === 'django')
		return isMiddlewareStep(a) && isMiddlewareStep(b) && a.direction === b.direction;
	return false;
}

/**
 * At the overview, a hop between a part of Django and a server outside (the view's call to the
 * identity provider) leaves from, or comes back to, the one Django box; a lone step inside Django
 * between two such calls is work inside that box.
 */
function fromDjangoBox(hop: ShownHop): ShownHop {
	if (!isOutsideNode(hop.from) && !isOutsideNode(hop.to) && !insideDjango(hop)) return hop;
	const box = (id: NodeId) => (NODE_GROUP[id] === 'django' ? DJANGO_BOX : id);
	return { ...hop, from: box(hop.from), to: box(hop.to) };
}

/** The recorded hops' indices that each shown hop stands for, in order. */
export function groupsAt(trace: Trace, level: DetailLevel): number[][] {
	const groups: number[][] = [];
	trace.hops.forEach((hop, i) => {
		const last = groups[groups.length - 1];
		if (last && foldsWith(level, trace.hops[last[last.length - 1]], hop)) last.push(i);
		else groups.push([i]);
	});
	return groups;
}

const cache = new WeakMap<Trace, Map<DetailLevel, Trace>>();

/** The trace as shown at `level` (the same object at `everything`, and for the same input). */
export function traceAt(trace: Trace, level: DetailLevel): Trace {
	if (level === 'everything') return trace;
	let levels = cache.get(trace);
	if (!levels) cache.set(trace, (levels = new Map()));
	let shown = levels.get(level);
	if (!shown) {
		const hops = groupsAt(trace, level).map((group, index) =>
			group.length === 1
				? level === 'overview'
					? fromDjangoBox({ ...trace.hops[group[0]], index })
					: { ...trace.hops[group[0]], index }
				: foldHops(
						group.map((i) => trace.hops[i]),
						index,
						level
					)
		);
		const same =
			hops.length === trace.hops.length &&
			hops.every((h, i) => h.from === trace.hops[i].from && h.to === trace.hops[i].to);
		shown = same ? trace : { ...trace, hops };
		levels.set(level, shown);
	}
	return shown;
}

/** How many of the shown hops have started once `recorded` recorded hops have arrived. */
export function shownCount(trace: Trace, level: DetailLevel, recorded: number): number {
	if (recorded <= 0) return 0;
	const groups = groupsAt(trace, level);
	const n = groups.findIndex((g) => g[0] >= recorded);
	return n === -1 ? groups.length : n;
}

/** How many recorded hops have arrived once `shown` shown hops have (a folded one completely). */
export function recordedCount(trace: Trace, level: DetailLevel, shown: number): number {
	if (shown <= 0) return 0;
	const groups = groupsAt(trace, level);
	const group = groups[Math.min(shown, groups.length) - 1];
	return group[group.length - 1] + 1;
}

/** The nodes a hop reaches (a folded hop reaches every node its inner hops travel to). */
export function nodesReached(hop: ShownHop): NodeId[] {
	const hops = hop.inner ?? [hop];
	return hops.filter((h) => h.from !== h.to).map((h) => h.to);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function list(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What happened inside Django, in plain words, for the one hop of the overview. */
function djangoSummary(hops: readonly Hop[]): string {
	const parts: string[] = [];
	const middleware = hops.filter(isMiddlewareStep);
	if (middleware.length > 0) parts.push('its middleware checked the request');
	const resolve = hops.find((h) => h.detail.resolver);
	const match = resolve?.detail.resolver?.match;
	if (match) parts.push(`the URL resolver chose the view ${match.viewName}`);
	else if (resolve) parts.push(`no URL pattern matched ${resolve.detail.resolver!.path}`);
	const queries = hops.filter((h) => h.kind === 'query').length;
	if (queries > 0)
		parts.push(`the model asked the database ${plural(queries, 'question', 'questions')} in SQL`);
	const templates = [
		...new Set(hops.flatMap((h) => (h.detail.template ? [h.detail.template.name] : [])))
	];
	if (templates.length > 0) parts.push(`the template ${list(templates)} made the HTML`);
	if (parts.length === 0) return `Django works on the request (${plural(hops.length, 'step')}).`;
	return `Inside Django: ${list(parts)}.`;
}

function middlewareSummary(hops: readonly Hop[]): string {
	// The class names without their modules, as a beginner reads them in MIDDLEWARE.
	const names = hops.flatMap((h) =>
		h.detail.middleware ? [h.detail.middleware.name.split('.').pop()!] : []
	);
	const what = hops[0].direction === 'in' ? 'The request passes' : 'The response passes back';
	const count = plural(names.length || hops.length, 'middleware', 'middleware');
	return names.length ? `${what} ${count}: ${list(names)}.` : `${what} ${count}.`;
}

/** The inner hop whose details tell the most about a folded step. */
function mostTelling(hops: readonly Hop[]): Hop {
	const rank = (h: Hop) =>
		h.detail.template
			? 6
			: h.detail.query
				? 5
				: h.detail.resolver
					? 4
					: h.detail.source
						? 3
						: h.detail.state
							? 2
							: h.detail.http
								? 1
								: 0;
	return hops.reduce((best, h) => (rank(h) > rank(best) ? h : best), hops[0]);
}

function foldHops(hops: readonly Hop[], index: number, level: DetailLevel): ShownHop {
	const first = hops[0];
	const last = hops[hops.length - 1];
	const overview = level === 'overview';
	return {
		index,
		from: overview ? DJANGO_BOX : first.from,
		to: overview ? DJANGO_BOX : last.to,
		kind: overview ? 'call' : 'middleware',
		direction: overview ? 'in' : first.direction,
		summary: overview ? djangoSummary(hops) : middlewareSummary(hops),
		durationMs: hops.reduce((sum, h) => sum + h.durationMs, 0),
		atMs: last.atMs,
		detail: mostTelling(hops).detail,
		inner: hops
	};
}

/** A trace on the play clock, as shown (`trace`) and as recorded (`source`). */
export interface LeveledEntry {
	readonly trace: Trace;
	readonly source: Trace;
	readonly startTick: number;
}

/**
 * The same moment at another level (from `from`, the level the entries are shown at now): every entry's trace shown at `to`, the entries' start ticks
 * moved so that each still starts where it did relative to the one before it, and the play clock
 * moved to where the request in view (`focus`, a trace id) is at the new level. A folded hop that
 * has started counts as arrived; going to more detail lands on the last hop it stood for.
 */
export function relevel<E extends LeveledEntry>(
	entries: readonly E[],
	tick: number,
	from: DetailLevel,
	to: DetailLevel,
	focus?: string
): { entries: E[]; tick: number } {
	const EPS = 1e-6;
	const order = entries
		.map((_, i) => i)
		.sort((a, b) => entries[a].startTick - entries[b].startTick);
	const moved: E[] = [...entries];
	const done: number[] = [];
	const shownAt = (e: LeveledEntry) => traceAt(e.source, to);
	/** Where old tick `t` lands, read on the entry `i` (already moved). */
	const via = (i: number, t: number) => {
		const before = entries[i];
		const after = moved[i];
		const k = t - before.startTick;
		const length = before.trace.hops.length;
		if (k <= EPS) return after.startTick + Math.min(0, k);
		if (k >= length - EPS) return after.startTick + after.trace.hops.length + (k - length);
		const arrived = Math.floor(k + EPS);
		const recorded = recordedCount(before.source, from, arrived);
		return after.startTick + shownCount(before.source, to, recorded);
	};
	const reference = (t: number, prefer?: number) => {
		if (prefer !== undefined && done.includes(prefer)) return prefer;
		let best: number | undefined;
		for (const i of done) if (entries[i].startTick <= t + EPS) best = i;
		return best;
	};
	for (const i of order) {
		const ref = reference(entries[i].startTick);
		const startTick = ref === undefined ? entries[i].startTick : via(ref, entries[i].startTick);
		moved[i] = { ...entries[i], trace: shownAt(entries[i]), startTick };
		done.push(i);
	}
	const focused = focus === undefined ? -1 : entries.findIndex((e) => e.trace.id === focus);
	const ref = reference(tick, focused >= 0 ? focused : undefined);
	return { entries: moved, tick: ref === undefined ? tick : via(ref, tick) };
}
