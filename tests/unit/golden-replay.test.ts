/**
 * The golden replay: every sequence recorded from the real nginx 1.22 + gunicorn 20.1 + Django 5.2
 * + DRF 3.18 stack (`tests/fixtures/django-5.2/`) is sent through the simulation, through the MSW
 * handlers, by the README's browser model, and each answer is compared with the recorded one:
 * status, every header and the body, after the README's normalisation.
 *
 * One test per step. A step listed in `golden/known-differences.ts` runs as `it.fails` until it is
 * fixed (then it must leave the list). The figures (statuses, bodies, whole requests matching) are
 * printed at the end.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSite, type Site } from '$lib/sim/site';
import { GoldenBrowser, type Scenario } from './golden/browser-model';
import { normalise, type GoldenResponse } from './golden/normalise';
import { KNOWN_DIFFERENCES } from './golden/known-differences';

const FIXTURES = new URL('../fixtures/django-5.2/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;

interface GoldenFile {
	sequence: string;
	steps: Array<{ id: string; ms?: number; response: GoldenResponse }>;
}

const scenarios = read<Scenario[]>('scenarios.json');
const meta = read<{ recordedAt: string }>('golden/_meta.json');
/**
 * The clock stands at the recording's time (only `Date` is faked; timers run), so rows created
 * during the run carry the recording's date and year, as they did on the real stack.
 */
const recordedAt = new Date(meta.recordedAt);

let site: Site;
/** Time moves on by each step's recorded duration, so rows created one after another differ. */
let elapsed = 0;
const figures = { total: 0, statuses: 0, bodies: 0, whole: 0 };
/**
 * Every difference found, by `sequence/step`, with the simulation's normalised answer: written to
 * `$GOLDEN_REPORT` (a JSON file) when that variable is set, to study the differences.
 */
const report: Record<string, { differences: string[]; sim: GoldenResponse }> = {};

beforeAll(async () => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(recordedAt);
	const sqlJs = await initSqlJs();
	site = await createSite({ sqlJs, now: () => recordedAt.getTime() + elapsed });
});

afterAll(() => {
	vi.useRealTimers();
	const { total, statuses, bodies, whole } = figures;
	console.log(
		`golden replay: statuses ${statuses}/${total}, bodies ${bodies}/${total}, ` +
			`whole requests ${whole}/${total} matching`
	);
	if (process.env.GOLDEN_REPORT) {
		writeFileSync(process.env.GOLDEN_REPORT, JSON.stringify(report, null, '\t'));
	}
});

for (const scenario of scenarios) {
	const golden = read<GoldenFile>(`golden/${scenario.name}.json`);
	describe(`golden ${scenario.name}: ${scenario.about}`, () => {
		const differences = new Map<string, string[]>();

		beforeAll(async () => {
			await site.reset();
			const browser = new GoldenBrowser(site);
			for (const [index, step] of scenario.steps.entries()) {
				const expected = golden.steps[index];
				if (expected?.id !== step.id) throw new Error(`${scenario.name}: steps out of order`);
				const answer = await browser.send(step);
				elapsed += Math.max(1, expected.ms ?? 1);
				vi.setSystemTime(recordedAt.getTime() + elapsed);
				const actual = normalise(answer, expected.response, recordedAt);
				const found = compare(expected.response, actual);
				differences.set(step.id, found);
				if (found.length)
					report[`${scenario.name}/${step.id}`] = { differences: found, sim: actual };
				figures.total += 1;
				if (!found.some((d) => d.startsWith('status'))) figures.statuses += 1;
				if (!found.some((d) => d.startsWith('body'))) figures.bodies += 1;
				if (found.length === 0) figures.whole += 1;
			}
		});

		for (const step of scenario.steps) {
			const key = `${scenario.name}/${step.id}`;
			const known = KNOWN_DIFFERENCES[key];
			const title = `${key}: ${step.method} ${step.path.slice(0, 60)}`;
			(known ? it.fails : it)(known ? `${title} (known: ${known})` : title, () => {
				const found = differences.get(step.id);
				expect(found, `${key} did not run`).toBeDefined();
				expect(found?.length ? `${key}\n${found.join('\n')}` : '').toBe('');
			});
		}
	});
}

/** Every field that differs, named, with both values. */
function compare(golden: GoldenResponse, sim: GoldenResponse): string[] {
	const found: string[] = [];
	if (golden.status !== sim.status)
		found.push(`status: golden ${golden.status} | sim ${sim.status}`);
	const names = new Set([...Object.keys(golden.headers), ...Object.keys(sim.headers)]);
	for (const name of [...names].sort()) {
		const want = golden.headers[name];
		const got = sim.headers[name];
		if (want !== got) {
			found.push(`header ${name}: golden ${show(want)} | sim ${show(got)}`);
		}
	}
	if (golden.body !== sim.body) found.push(`body: ${bodyDifference(golden.body, sim.body)}`);
	return found;
}

function show(value: string | undefined): string {
	return value === undefined ? '(absent)' : JSON.stringify(value);
}

/** The first line where two bodies differ, with its number and both versions. */
function bodyDifference(golden: string, sim: string): string {
	const a = golden.split('\n');
	const b = sim.split('\n');
	let line = 0;
	while (line < a.length && line < b.length && a[line] === b[line]) line += 1;
	return (
		`first difference at line ${line + 1} (golden ${a.length} lines, sim ${b.length})\n` +
		`    golden: ${show(a[line])}\n    sim:    ${show(b[line])}`
	);
}
