/**
 * A guard for the regular expressions a student writes in `re_path()`. A group that repeats
 * without bound and itself holds something that repeats without bound (`(a+)+`, `(\w*)*`,
 * `(?:\d+/)+$`) can make a backtracking engine try exponentially many ways to match a path that
 * almost fits: Python's `re` (so real Django) and JavaScript's alike. In a real server the
 * worker hangs until gunicorn kills it; here it would freeze the student's tab, since the stack
 * runs in the page. So such a pattern is refused before it is ever run, with the reason.
 *
 * A static check (the "star height" of the pattern), not a timer: the same pattern is always
 * refused, however fast or busy the machine is.
 */

/** The first group that repeats without bound around an unbounded repeat, or null. */
export function nestedRepeat(pattern: string): string | null {
	// Per open group: where it starts and whether an unbounded repeat is inside it.
	const groups: { start: number; unbounded: boolean }[] = [];
	let i = 0;
	/** Whether a variable repeat starts at `at` (`*`, `+`, `{n,}`, `{n,m}` with m > n). */
	const unboundedAt = (at: number): boolean => quantifierAt(at) > 0;
	/** The length of the unbounded quantifier at `at` (0: none). */
	const quantifierAt = (at: number): number => {
		const ch = pattern[at];
		if (ch === '*' || ch === '+') return 1;
		const brace = /^\{(\d*)(,(\d*))?\}/.exec(pattern.slice(at));
		if (!brace) return 0;
		// `{4}` repeats a fixed number of times: no choice to backtrack over. `{2,}`, `{1,3}` do.
		const unbounded =
			brace[2] !== undefined && (brace[3] === '' || Number(brace[3]) > Number(brace[1] || 0));
		return unbounded ? brace[0].length : 0;
	};
	const markInner = () => {
		const top = groups[groups.length - 1];
		if (top) top.unbounded = true;
	};
	while (i < pattern.length) {
		const ch = pattern[i];
		if (ch === '\\') {
			i += 2;
			if (unboundedAt(i)) markInner();
			continue;
		}
		if (ch === '[') {
			// A character class: `]` right after `[` or `[^` is a literal.
			let j = i + 1;
			if (pattern[j] === '^') j++;
			if (pattern[j] === ']') j++;
			while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
			i = j + 1;
			if (unboundedAt(i)) markInner();
			continue;
		}
		if (ch === '(') {
			groups.push({ start: i, unbounded: false });
			i++;
			continue;
		}
		if (ch === ')') {
			const group = groups.pop();
			i++;
			if (!group) continue;
			if (unboundedAt(i)) {
				if (group.unbounded) return pattern.slice(group.start, i + quantifierAt(i));
				markInner();
			} else if (group.unbounded) markInner();
			continue;
		}
		i++;
		if (unboundedAt(i)) markInner();
	}
	return null;
}

/** Why `pattern` is refused, in plain words, or null when it may run. */
export function refuseSlowRegex(pattern: string): string | null {
	const group = nestedRepeat(pattern);
	if (!group) return null;
	return (
		`This simulation refuses the re_path() pattern ${JSON.stringify(pattern)}: its group ` +
		`${JSON.stringify(group)} repeats, and what it holds repeats too. Matching such a pattern ` +
		`against a path that almost fits can take exponential time ("catastrophic backtracking"): ` +
		`real Django would hang its worker until gunicorn kills it, and here it would freeze this ` +
		`page. Repeat the group's contents once, e.g. "(?:\\w+/)*" → "[\\w/]*".`
	);
}
