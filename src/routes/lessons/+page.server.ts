// `/lessons/` lists the lessons, so an address with the lesson's name cut off still leads somewhere.
import { summaries } from '$lib/lessons/catalog.server';

export const load = () => ({ lessons: summaries() });
