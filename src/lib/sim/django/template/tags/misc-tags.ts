/**
 * The smaller built-in tags from `defaulttags.py`: `with`, `comment`, `load`, `verbatim`,
 * `autoescape`, `now`, `firstof`, `templatetag`, `spaceless`.
 */
import type { Context } from '../context';
import { dateFormat } from '../dateformat';
import { TemplateSyntaxError } from '../errors';
import { splitContents, type Token } from '../lexer';
import { renderValueInContext, TextNode, type Node, type NodeList } from '../nodes';
import type { Library, Parser } from '../parser';
import { pyBool } from '../py';
import type { FilterExpression } from '../variable';
import { tokenKwargs } from './kwargs';

class WithNode implements Node {
	constructor(
		readonly extra: Map<string, FilterExpression>,
		readonly nodelist: NodeList
	) {}
	render(context: Context): string {
		const values: Record<string, unknown> = {};
		for (const [key, value] of this.extra) values[key] = value.resolve(context);
		return context.push(values, () => this.nodelist.render(context));
	}
	childNodelists() {
		return [this.nodelist];
	}
}

export function doWith(parser: Parser, token: Token): Node {
	const bits = splitContents(token.contents);
	const remaining = bits.slice(1);
	const extra = tokenKwargs(remaining, parser, true);
	if (!extra.size) {
		throw new TemplateSyntaxError(`'${bits[0]}' expected at least one variable assignment`);
	}
	if (remaining.length) {
		throw new TemplateSyntaxError(`'${bits[0]}' received an invalid token: '${remaining[0]}'`);
	}
	const nodelist = parser.parse(['endwith']);
	parser.deleteFirstToken();
	return new WithNode(extra, nodelist);
}

const EMPTY: Node = { render: () => '' };

export function doComment(parser: Parser): Node {
	parser.skipPast('endcomment');
	return EMPTY;
}

export function doLoad(parser: Parser, token: Token): Node {
	const bits = token.contents.split(/\s+/);
	const find = (name: string): Library => {
		const lib = Object.hasOwn(parser.libraries, name) ? parser.libraries[name] : undefined;
		if (!lib) {
			throw new TemplateSyntaxError(
				`'${name}' is not a registered tag library. Must be one of:\n${Object.keys(parser.libraries).sort().join('\n')}`
			);
		}
		return lib;
	};
	if (bits.length >= 4 && bits[bits.length - 2] === 'from') {
		// {% load static from static %}: only the named tags and filters.
		const name = bits[bits.length - 1];
		const lib = find(name);
		const subset: Library = { tags: {}, filters: {} };
		for (const item of bits.slice(1, -2)) {
			if (lib.tags?.[item]) subset.tags![item] = lib.tags[item];
			else if (lib.filters?.[item]) subset.filters![item] = lib.filters[item];
			else {
				throw new TemplateSyntaxError(
					`'${item}' is not a valid tag or filter in tag library '${name}'`
				);
			}
		}
		parser.addLibrary(subset);
	} else {
		for (const name of bits.slice(1)) parser.addLibrary(find(name));
	}
	return EMPTY;
}

export function doVerbatim(parser: Parser): Node {
	const nodelist = parser.parse(['endverbatim']);
	parser.deleteFirstToken();
	const text = nodelist.nodes.map((n) => (n instanceof TextNode ? n.text : '')).join('');
	return new TextNode(text);
}

class AutoescapeNode implements Node {
	constructor(
		readonly setting: boolean,
		readonly nodelist: NodeList
	) {}
	render(context: Context): string {
		const old = context.autoescape;
		context.autoescape = this.setting;
		try {
			return this.nodelist.render(context);
		} finally {
			context.autoescape = old;
		}
	}
	childNodelists() {
		return [this.nodelist];
	}
}

export function doAutoescape(parser: Parser, token: Token): Node {
	const args = token.contents.split(/\s+/);
	if (args.length !== 2)
		throw new TemplateSyntaxError("'autoescape' tag requires exactly one argument.");
	if (args[1] !== 'on' && args[1] !== 'off') {
		throw new TemplateSyntaxError("'autoescape' argument should be 'on' or 'off'");
	}
	const nodelist = parser.parse(['endautoescape']);
	parser.deleteFirstToken();
	return new AutoescapeNode(args[1] === 'on', nodelist);
}

export function doNow(_parser: Parser, token: Token): Node {
	let bits = splitContents(token.contents);
	let asvar: string | null = null;
	if (bits.length === 4 && bits[2] === 'as') {
		asvar = bits[3];
		bits = bits.slice(0, 2);
	}
	if (bits.length !== 2) throw new TemplateSyntaxError("'now' statement takes one argument");
	const format = bits[1].slice(1, -1);
	return {
		render(context: Context): string {
			const formatted = dateFormat(context.env.now(), format, 'DATE_FORMAT');
			if (asvar === null) return formatted;
			context.set(asvar, formatted);
			return '';
		}
	};
}

export function doFirstof(parser: Parser, token: Token): Node {
	let bits = splitContents(token.contents).slice(1);
	let asvar: string | null = null;
	if (!bits.length)
		throw new TemplateSyntaxError("'firstof' statement requires at least one argument");
	if (bits.length >= 2 && bits[bits.length - 2] === 'as') {
		asvar = bits[bits.length - 1];
		bits = bits.slice(0, -2);
	}
	const vars = bits.map((b) => parser.compileFilter(b));
	return {
		render(context: Context): string {
			let first = '';
			for (const v of vars) {
				const value = v.resolve(context, true);
				if (pyBool(value)) {
					first = renderValueInContext(value, context);
					break;
				}
			}
			if (asvar === null) return first;
			context.set(asvar, first);
			return '';
		}
	};
}

const TEMPLATETAG: Record<string, string> = {
	openblock: '{%',
	closeblock: '%}',
	openvariable: '{{',
	closevariable: '}}',
	openbrace: '{',
	closebrace: '}',
	opencomment: '{#',
	closecomment: '#}'
};

export function doTemplatetag(_parser: Parser, token: Token): Node {
	const bits = token.contents.split(/\s+/);
	if (bits.length !== 2)
		throw new TemplateSyntaxError("'templatetag' statement takes one argument");
	if (!Object.hasOwn(TEMPLATETAG, bits[1])) {
		const names = Object.keys(TEMPLATETAG)
			.map((k) => `'${k}'`)
			.join(', ');
		throw new TemplateSyntaxError(
			`Invalid templatetag argument: '${bits[1]}'. Must be one of: [${names}]`
		);
	}
	return new TextNode(TEMPLATETAG[bits[1]]);
}

export function doSpaceless(parser: Parser): Node {
	const nodelist = parser.parse(['endspaceless']);
	parser.deleteFirstToken();
	return {
		render: (context: Context) => nodelist.render(context).trim().replace(/>\s+</g, '><'),
		childNodelists: () => [nodelist]
	};
}
