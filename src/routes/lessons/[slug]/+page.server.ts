// One lesson page per folder in `lessons/`, prerendered; the slug is the folder name without its number.
import { error } from '@sveltejs/kit';
import { lessons } from '$lib/lessons/catalog.server';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => lessons().map((l) => ({ slug: l.slug }));

export const load = ({ params }) => {
	const all = lessons();
	const index = all.findIndex((l) => l.slug === params.slug);
	if (index === -1) error(404, 'There is no lesson with this name.');
	const link = (i: number) => (all[i] ? { slug: all[i].slug, title: all[i].title } : null);
	return {
		lesson: all[index],
		position: index + 1,
		count: all.length,
		previous: link(index - 1),
		next: link(index + 1)
	};
};
