/**
 * The embed's settings (what an instructor writes in an `<iframe src>` or a permalink) and the
 * query string that carries them; `embed-params.ts` parses one back, with Zod. Apart from the
 * parser so the share dialog and the request opener, on every page with a player, never load Zod.
 */
import { SITE_ORIGIN } from '$lib/mocks/origin';
import type { NodeId } from '$lib/sim/types';

export const SPEEDS = ['slow', 'normal', 'fast', 'instant'] as const;
export const PANELS = ['inspector', 'timeline', 'client'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
/** `minimal`: for a projector: large type, the diagram and its controls only. */
export const CONTROLS = ['full', 'minimal'] as const;

export type EmbedPanel = (typeof PANELS)[number];

export interface EmbedRequest {
	method: string;
	path: string;
	body?: string;
	contentType?: string;
}

export interface EmbedConfig {
	request: EmbedRequest | null;
	/** Hop index to land on (0-based); `null` plays from the start. */
	hop: number | null;
	autoplay: boolean;
	speed: (typeof SPEEDS)[number];
	panels: EmbedPanel[];
	theme: (typeof THEMES)[number];
	nodes: NodeId[] | null;
	/** A lesson slug and step, when the embed shows a lesson's request. */
	lesson: string | null;
	step: number | null;
	/** The last step of a range of lesson steps (with previous/next); `null`: `step` alone. */
	to: number | null;
	controls: (typeof CONTROLS)[number];
}

export const DEFAULT_EMBED: EmbedConfig = {
	request: { method: 'GET', path: '/' },
	hop: null,
	autoplay: false,
	speed: 'normal',
	panels: [],
	theme: 'auto',
	nodes: null,
	lesson: null,
	step: null,
	to: null,
	controls: 'full'
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** `GET /blog/3/` → `{ method: 'GET', path: '/blog/3/' }`. Only paths on the simulated site. */
export function parseRequestLine(text: string): EmbedRequest | null {
	const match = /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(text);
	if (!match) return null;
	const method = match[1].toUpperCase();
	if (!METHODS.includes(method)) return null;
	const path = sitePath(match[2]);
	return path === null ? null : { method, path };
}

/**
 * The path as a URL on the simulated site, or `null` when it would leave it: a
 * scheme-relative `//host/x` or `/\host/x` (which URL parsers read as `//host/x`) names
 * another host, and a link must never make the page send a credentialed request there.
 */
export function sitePath(path: string): string | null {
	let url: URL;
	try {
		url = new URL(path, `${SITE_ORIGIN}/`);
	} catch {
		return null;
	}
	if (url.origin !== SITE_ORIGIN) return null;
	return url.pathname + url.search;
}

export function formatRequestLine(request: EmbedRequest): string {
	return `${request.method} ${request.path}`;
}

/** The inverse: the shortest query string that reproduces `config` (defaults left out). */
export function embedSearch(config: Partial<EmbedConfig>): string {
	const params = new URLSearchParams();
	const full = { ...DEFAULT_EMBED, ...config };
	if (full.request) {
		params.set('request', formatRequestLine(full.request));
		if (full.request.body) {
			params.set('body', full.request.body);
			if (full.request.contentType && full.request.contentType !== 'application/json')
				params.set('type', full.request.contentType);
		}
	}
	if (full.hop !== null) params.set('hop', String(full.hop));
	if (full.autoplay) params.set('autoplay', '1');
	if (full.speed !== DEFAULT_EMBED.speed) params.set('speed', full.speed);
	if (full.panels.length) params.set('panels', full.panels.join(','));
	if (full.theme !== DEFAULT_EMBED.theme) params.set('theme', full.theme);
	if (full.nodes) params.set('nodes', full.nodes.join(','));
	if (full.lesson) params.set('lesson', full.lesson);
	if (full.step !== null) params.set('step', String(full.step));
	if (full.to !== null) params.set('to', String(full.to));
	if (full.controls !== DEFAULT_EMBED.controls) params.set('controls', full.controls);
	return `?${params.toString().replace(/%2F/g, '/').replace(/%2C/g, ',')}`;
}
