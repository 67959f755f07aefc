/**
 * The messages an embed and its host page exchange with `postMessage`, so an instructor's
 * slide deck can drive a diagram and follow it. Every incoming message is validated; anything
 * else (other libraries' messages, malformed data) is ignored.
 *
 * Host → embed: { type: 'request-flow:play' | 'request-flow:pause' | 'request-flow:step',
 *                 direction?: 'forward' | 'back' }, { type: 'request-flow:goto', hop: number }
 * Embed → host: { type: 'request-flow:ready' }, { type: 'request-flow:resize', height },
 *               { type: 'request-flow:hop', index, total, from, to, kind, summary, traceId }
 */
import { z } from 'zod';
import { NODE_IDS } from '$lib/sim/types';

const PREFIX = 'request-flow:';

export const hostCommand = z.discriminatedUnion('type', [
	z.object({ type: z.literal(`${PREFIX}play`) }),
	z.object({ type: z.literal(`${PREFIX}pause`) }),
	z.object({
		type: z.literal(`${PREFIX}step`),
		direction: z.enum(['forward', 'back']).default('forward')
	}),
	z.object({ type: z.literal(`${PREFIX}goto`), hop: z.number().int().min(0).max(10_000) }),
	z.object({ type: z.literal(`${PREFIX}restart`) })
]);
export type HostCommand = z.infer<typeof hostCommand>;

export const embedEvent = z.discriminatedUnion('type', [
	z.object({ type: z.literal(`${PREFIX}ready`) }),
	z.object({ type: z.literal(`${PREFIX}resize`), height: z.number().nonnegative() }),
	z.object({
		type: z.literal(`${PREFIX}hop`),
		traceId: z.string(),
		index: z.number().int().min(0),
		total: z.number().int().min(0),
		from: z.enum(NODE_IDS),
		to: z.enum(NODE_IDS),
		kind: z.string(),
		summary: z.string()
	})
]);
export type EmbedEvent = z.infer<typeof embedEvent>;

/** A validated command, or `null` for anything that is not one of ours. */
export function readHostCommand(data: unknown): HostCommand | null {
	const result = hostCommand.safeParse(data);
	return result.success ? result.data : null;
}

export function readEmbedEvent(data: unknown): EmbedEvent | null {
	const result = embedEvent.safeParse(data);
	return result.success ? result.data : null;
}
