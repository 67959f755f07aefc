import { describe, expect, it } from 'vitest';
import { IntegrityError } from './errors';
import { openDatabase } from './database';
import { loadSql, Post, seededDb, Writer } from './test-models';

describe('Database', () => {
	it('runs SQL with bound parameters and reports each statement', async () => {
		const db = openDatabase(await loadSql());
		const seen: string[] = [];
		const stop = db.onQuery((q) => seen.push(`${q.orm}|${q.sql}|${JSON.stringify(q.params)}`));
		db.run('CREATE TABLE t (id integer PRIMARY KEY, name text)');
		const insert = db.run(
			'INSERT INTO t (name) VALUES (?), (?)',
			['a', 'b'],
			'T.objects.bulk_create()'
		);
		expect(insert.rowsAffected).toBe(2);
		const select = db.run('SELECT id, name FROM t WHERE name = ?', ['b']);
		expect(select).toEqual({ columns: ['id', 'name'], rows: [[2, 'b']], rowsAffected: 0 });
		stop();
		db.run('SELECT 1');
		expect(seen).toHaveLength(3);
		expect(seen[1]).toBe('T.objects.bulk_create()|INSERT INTO t (name) VALUES (?), (?)|["a","b"]');
	});

	it('treats an injection attempt as a plain value', async () => {
		const { db, queries } = await seededDb();
		const before = db.export();
		const attack = "x' OR 1=1 --";
		expect(Post.objects.filter({ title: attack }).list()).toEqual([]);
		expect(queries.at(-1)?.sql).not.toContain(attack);
		expect(queries.at(-1)?.params).toEqual([attack]);
		const post = Post.objects.get({ pk: 1 });
		post.title = "'); DROP TABLE blog_post; --";
		post.save();
		expect(Post.objects.count()).toBe(3);
		expect(Post.objects.get({ pk: 1 }).title).toBe("'); DROP TABLE blog_post; --");
		expect(before).not.toEqual(db.export());
	});

	it('commits an atomic block as a whole', async () => {
		const { db, queries } = await seededDb();
		db.atomic(() => {
			Writer.objects.create({ username: 'carol' });
			Writer.objects.create({ username: 'dave' });
		});
		expect(Writer.objects.count()).toBe(4);
		expect(queries.map((q) => q.sql.split(' ')[0])).toEqual([
			'BEGIN',
			'INSERT',
			'INSERT',
			'COMMIT',
			'SELECT'
		]);
	});

	it('rolls a failed atomic block back, leaving the database as it was', async () => {
		const { db } = await seededDb();
		const before = db.export();
		expect(() =>
			db.atomic(() => {
				Writer.objects.create({ username: 'carol' });
				Post.objects.filter({ pk: 1 }).update({ title: 'changed' });
				Writer.objects.create({ username: 'alice' }); // UNIQUE constraint
			})
		).toThrow(IntegrityError);
		expect(db.export()).toEqual(before);
		expect(db.inAtomicBlock).toBe(false);
	});

	it('nests atomic blocks with savepoints: an inner failure keeps the outer work', async () => {
		const { db, queries } = await seededDb();
		db.atomic(() => {
			Writer.objects.create({ username: 'carol' });
			expect(() =>
				db.atomic(() => {
					Writer.objects.create({ username: 'dave' });
					throw new Error('inner');
				})
			).toThrow('inner');
		});
		expect(Writer.objects.values_list('username', { flat: true })).toEqual([
			'alice',
			'bob',
			'carol'
		]);
		const sql = queries.map((q) => q.sql);
		expect(sql).toContain('SAVEPOINT "s1_x2"');
		expect(sql).toContain('ROLLBACK TO SAVEPOINT "s1_x2"');
		expect(sql).toContain('COMMIT');
	});

	it('refuses an asynchronous function in atomic() and rolls back', async () => {
		const { db } = await seededDb();
		expect(() => db.atomic(async () => Writer.objects.create({ username: 'x' }))).toThrow(
			/synchronous/
		);
		expect(Writer.objects.filter({ username: 'x' }).exists()).toBe(false);
	});

	it('restores a snapshot and resets to empty tables', async () => {
		const { db } = await seededDb();
		const snapshot = db.snapshot();
		Post.objects.all().delete();
		expect(Post.objects.count()).toBe(0);
		db.restore(snapshot);
		expect(Post.objects.count()).toBe(3);
		db.reset();
		expect(db.tables()).toEqual(['auth_user', 'blog_comment', 'blog_post', 'shop_product']);
		expect(Post.objects.count()).toBe(0);
		// Foreign keys are still enforced after export/restore/reset (sql.js resets pragmas).
		expect(() => Post.objects.create({ title: 'x', author_id: 99 })).toThrow(IntegrityError);
	});

	it('does not report statements run quietly', async () => {
		const { db, queries } = await seededDb();
		db.quietly(() => Post.objects.count());
		expect(queries).toEqual([]);
	});
});

describe('compiled statements kept between runs', () => {
	it('answers a repeated statement afresh with each run’s parameters and data', async () => {
		const db = openDatabase(await loadSql());
		db.run('CREATE TABLE t (id integer PRIMARY KEY, name text UNIQUE)');
		const byName = 'SELECT id FROM t WHERE name = ?';
		db.run('INSERT INTO t (name) VALUES (?)', ['a']);
		expect(db.run(byName, ['a']).rows).toEqual([[1]]);
		expect(db.run(byName, ['b']).rows).toEqual([]);
		db.run('INSERT INTO t (name) VALUES (?)', ['b']);
		expect(db.run(byName, ['b']).rows).toEqual([[2]]);
		// A statement that failed is usable again, and leaves no transaction open.
		expect(() => db.run('INSERT INTO t (name) VALUES (?)', ['a'])).toThrow(IntegrityError);
		expect(db.run('INSERT INTO t (name) VALUES (?)', ['c']).rowsAffected).toBe(1);
		db.atomic(() => db.run(byName, ['c']));
		expect(db.inAtomicBlock).toBe(false);
	});

	it('still answers after a restore, a reset and more distinct statements than it keeps', async () => {
		const db = openDatabase(await loadSql());
		db.applySchema(['CREATE TABLE t (id integer PRIMARY KEY, name text)']);
		db.run('INSERT INTO t (name) VALUES (?)', ['a']);
		const snapshot = db.snapshot();
		const count = 'SELECT count(*) FROM t';
		expect(db.run(count).rows).toEqual([[1]]);
		db.run('INSERT INTO t (name) VALUES (?)', ['b']);
		expect(db.run(count).rows).toEqual([[2]]);
		db.restore(snapshot);
		expect(db.run(count).rows).toEqual([[1]]);
		for (let i = 0; i < 200; i++) expect(db.run(`SELECT ${i} FROM t`).rows).toEqual([[i]]);
		expect(db.run(count).rows).toEqual([[1]]);
		db.reset();
		expect(db.run(count).rows).toEqual([[0]]);
	});

	it('names the columns a kept statement returns after the schema changed', async () => {
		const db = openDatabase(await loadSql());
		db.run('CREATE TABLE t (id integer PRIMARY KEY)');
		const everything = 'SELECT * FROM t';
		expect(db.run(everything).columns).toEqual(['id']);
		db.run('ALTER TABLE t ADD COLUMN name text');
		expect(db.run(everything).columns).toEqual(['id', 'name']);
	});
});

describe('Database foreign keys', () => {
	it('checks deferred foreign keys at COMMIT and rolls back', async () => {
		const { db } = await seededDb();
		const before = db.export();
		expect(() => db.atomic(() => Post.objects.create({ title: 'orphan', author_id: 42 }))).toThrow(
			IntegrityError
		);
		expect(db.inAtomicBlock).toBe(false);
		expect(db.export()).toEqual(before);
	});
});

describe('two databases', () => {
	it('activate() points the shared model classes back at a database', async () => {
		const first = await seededDb();
		const second = await seededDb();
		Post.objects.all().delete();
		expect(Post.objects.count()).toBe(0);
		first.db.activate();
		expect(Post.objects.count()).toBe(3);
		expect(Post.objects.using(second.db).count()).toBe(0);
	});
});

describe('atomicAsync()', () => {
	it('spans awaits, nests savepoints, and rolls back on a rejection', async () => {
		const { db } = await seededDb();
		const before = db.export();
		await expect(
			db.atomicAsync(async () => {
				Writer.objects.create({ username: 'carol' });
				await new Promise((resolve) => setTimeout(resolve, 1));
				db.atomic(() => Writer.objects.create({ username: 'dave' }));
				throw new Error('late failure');
			})
		).rejects.toThrow('late failure');
		expect(db.export()).toEqual(before);
		const made = await db.atomicAsync(async () => Writer.objects.create({ username: 'erin' }));
		expect(made.pk).toBe(3);
		expect(db.inAtomicBlock).toBe(false);
	});
});
