/**
 * nginx's `Range` header parser (ngx_http_range_filter_module.c, `ngx_http_range_parse`): only
 * `bytes=`; each range `first-last`, `first-` or `-suffix`, spaces allowed around the numbers. A
 * range past the end is cut to the file; one that starts past the end is dropped; none left is 416.
 * A range starting at 0 that is empty, or ranges adding up to more than the file, make nginx send
 * the whole file instead (`NGX_DECLINED`).
 */

/** A byte range, `end` exclusive. */
export interface ByteRange {
	start: number;
	end: number;
}

export function parseRange(header: string, size: number): ByteRange[] | 'ignore' | 'unsatisfiable' {
	if (!/^bytes=/i.test(header)) return 'ignore';
	const text = header.slice('bytes='.length);
	const ranges: ByteRange[] = [];
	let total = 0;
	let i = 0;
	const spaces = () => {
		while (text[i] === ' ') i++;
	};
	const digits = (): number | null => {
		const match = /^\d+/.exec(text.slice(i));
		if (!match) return null;
		i += match[0].length;
		return Number(match[0]);
	};
	for (;;) {
		let start: number;
		let end: number;
		spaces();
		if (text[i] !== '-') {
			const first = digits();
			if (first === null) return 'unsatisfiable';
			start = first;
			spaces();
			if (text[i++] !== '-') return 'unsatisfiable';
			spaces();
			if (text[i] === ',' || i >= text.length) {
				end = size;
			} else {
				const last = digits();
				if (last === null) return 'unsatisfiable';
				spaces();
				if (text[i] !== ',' && i < text.length) return 'unsatisfiable';
				end = last >= size ? size : last + 1;
			}
		} else {
			i++;
			const suffix = digits();
			if (suffix === null) return 'unsatisfiable';
			spaces();
			if (text[i] !== ',' && i < text.length) return 'unsatisfiable';
			start = suffix < size ? size - suffix : 0;
			end = size;
		}
		if (start < end) {
			ranges.push({ start, end });
			total += end - start;
		} else if (start === 0) {
			return 'ignore';
		}
		if (text[i++] !== ',') break;
	}
	if (ranges.length === 0) return 'unsatisfiable';
	if (total > size) return 'ignore';
	return ranges;
}
