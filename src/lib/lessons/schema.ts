/**
 * Zod schemas for lesson content: the frontmatter and each step type. The loader validates every
 * lesson against them at build time, so a mistake in a lesson fails the build with the file and
 * line, never a blank page for a student. Unknown keys are errors: a typo is caught, not ignored.
 */
import { z } from 'zod';
import { NODE_IDS } from '$lib/sim/types';
import { challengeCheckSchema, traceCheckSchema } from './checks';
import { DETAILS, LESSON_PROJECTS, METHODS } from './lesson-constants';
import { projectEditSchema } from './lesson-edits';

export {
	DETAILS,
	LESSON_PROJECTS,
	METHODS,
	type Detail,
	type LessonProject
} from './lesson-constants';

/** `GET /blog/` — a method in capitals, a space, and a path on the demo site. */
export const requestLineSchema = z
	.string()
	.regex(
		new RegExp(`^(${METHODS.join('|')}) /\\S*$`),
		'must be a method and a path, like "GET /blog/"'
	);

const nodeId = z.enum(NODE_IDS);
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** The parts of a request a lesson can spell out. */
const requestFields = {
	send: requestLineSchema,
	headers: z.record(z.string(), z.string()).optional(),
	/** Fields of an HTML form, sent as `application/x-www-form-urlencoded`. */
	form: z.record(z.string(), scalar).optional(),
	/** A JSON body, sent as `application/json`. */
	json: z.unknown().optional(),
	/** A raw body, e.g. deliberately broken JSON. */
	body: z.string().optional(),
	/**
	 * For a form: whether to include the CSRF token from the last page, as a browser submitting a
	 * Django form does. `false` sends the form without it.
	 */
	csrf: z.boolean().optional()
};

export const requestSpecSchema = z
	.strictObject(requestFields)
	.refine((r) => [r.form, r.json, r.body].filter((b) => b !== undefined).length <= 1, {
		message: 'use only one of "form", "json" and "body"'
	});
export type RequestSpec = z.infer<typeof requestSpecSchema>;

/** In lists, a request may be just its request line. */
export const requestItemSchema = z.union([
	requestLineSchema.transform((send): RequestSpec => ({ send })),
	requestSpecSchema
]);

export const siteSettingsSchema = z.strictObject({
	debug: z.boolean().optional(),
	appServerUp: z.boolean().optional(),
	workers: z.number().int().min(1).max(16).optional(),
	gunicornTimeoutS: z.number().positive().optional(),
	nginxProxyReadTimeoutS: z.number().positive().optional()
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const frontmatterSchema = z.strictObject({
	title: z.string().min(3),
	summary: z.string().min(10),
	objectives: z.array(z.string().min(3)).min(1),
	minutes: z.number().int().min(5, 'must be 5 or more').max(15, 'must be 15 or less'),
	nodes: z.array(nodeId).min(2).optional(),
	start: requestLineSchema,
	settings: siteSettingsSchema.optional(),
	/** Show the project editor on the lesson's stage (for lessons whose challenges need edits). */
	editor: z.boolean().optional(),
	/**
	 * How much of each journey the player shows when the lesson opens: `overview` (browser, web
	 * server, application server, Django as one box), `django` (its resolver, view, model and
	 * template too) or `everything` (each middleware and query). The student can change it.
	 */
	detail: z.enum(DETAILS).default('everything'),
	/** The project the lesson runs on (see `LESSON_PROJECTS`). */
	project: z.enum(LESSON_PROJECTS).default('mysite')
});
export type Frontmatter = z.infer<typeof frontmatterSchema>;

const id = z
	.string()
	.regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes')
	.optional();

export const requestStepSchema = z
	.strictObject({
		id,
		...requestFields,
		send: requestLineSchema.optional(),
		/** The student writes the request; `hint` says what to send. */
		'let-student': z.literal(true).optional(),
		hint: z.string().optional(),
		/** What the lesson says will happen; the self-test checks it against the real stack. */
		expect: traceCheckSchema.optional()
	})
	.refine((s) => (s.send === undefined) !== (s['let-student'] === undefined), {
		message: 'needs either "send" or "let-student: true"'
	})
	.refine((s) => !s['let-student'] || s.hint, {
		message: 'a "let-student" step needs a "hint" that says what to send',
		path: ['hint']
	});

const choiceSchema = z.strictObject({
	/** A number is fine too (`text: 404`): YAML reads it as one. */
	text: z.union([z.string().min(1), z.number().transform(String)]),
	correct: z.boolean().optional(),
	/** True of the real trace exactly when this choice is right (checked by the self-test). */
	check: traceCheckSchema.optional()
});

export const predictStepSchema = z
	.strictObject({
		id,
		question: z.string().min(5),
		choices: z.array(choiceSchema).min(2, 'needs at least two choices'),
		explain: z.string().min(5),
		...requestFields,
		send: requestLineSchema.optional()
	})
	.refine((s) => s.choices.some((c) => c.correct), {
		message: 'must have at least one correct answer',
		path: ['choices']
	})
	.refine((s) => !s.send || s.choices.some((c) => c.correct && c.check), {
		message: 'with "send", a correct choice needs a "check" so the self-test can confirm it',
		path: ['choices']
	});

export const pauseStepSchema = z.strictObject({
	id,
	at: nodeId,
	say: z.string().optional()
});

export const challengeStepSchema = z.strictObject({
	id,
	goal: z.string().min(5),
	check: challengeCheckSchema,
	hints: z.array(z.string().min(3)).min(1),
	solution: z.array(requestItemSchema).min(1),
	/** Edits to the project that the solution needs, made before its requests (lesson-edits.ts). */
	edits: z.array(projectEditSchema).min(1).optional(),
	/** Attempts that must not pass; by default the lesson's `start` request. */
	wrong: z.array(requestItemSchema).optional()
});

export const settingsStepSchema = z.strictObject({
	id,
	settings: siteSettingsSchema,
	say: z.string().optional()
});

export const STEP_SCHEMAS = {
	request: requestStepSchema,
	predict: predictStepSchema,
	pause: pauseStepSchema,
	challenge: challengeStepSchema,
	settings: settingsStepSchema
} as const;
export type StepType = keyof typeof STEP_SCHEMAS;
export const STEP_TYPES = Object.keys(STEP_SCHEMAS) as StepType[];

type Base = { id: string; line: number };
export type RequestStep = Base & { type: 'request' } & z.infer<typeof requestStepSchema>;
export type PredictStep = Base & { type: 'predict' } & z.infer<typeof predictStepSchema>;
export type PauseStep = Base & { type: 'pause' } & z.infer<typeof pauseStepSchema>;
export type ChallengeStep = Base & { type: 'challenge' } & z.infer<typeof challengeStepSchema>;
export type SettingsStep = Base & { type: 'settings' } & z.infer<typeof settingsStepSchema>;
export type Step = RequestStep | PredictStep | PauseStep | ChallengeStep | SettingsStep;

/** A part of a lesson that is revealed at once: the prose, then the steps that follow it. */
export interface LessonPart {
	html: string;
	steps: Step[];
}

export interface Lesson extends Frontmatter {
	slug: string;
	order: number;
	/** Path from the repository root, for error messages. */
	file: string;
	parts: LessonPart[];
}

/** What the course map needs, without the lesson bodies. */
export type LessonSummary = Pick<
	Lesson,
	'slug' | 'order' | 'title' | 'summary' | 'objectives' | 'minutes'
> & { challenges: string[] };
