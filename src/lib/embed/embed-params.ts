/**
 * The embed's URL parameters: what an instructor writes in an `<iframe src>` or a permalink.
 * Parsed leniently: a bad value falls back to its default and is reported, never a blank embed.
 *
 *   /embed/?request=GET%20/blog/3/&hop=4&autoplay=0&speed=slow&panels=inspector,client&theme=dark
 *
 * `project=full` runs the request on the full project (`mysite.settings_full`), as a lesson's
 * `project: full` does; without it, the default `mysite.settings` answers.
 */
import { z } from 'zod';
import { SITE_ORIGIN } from '$lib/mocks/origin';
import { NODE_IDS, type NodeId } from '$lib/sim/types';

export const SPEEDS = ['slow', 'normal', 'fast', 'instant'] as const;
export const PANELS = ['inspector', 'timeline', 'client'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
/** `minimal`: for a projector: large type, the diagram and its controls only. */
export const CONTROLS = ['full', 'minimal'] as const;
/** The project that answers: `mysite` (mysite.settings) or `full` (mysite.settings_full). */
export const PROJECTS = ['mysite', 'full'] as const;
export type EmbedProject = (typeof PROJECTS)[number];

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
	project: EmbedProject;
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
	controls: 'full',
	project: 'mysite'
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

const flag = z
	.enum(['1', '0', 'true', 'false', 'yes', 'no'])
	.transform((v) => ['1', 'true', 'yes'].includes(v));
const index = z.coerce.number().int().min(0).max(10_000);
const step = z.coerce.number().int().min(1).max(1_000);

export interface ParsedEmbed {
	config: EmbedConfig;
	/** One line per parameter that was ignored, for a visible notice. */
	problems: string[];
}

export function parseEmbedParams(params: URLSearchParams): ParsedEmbed {
	const problems: string[] = [];
	const config: EmbedConfig = { ...DEFAULT_EMBED, panels: [...DEFAULT_EMBED.panels] };
	const take = <T>(name: string, schema: z.ZodType<T>, apply: (value: T) => void) => {
		const raw = params.get(name);
		if (raw === null || raw === '') return;
		const result = schema.safeParse(raw);
		if (result.success) apply(result.data);
		else problems.push(`Ignored ${name}=${raw}: not a valid value.`);
	};

	const requestText = params.get('request');
	if (requestText !== null) {
		const request = parseRequestLine(requestText);
		if (request) {
			const body = params.get('body');
			config.request = body
				? { ...request, body, contentType: params.get('type') ?? 'application/json' }
				: request;
		} else
			problems.push(
				`Ignored request=${requestText}: write it as a method and a path, like "GET /blog/".`
			);
	}
	take('hop', index, (v) => (config.hop = v));
	take('autoplay', flag, (v) => (config.autoplay = v));
	take('speed', z.enum(SPEEDS), (v) => (config.speed = v));
	take('theme', z.enum(THEMES), (v) => (config.theme = v));
	take('lesson', z.string().regex(/^[a-z0-9-]+$/), (v) => (config.lesson = v));
	take('step', step, (v) => (config.step = v));
	take('to', step, (v) => (config.to = v));
	take('controls', z.enum(CONTROLS), (v) => (config.controls = v));
	take('project', z.enum(PROJECTS), (v) => (config.project = v));
	if (config.to !== null && config.to < (config.step ?? 1)) {
		problems.push(`Ignored to=${config.to}: it comes before the first step.`);
		config.to = null;
	}
	const list = (name: string, allowed: readonly string[]) => {
		const raw = params.get(name);
		if (!raw) return null;
		const items = raw
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		const unknown = items.filter((item) => !allowed.includes(item));
		if (unknown.length) problems.push(`Ignored ${name}: unknown ${unknown.join(', ')}.`);
		return items.filter((item) => allowed.includes(item));
	};
	const panels = list('panels', PANELS);
	if (panels) config.panels = panels as EmbedPanel[];
	const nodes = list('nodes', NODE_IDS);
	if (nodes?.length) config.nodes = nodes as NodeId[];
	return { config, problems };
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
	if (full.project !== DEFAULT_EMBED.project) params.set('project', full.project);
	return `?${params.toString().replace(/%2F/g, '/').replace(/%2C/g, ',')}`;
}
