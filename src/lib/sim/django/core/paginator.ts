/**
 * `django.core.paginator.Paginator`, as much as the admin's changelist uses: the count, the
 * number of pages, one page's rows (`InvalidPage` for a page that is not there) and
 * `get_elided_page_range()`, the page links with "…" in place of the long middle.
 */

/** `InvalidPage` (`EmptyPage` and `PageNotAnInteger` are its kinds). */
export class InvalidPage extends Error {
	override name = 'InvalidPage';
}

export class Paginator<T> {
	static readonly ELLIPSIS = '…';
	readonly ELLIPSIS = Paginator.ELLIPSIS;

	constructor(
		readonly object_list: readonly T[],
		readonly per_page: number,
		readonly allow_empty_first_page = true
	) {}

	get count(): number {
		return this.object_list.length;
	}

	get num_pages(): number {
		if (this.count === 0 && !this.allow_empty_first_page) return 0;
		return Math.max(1, Math.ceil(this.count / this.per_page));
	}

	get page_range(): number[] {
		return Array.from({ length: this.num_pages }, (_, i) => i + 1);
	}

	/** `validate_number()`. */
	validate_number(number: unknown): number {
		const n = typeof number === 'number' ? number : Number(String(number));
		if (!Number.isInteger(n)) throw new InvalidPage('That page number is not an integer');
		if (n < 1) throw new InvalidPage('That page number is less than 1');
		if (n > this.num_pages && !(n === 1 && this.allow_empty_first_page)) {
			throw new InvalidPage('That page contains no results');
		}
		return n;
	}

	/** `page(number).object_list`. */
	page(number: unknown): { number: number; object_list: T[] } {
		const n = this.validate_number(number);
		const bottom = (n - 1) * this.per_page;
		return { number: n, object_list: this.object_list.slice(bottom, bottom + this.per_page) };
	}

	/** `get_elided_page_range(number, on_each_side=3, on_ends=2)`. */
	get_elided_page_range(number = 1, onEachSide = 3, onEnds = 2): Array<number | string> {
		const n = this.validate_number(number);
		const total = this.num_pages;
		if (total <= (onEachSide + onEnds) * 2) return this.page_range;
		const range = (from: number, to: number) =>
			Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
		const out: Array<number | string> = [];
		if (n > 1 + onEachSide + onEnds + 1) {
			out.push(...range(1, onEnds), this.ELLIPSIS, ...range(n - onEachSide, n));
		} else {
			out.push(...range(1, n));
		}
		if (n < total - onEachSide - onEnds - 1) {
			out.push(...range(n + 1, n + onEachSide), this.ELLIPSIS, ...range(total - onEnds + 1, total));
		} else {
			out.push(...range(n + 1, total));
		}
		return out;
	}
}
