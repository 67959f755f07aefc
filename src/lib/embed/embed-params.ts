/**
 * The embed's URL parameters: what an instructor writes in an `<iframe src>` or a permalink.
 * Parsed leniently: a bad value falls back to its default and is reported, never a blank embed.
 *
 *   /embed/?request=GET%20/blog/3/&hop=4&autoplay=0&speed=slow&panels=inspector,client&theme=dark
 */
import { z } from 'zod';
import { NODE_IDS, type NodeId } from '$lib/sim/types';
import {
	CONTROLS,
	DEFAULT_EMBED,
	PANELS,
	SPEEDS,
	THEMES,
	parseRequestLine,
	type EmbedConfig,
	type EmbedPanel
} from './embed-config';

export * from './embed-config';

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
