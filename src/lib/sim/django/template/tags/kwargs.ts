/** Django's `token_kwargs`: reads `a=1 b=c` (or the legacy `1 as a and c as b`) from tag bits. */
import type { Parser } from '../parser';
import type { FilterExpression } from '../variable';

// Django's kwarg_re, r"(?:(\w+)=)?(.+)", used with match().
const KWARG_RE = /^(?:(\w+)=)?(.+)/;

/** Consumes the key=value bits it understands from `bits` (in place), as Django does. */
export function tokenKwargs(
	bits: string[],
	parser: Parser,
	supportLegacy: boolean
): Map<string, FilterExpression> {
	const kwargs = new Map<string, FilterExpression>();
	if (!bits.length) return kwargs;
	const kwargFormat = Boolean(KWARG_RE.exec(bits[0])?.[1]);
	if (!kwargFormat && (!supportLegacy || bits.length < 3 || bits[1] !== 'as')) return kwargs;
	while (bits.length) {
		let key: string;
		let value: string;
		if (kwargFormat) {
			const m = KWARG_RE.exec(bits[0]);
			if (!m || !m[1]) return kwargs;
			[key, value] = [m[1], m[2]];
			bits.splice(0, 1);
		} else {
			if (bits.length < 3 || bits[1] !== 'as') return kwargs;
			[key, value] = [bits[2], bits[0]];
			bits.splice(0, 3);
		}
		kwargs.set(key, parser.compileFilter(value));
		if (bits.length && !kwargFormat) {
			if (bits[0] !== 'and') return kwargs;
			bits.splice(0, 1);
		}
	}
	return kwargs;
}
