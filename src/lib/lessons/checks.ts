/**
 * The check language: small, declarative predicates over traces, written in a lesson's YAML.
 *
 * A `TraceCheck` is a set of conditions that must all hold for one trace, e.g.
 * `{ method: DELETE, path: /api/posts/1/, status: 403, user: bob }`. A challenge's `check` is one
 * of these, or a list of them that the student's traces must meet in that order (other requests
 * in between are fine). Every key is optional; an unknown key is an error at build time, so a typo
 * can never make a check pass by accident.
 */
import { z } from 'zod';
import { NODE_IDS } from '$lib/sim/types';
import type { TraceCheck } from './check-match';

export {
	challengeMet,
	failures,
	meets,
	wildcard,
	type ChallengeCheck,
	type ResolverCheck,
	type StatusCheck,
	type TraceCheck
} from './check-match';

const nodeId = z.enum(NODE_IDS);
const status = z.union([
	z.number().int().min(100).max(599),
	z.array(z.number().int().min(100).max(599)).min(1),
	z.templateLiteral([z.enum(['1', '2', '3', '4', '5']), 'xx'])
]);

export const traceCheckSchema: z.ZodType<TraceCheck> = z.lazy(() =>
	z.strictObject({
		method: z
			.string()
			.regex(/^[A-Z]+$/, 'method must be in capitals, e.g. GET or POST')
			.optional(),
		path: z.string().startsWith('/', 'path must start with "/"').optional(),
		status: status.optional(),
		servedBy: z.enum(['web-server', 'app-server', 'django']).optional(),
		reaches: z.array(nodeId).min(1).optional(),
		skips: z.array(nodeId).min(1).optional(),
		resolver: z
			.strictObject({
				matched: z.boolean().optional(),
				route: z.string().optional(),
				name: z.string().optional(),
				view: z.string().optional()
			})
			.optional(),
		user: z.string().min(1).optional(),
		header: z.record(z.string(), z.string()).optional(),
		requestHeader: z.record(z.string(), z.string()).optional(),
		bodyContains: z.string().min(1).optional(),
		sqlContains: z.string().min(1).optional(),
		template: z.string().min(1).optional(),
		setsCookie: z.string().min(1).optional(),
		sendsCookie: z.string().min(1).optional(),
		not: traceCheckSchema.optional(),
		anyOf: z.array(traceCheckSchema).min(2).optional()
	})
);

/** A challenge's check: one trace that meets it, or several traces in order. */
export const challengeCheckSchema = z.union([traceCheckSchema, z.array(traceCheckSchema).min(1)]);
