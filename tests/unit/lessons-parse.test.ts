import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '$lib/lessons/parse';

describe('quick', () => {
	it('parses lesson 1', () => {
		const file = 'lessons/01-client-and-server/index.md';
		const lesson = parseLesson(file, readFileSync(file, 'utf8'));
		console.log(JSON.stringify(lesson, null, 1).slice(0, 3000));
		expect(lesson.slug).toBe('client-and-server');
	});
});
