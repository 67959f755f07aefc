// Each lesson as JSON, prerendered next to the embed, so `/embed/?lesson=<slug>` (one static page)
// can show any lesson's steps without carrying the whole course in its own page.
import { error, json } from '@sveltejs/kit';
import { lessons } from '$lib/lessons/catalog.server';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => lessons().map((l) => ({ slug: l.slug }));

export const GET: RequestHandler = ({ params }) => {
	const all = lessons();
	const index = all.findIndex((l) => l.slug === params.slug);
	if (index === -1) error(404, 'There is no lesson with this name.');
	return json({ lesson: all[index], position: index + 1, count: all.length });
};
