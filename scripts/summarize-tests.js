// Adds up Vitest's and Playwright's JSON reports into the one line CI reads: `N passed, N failed`.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;

for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		missing++;
		continue;
	}
	const report = JSON.parse(readFileSync(file, 'utf8'));
	if ('numPassedTests' in report) {
		// Vitest (Jest-compatible JSON)
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		skipped += report.numPendingTests + (report.numTodoTests ?? 0);
	} else if (report.stats) {
		// Playwright: a flaky test passed on retry.
		passed += report.stats.expected + report.stats.flaky;
		failed += report.stats.unexpected;
		skipped += report.stats.skipped;
	}
}
// A stage that never ran (the type check failed first) counts as one failure, never as a pass.
if (missing) console.log(`${missing} report(s) missing: an earlier stage failed.`);
console.log(`${passed} passed, ${failed + missing} failed${skipped ? `, ${skipped} skipped` : ''}`);
