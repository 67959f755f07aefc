/**
 * Django's date format characters (`django/utils/dateformat.py`), in English and UTC: `Y-m-d`,
 * `N j, Y`, `D d M Y`, `H:i`, `P`… and the named formats of the default `en` locale
 * (`DATE_FORMAT` is `N j, Y`, `DATETIME_FORMAT` is `N j, Y, P`).
 */
import { isoFormat } from './py';

export const NAMED_FORMATS: Readonly<Record<string, string>> = {
	DATE_FORMAT: 'N j, Y',
	DATETIME_FORMAT: 'N j, Y, P',
	TIME_FORMAT: 'P',
	YEAR_MONTH_FORMAT: 'F Y',
	MONTH_DAY_FORMAT: 'F j',
	SHORT_DATE_FORMAT: 'm/d/Y',
	SHORT_DATETIME_FORMAT: 'm/d/Y P'
};

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];
// Associated Press style, as Django's MONTHS_AP.
const MONTHS_AP = [
	'Jan.',
	'Feb.',
	'March',
	'April',
	'May',
	'June',
	'July',
	'Aug.',
	'Sept.',
	'Oct.',
	'Nov.',
	'Dec.'
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Turns a Date or an ISO 8601 text into a Date; null when it is neither. */
export function toDate(value: unknown): Date | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
		// A date or datetime without a zone is taken as UTC (the project runs with TIME_ZONE = 'UTC').
		const text = value.length === 10 ? value + 'T00:00:00Z' : value.replace(' ', 'T');
		const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : text + 'Z';
		const date = new Date(withZone);
		return Number.isNaN(date.getTime()) ? null : date;
	}
	return null;
}

function isoWeek(d: Date): { year: number; week: number } {
	const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
	const day = t.getUTCDay() || 7;
	t.setUTCDate(t.getUTCDate() + 4 - day);
	const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
	return {
		year: t.getUTCFullYear(),
		week: Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7)
	};
}

function isLeap(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function twelveHour(d: Date): number {
	return d.getUTCHours() % 12 || 12;
}

/** `f`: hours and minutes, minutes left off when zero ("1", "1:30"). */
function f(d: Date): string {
	const m = d.getUTCMinutes();
	return m ? `${twelveHour(d)}:${pad(m)}` : String(twelveHour(d));
}

const SPECIFIERS: Record<string, (d: Date) => string> = {
	a: (d) => (d.getUTCHours() > 11 ? 'p.m.' : 'a.m.'),
	A: (d) => (d.getUTCHours() > 11 ? 'PM' : 'AM'),
	b: (d) => MONTHS[d.getUTCMonth()].slice(0, 3).toLowerCase(),
	c: (d) => isoFormat(d),
	d: (d) => pad(d.getUTCDate()),
	D: (d) => WEEKDAYS[d.getUTCDay()].slice(0, 3),
	e: () => 'UTC',
	E: (d) => MONTHS[d.getUTCMonth()],
	f,
	F: (d) => MONTHS[d.getUTCMonth()],
	g: (d) => String(twelveHour(d)),
	G: (d) => String(d.getUTCHours()),
	h: (d) => pad(twelveHour(d)),
	H: (d) => pad(d.getUTCHours()),
	i: (d) => pad(d.getUTCMinutes()),
	I: () => '0',
	j: (d) => String(d.getUTCDate()),
	l: (d) => WEEKDAYS[d.getUTCDay()],
	L: (d) => (isLeap(d.getUTCFullYear()) ? 'True' : 'False'),
	m: (d) => pad(d.getUTCMonth() + 1),
	M: (d) => MONTHS[d.getUTCMonth()].slice(0, 3),
	n: (d) => String(d.getUTCMonth() + 1),
	N: (d) => MONTHS_AP[d.getUTCMonth()],
	o: (d) => String(isoWeek(d).year),
	O: () => '+0000',
	P: (d) => {
		const h = d.getUTCHours();
		if (d.getUTCMinutes() === 0 && h === 0) return 'midnight';
		if (d.getUTCMinutes() === 0 && h === 12) return 'noon';
		return `${f(d)} ${SPECIFIERS.a(d)}`;
	},
	// email.utils.format_datetime: two-digit day, numeric zone.
	r: (d) => formatDate(d, 'D, d M Y H:i:s O'),
	s: (d) => pad(d.getUTCSeconds()),
	S: (d) => {
		const day = d.getUTCDate();
		if (day >= 11 && day <= 13) return 'th';
		return { 1: 'st', 2: 'nd', 3: 'rd' }[day % 10] ?? 'th';
	},
	t: (d) => String(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()),
	T: () => 'UTC',
	u: (d) => pad(d.getUTCMilliseconds() * 1000, 6),
	U: (d) => String(Math.floor(d.getTime() / 1000)),
	w: (d) => String(d.getUTCDay()),
	W: (d) => String(isoWeek(d).week),
	y: (d) => pad(d.getUTCFullYear() % 100),
	Y: (d) => pad(d.getUTCFullYear(), 4),
	z: (d) =>
		String(
			Math.round(
				(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) -
					Date.UTC(d.getUTCFullYear(), 0, 1)) /
					86400000
			) + 1
		),
	Z: () => '0'
};

/** `dateformat.format(value, format_string)`; a backslash makes the next character literal. */
export function formatDate(date: Date, format: string): string {
	let out = '';
	for (let i = 0; i < format.length; i++) {
		const ch = format[i];
		if (ch === '\\' && i + 1 < format.length) out += format[++i];
		else out += Object.hasOwn(SPECIFIERS, ch) ? SPECIFIERS[ch](date) : ch;
	}
	return out;
}

// TimeFormat has only these; the `time` filter gives '' for a format using any other.
const TIME_SPECIFIERS = new Set('aAefgGhHiOPsTuZ');

/** `formats.time_format(value, format)`: '' when the format asks for a date part. */
export function timeFormat(date: Date, format: string | undefined): string {
	const f = NAMED_FORMATS[format || 'TIME_FORMAT'] ?? format ?? '';
	for (let i = 0; i < f.length; i++) {
		if (f[i] === '\\') i++;
		else if (Object.hasOwn(SPECIFIERS, f[i]) && !TIME_SPECIFIERS.has(f[i])) return '';
	}
	return formatDate(date, f);
}

/** `formats.date_format(value, format)`: a named format (e.g. `DATE_FORMAT`) or format characters. */
export function dateFormat(date: Date, format: string | undefined, fallback: string): string {
	const f = format || fallback;
	return formatDate(date, NAMED_FORMATS[f] ?? f);
}
