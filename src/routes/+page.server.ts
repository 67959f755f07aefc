// The course map's data: every lesson's title, summary and objectives, read at build time.
import { summaries } from '$lib/lessons/catalog.server';

export const load = () => ({ lessons: summaries() });
