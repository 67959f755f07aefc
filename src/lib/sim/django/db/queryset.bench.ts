/**
 * What the ORM costs per query on sql.js: build, compile, run, make instances
 * (run: npx vitest bench --run src/lib/sim/django/db). Prints figures; asserts nothing.
 */
import { bench, describe } from 'vitest';
import { Post, seededDb } from './test-models';

const { db } = await seededDb();
void db;

describe('one query, end to end', () => {
	bench('Post.objects.get(pk=3)', () => {
		Post.objects.get({ pk: 3 });
	});
	bench("Post.objects.filter(author__username='alice').order_by('-created')[:5]", () => {
		Post.objects.filter({ author__username: 'alice' }).order_by('-created').slice(0, 5).list();
	});
	bench("Post.objects.select_related('author') (3 rows)", () => {
		Post.objects.select_related('author').list();
	});
});
