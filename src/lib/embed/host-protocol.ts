/**
 * The messages an embed and its host page exchange with `postMessage`, so an instructor's
 * slide deck can drive a diagram and follow it, and an LMS page can record what a student did.
 * Every incoming message is validated; anything else (other libraries' messages, malformed data)
 * is ignored.
 *
 * Host → embed: { type: 'request-flow:play' | 'request-flow:pause' | 'request-flow:restart' },
 *               { type: 'request-flow:step', direction?: 'forward' | 'back' },
 *               { type: 'request-flow:goto', hop: number },
 *               or reveal.js's postMessage shape, as an object or its JSON text:
 *               { method: 'next' | 'prev' | 'slide' | 'play' | 'pause' | 'togglePause' |
 *                 'restart', args?: [hop] } (`slide` goes to hop `args[0]`)
 * Embed → host: { type: 'request-flow:ready' }, { type: 'request-flow:resize', height },
 *               { type: 'request-flow:hop', index, total, from, to, kind, summary, traceId },
 *               { type: 'request-flow:key', key } (an arrow key the embed did not use, so a deck
 *               can move its slides while focus is in the embed),
 *               { type: 'request-flow:statement', version: 1, verb, object, result?, timestamp }
 *               (what a student did in a lesson: see `statement` below)
 */
import { z } from 'zod';
import { NODE_IDS } from '$lib/sim/types';
import { DECK_KEYS } from './deck-keys';

const PREFIX = 'request-flow:';

export const hostCommand = z.discriminatedUnion('type', [
	z.object({ type: z.literal(`${PREFIX}play`) }),
	z.object({ type: z.literal(`${PREFIX}pause`) }),
	z.object({ type: z.literal(`${PREFIX}toggle`) }),
	z.object({
		type: z.literal(`${PREFIX}step`),
		direction: z.enum(['forward', 'back']).default('forward')
	}),
	z.object({ type: z.literal(`${PREFIX}goto`), hop: z.number().int().min(0).max(10_000) }),
	z.object({ type: z.literal(`${PREFIX}restart`) })
]);
export type HostCommand = z.infer<typeof hostCommand>;

/** reveal.js's postMessage API (`{ method, args }`), which slide tools already speak. */
const revealCommand = z.object({
	method: z.enum(['next', 'prev', 'slide', 'play', 'pause', 'togglePause', 'restart']),
	args: z.array(z.unknown()).optional()
});

function fromReveal({ method, args }: z.infer<typeof revealCommand>): HostCommand | null {
	switch (method) {
		case 'next':
			return { type: `${PREFIX}step`, direction: 'forward' };
		case 'prev':
			return { type: `${PREFIX}step`, direction: 'back' };
		case 'slide': {
			const hop = z.number().int().min(0).max(10_000).safeParse(args?.[0]);
			return hop.success ? { type: `${PREFIX}goto`, hop: hop.data } : null;
		}
		case 'togglePause':
			return { type: `${PREFIX}toggle` };
		default:
			return { type: `${PREFIX}${method}` };
	}
}

export { DECK_KEYS };

/** The xAPI verbs (actor-free statements) an embedded lesson reports, with their IRIs. */
export const VERBS = {
	experienced: 'http://adlnet.gov/expapi/verbs/experienced',
	answered: 'http://adlnet.gov/expapi/verbs/answered',
	passed: 'http://adlnet.gov/expapi/verbs/passed',
	failed: 'http://adlnet.gov/expapi/verbs/failed',
	completed: 'http://adlnet.gov/expapi/verbs/completed'
} as const;
export type Verb = keyof typeof VERBS;

export const STATEMENT_VERSION = 1;

/** What the statement is about: a lesson, a step of it (1-based) and a part of that step. */
const activity = z.object({
	lesson: z.string(),
	lessonTitle: z.string(),
	/** The step (a numbered section of the lesson, as in `?step=`), when about one. */
	step: z.number().int().min(1).optional(),
	/** The last step, when about a range of steps (`completed`). */
	to: z.number().int().min(1).optional(),
	/** The prediction's or challenge's id in the lesson file. */
	id: z.string().optional(),
	/** The question or the challenge's goal, in the lesson's words. */
	name: z.string().optional()
});

const statementBase = {
	type: z.literal(`${PREFIX}statement`),
	version: z.literal(STATEMENT_VERSION),
	verbId: z.string(),
	object: activity,
	timestamp: z.string()
};

export const statement = z.discriminatedUnion('verb', [
	z.object({ ...statementBase, verb: z.literal('experienced') }),
	z.object({
		...statementBase,
		verb: z.literal('answered'),
		result: z.object({
			/** The choices given, 0-based, and their text. */
			response: z.array(z.number().int().min(0)).min(1),
			responseText: z.array(z.string()),
			success: z.boolean()
		})
	}),
	...(['passed', 'failed'] as const).map((verb) =>
		z.object({
			...statementBase,
			verb: z.literal(verb),
			result: z.object({
				success: z.literal(verb === 'passed'),
				/** Requests sent since the challenge appeared. */
				attempts: z.number().int().min(0),
				hintsUsed: z.number().int().min(0),
				/** Why the last request did not meet the goal (failed only, when known). */
				reason: z.string().optional()
			})
		})
	),
	z.object({
		...statementBase,
		verb: z.literal('completed'),
		result: z.object({
			completion: z.literal(true),
			/** Challenges passed out of those in the embedded steps. */
			score: z.object({ raw: z.number().int().min(0), max: z.number().int().min(0) })
		})
	})
]);
export type Statement = z.infer<typeof statement>;
/** A statement as the embed builds it, before the envelope fields are added. */
export type StatementBody = Statement extends infer S
	? S extends Statement
		? Omit<S, 'type' | 'version' | 'verbId' | 'timestamp'>
		: never
	: never;

export function makeStatement(body: StatementBody, now = new Date()): Statement {
	return statement.parse({
		...body,
		type: `${PREFIX}statement`,
		version: STATEMENT_VERSION,
		verbId: VERBS[body.verb],
		timestamp: now.toISOString()
	});
}

export const embedEvent = z.union([
	z.discriminatedUnion('type', [
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
		}),
		z.object({ type: z.literal(`${PREFIX}key`), key: z.enum(DECK_KEYS) })
	]),
	statement
]);
export type EmbedEvent = z.infer<typeof embedEvent>;

/** A validated command, or `null` for anything that is not one of ours. */
export function readHostCommand(data: unknown): HostCommand | null {
	if (typeof data === 'string') {
		// reveal.js posts its messages as JSON text.
		if (!data.startsWith('{') || data.length > 1_000) return null;
		try {
			data = JSON.parse(data);
		} catch {
			return null;
		}
	}
	const ours = hostCommand.safeParse(data);
	if (ours.success) return ours.data;
	const reveal = revealCommand.safeParse(data);
	return reveal.success ? fromReveal(reveal.data) : null;
}

export function readEmbedEvent(data: unknown): EmbedEvent | null {
	const result = embedEvent.safeParse(data);
	return result.success ? result.data : null;
}
