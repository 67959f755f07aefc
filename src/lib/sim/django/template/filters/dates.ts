/**
 * Date and time filters: `date`, `time`, `timesince`, `timeuntil`. Values may be JS Dates or
 * ISO 8601 text (as dates come back from SQLite); everything is shown in UTC, the project's
 * TIME_ZONE.
 */
import { dateFormat, timeFormat, toDate } from '../dateformat';
import type { FilterSpec } from '../variable';
import { filter1 } from './helpers';

const NBSP = '\u00a0';
// Django's TIMESINCE_CHUNKS: a year is 365 days and a month 30 days in this approximation.
const CHUNKS: [number, string][] = [
	[60 * 60 * 24 * 365, 'year'],
	[60 * 60 * 24 * 30, 'month'],
	[60 * 60 * 24 * 7, 'week'],
	[60 * 60 * 24, 'day'],
	[60 * 60, 'hour'],
	[60, 'minute']
];

function unit(count: number, name: string): string {
	// avoid_wrapping: a no-break space keeps "3 days" on one line.
	return `${count}${NBSP}${name}${count === 1 ? '' : 's'}`;
}

/** `django.utils.timesince.timesince(d, now, depth=2)`: "4 days, 6 hours". */
export function timesince(d: Date, now: Date): string {
	let since = Math.floor((now.getTime() - d.getTime()) / 1000);
	if (since <= 0) return unit(0, 'minute');
	let i = CHUNKS.findIndex(([seconds]) => since >= seconds);
	if (i === -1) return unit(0, 'minute');
	const parts: string[] = [];
	while (i < CHUNKS.length && parts.length < 2) {
		const [seconds, name] = CHUNKS[i];
		const count = Math.floor(since / seconds);
		if (count === 0) break;
		parts.push(unit(count, name));
		since -= seconds * count;
		i++;
	}
	return parts.join(', ');
}

function since(value: unknown, arg: unknown, now: () => Date, reversed: boolean): string {
	const d = toDate(value);
	if (!d) return '';
	const other = arg === undefined || arg === null || arg === '' ? now() : toDate(arg);
	if (!other) return '';
	return reversed ? timesince(other, d) : timesince(d, other);
}

export const DATE_FILTERS: Record<string, FilterSpec> = {
	date: filter1((value, arg) => {
		const d = toDate(value);
		return d ? dateFormat(d, arg === undefined ? undefined : String(arg), 'DATE_FORMAT') : '';
	}),
	time: filter1((value, arg) => {
		const d = toDate(value);
		return d ? timeFormat(d, arg === undefined ? undefined : String(arg)) : '';
	}),
	timesince: filter1((value, arg, ctx) => since(value, arg, ctx.env.now, false)),
	timeuntil: filter1((value, arg, ctx) => since(value, arg, ctx.env.now, true))
};
