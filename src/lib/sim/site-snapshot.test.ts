/**
 * A site opened from a snapshot (the database file `setUp` made at build time) is the site built
 * from scratch: the same tables, indexes and rows, the same answers, the same data after a reset.
 * A snapshot that does not fit the project's models is not used.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from './django/db/database';
import { openDatabase } from './django/db/database';
import type { DjangoProject } from './django/project';
import { mysite } from './mysite';
import { mysiteFull } from './mysite/full';
import { createSite, seededDatabaseFile, type Site } from './site';

let sqlJs: SqlJsStatic;
beforeAll(async () => {
	sqlJs = await initSqlJs();
});

const now = () => Date.UTC(2026, 2, 1, 12, 0, 0);

// The seed's API tokens take the time it runs (`created`, auto_now_add): a snapshot made by the
// build keeps the build's time, as a deployed database keeps the time it was seeded. The clock
// stands still here so that a snapshot and a fresh build can be compared row for row.
beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(now());
});
afterEach(() => {
	vi.useRealTimers();
});

/** Every table and index with the statement that made it, and every row of every table. */
function contents(db: Database) {
	return db.quietly(() => {
		const schema = db.run(
			"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY name"
		).rows;
		const rows = Object.fromEntries(
			db.tables().map((table) => [table, db.run(`SELECT * FROM "${table}" ORDER BY rowid`).rows])
		);
		return { schema, rows };
	});
}

function get(site: Site, path: string) {
	return site.handle({
		method: 'GET',
		url: `https://mysite.test${path}`,
		headers: [['Host', 'mysite.test']],
		body: new Uint8Array()
	});
}

describe.each([
	['mysite', mysite],
	['mysite.settings_full', mysiteFull]
] as Array<[string, DjangoProject]>)('%s from a snapshot', (_name, project) => {
	it('lists every model its setUp migrates, in the same order', async () => {
		const db = openDatabase(sqlJs);
		await project.setUp(db);
		expect(project.models?.map((model) => model._meta.label)).toEqual([...db.models.keys()]);
	});

	it('has the same tables and rows as the site built from scratch, and runs no DDL', async () => {
		const snapshot = await seededDatabaseFile(sqlJs, project);
		const restored = await createSite({ sqlJs, project, snapshot, now });
		expect(restored.db.schemaStatementsRun).toBe(0);
		const restoredContents = contents(restored.db);
		const scratch = await createSite({ sqlJs, project, now });
		expect(scratch.db.schemaStatementsRun).toBeGreaterThan(0);
		const scratchContents = contents(scratch.db);
		expect(Object.keys(restoredContents.rows).length).toBeGreaterThan(5);
		expect(restoredContents).toEqual(scratchContents);
	});

	it('answers as the site built from scratch does, and resets to the same data', async () => {
		const snapshot = await seededDatabaseFile(sqlJs, project);
		const restored = await createSite({ sqlJs, project, snapshot, now });
		const scratch = await createSite({ sqlJs, project, now });
		// Pages without a form: a CSRF token is random.
		for (const path of ['/blog/', '/api/posts/', '/api/posts/3/']) {
			const [a, b] = [await get(restored, path), await get(scratch, path)];
			expect(a.response.status).toBe(200);
			// Each trace has its own id.
			const answer = ({ response }: typeof a) => ({
				...response,
				headers: response.headers.filter(([name]) => name !== 'X-Trace-Id')
			});
			expect(answer(a)).toEqual(answer(b));
			const queries = (trace: typeof a.trace) =>
				trace.hops.flatMap(({ detail: { query } }) =>
					query ? [[query.sql, query.params, query.rows]] : []
				);
			expect(queries(a.trace).length).toBeGreaterThan(0);
			expect(queries(a.trace)).toEqual(queries(b.trace));
		}
		const seeded = contents(restored.db);
		restored.db.run('DELETE FROM "blog_comment"');
		await restored.reset();
		expect(contents(restored.db)).toEqual(seeded);
	});
});

describe('a snapshot that does not fit', () => {
	it("is not used: the default project's file lacks the full project's admin tables", async () => {
		const snapshot = await seededDatabaseFile(sqlJs, mysite);
		const site = await createSite({ sqlJs, project: mysiteFull, snapshot, now });
		const scratch = await createSite({ sqlJs, project: mysiteFull, now });
		expect(contents(site.db)).toEqual(contents(scratch.db));
	});

	it('is not used when a table was created differently', async () => {
		const db = openDatabase(sqlJs);
		db.run('CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY)');
		const site = await createSite({ sqlJs, project: mysite, snapshot: db.export(), now });
		const scratch = await createSite({ sqlJs, project: mysite, now });
		expect(contents(site.db)).toEqual(contents(scratch.db));
	});

	it('is not used by a project that does not list its models', async () => {
		const snapshot = await seededDatabaseFile(sqlJs, mysite);
		const site = await createSite({
			sqlJs,
			project: { ...mysite, models: undefined },
			snapshot,
			now
		});
		expect(site.db.schemaStatementsRun).toBeGreaterThan(0);
	});
});
