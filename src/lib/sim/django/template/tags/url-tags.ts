/**
 * Tags that build URLs and form fields: `{% url %}` (through the injected `reverse`),
 * `{% csrf_token %}`, and the `static` library's `{% static %}` (loaded with `{% load static %}`).
 */
import type { Context } from '../context';
import { TemplateSyntaxError } from '../errors';
import { splitContents, type Token } from '../lexer';
import type { Node } from '../nodes';
import type { Library, Parser } from '../parser';
import { pyStr } from '../py';
import { conditionalEscape, escapeHtml, isSafe } from '../safe';
import type { FilterExpression } from '../variable';
import { quote } from '../filters/text';

const KWARG_RE = /^(?:(\w+)=)?(.+)/;

/** What a URL pattern receives: numbers stay numbers, anything else becomes its text. */
function urlArgument(value: unknown): string | number {
	return typeof value === 'number' ? value : pyStr(value);
}

class UrlNode implements Node {
	constructor(
		readonly viewName: FilterExpression,
		readonly args: FilterExpression[],
		readonly kwargs: Map<string, FilterExpression>,
		readonly asvar: string | null
	) {}

	render(context: Context): string {
		const reverse = context.env.reverse;
		if (!reverse) throw new Error('{% url %} needs the engine to be given a reverse() function.');
		const args = this.args.map((a) => urlArgument(a.resolve(context)));
		const kwargs: Record<string, string | number> = {};
		for (const [k, v] of this.kwargs) kwargs[k] = urlArgument(v.resolve(context));
		const name = pyStr(this.viewName.resolve(context));
		let url = '';
		try {
			url = reverse(name, args, kwargs);
		} catch (e) {
			// `{% url … as var %}` swallows NoReverseMatch and sets '' instead.
			if (this.asvar === null || (e as Error).name !== 'NoReverseMatch') throw e;
		}
		if (this.asvar !== null) {
			context.set(this.asvar, url);
			return '';
		}
		return context.autoescape ? conditionalEscape(url).value : url;
	}
}

export function doUrl(parser: Parser, token: Token): Node {
	let bits = splitContents(token.contents);
	if (bits.length < 2) {
		throw new TemplateSyntaxError(`'${bits[0]}' takes at least one argument, a URL pattern name.`);
	}
	const viewName = parser.compileFilter(bits[1]);
	const args: FilterExpression[] = [];
	const kwargs = new Map<string, FilterExpression>();
	let asvar: string | null = null;
	bits = bits.slice(2);
	if (bits.length >= 2 && bits[bits.length - 2] === 'as') {
		asvar = bits[bits.length - 1];
		bits = bits.slice(0, -2);
	}
	for (const bit of bits) {
		const m = KWARG_RE.exec(bit);
		if (!m) throw new TemplateSyntaxError('Malformed arguments to url tag');
		if (m[1]) kwargs.set(m[1], parser.compileFilter(m[2]));
		else args.push(parser.compileFilter(m[2]));
	}
	return new UrlNode(viewName, args, kwargs, asvar);
}

class CsrfTokenNode implements Node {
	render(context: Context): string {
		const token = context.get('csrf_token');
		if (!token) return '';
		if (token === 'NOTPROVIDED') return '';
		const value = isSafe(token) ? token.value : escapeHtml(pyStr(token));
		return `<input type="hidden" name="csrfmiddlewaretoken" value="${value}">`;
	}
}

export const doCsrfToken = (): Node => new CsrfTokenNode();

class StaticNode implements Node {
	constructor(
		readonly path: FilterExpression | null,
		readonly varname: string | null
	) {}
	render(context: Context): string {
		const base = context.env.staticUrl;
		// StaticFilesStorage.url: STATIC_URL joined with the path quoted as filepath_to_uri does.
		const url = this.path
			? base.replace(/\/?$/, '/') +
				quote(pyStr(this.path.resolve(context)).replace(/^\//, ''), "/~!*()'")
			: base;
		const out = context.autoescape ? conditionalEscape(url).value : url;
		if (this.varname === null) return out;
		context.set(this.varname, url);
		return '';
	}
}

function doStatic(parser: Parser, token: Token): Node {
	const bits = splitContents(token.contents);
	if (bits.length < 2) {
		throw new TemplateSyntaxError(`'${bits[0]}' takes at least one argument (path to file)`);
	}
	const varname = bits.length >= 4 && bits[bits.length - 2] === 'as' ? bits[3] : null;
	return new StaticNode(parser.compileFilter(bits[1]), varname);
}

function doGetStaticPrefix(_parser: Parser, token: Token): Node {
	const bits = token.contents.split(/\s+/);
	const varname = bits.length === 3 && bits[1] === 'as' ? bits[2] : null;
	return new StaticNode(null, varname);
}

/** `{% load static %}`. */
export const STATIC_LIBRARY: Library = {
	tags: { static: doStatic, get_static_prefix: doGetStaticPrefix }
};
