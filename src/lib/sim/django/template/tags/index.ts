/** Every built-in tag, by name, and the libraries `{% load %}` knows. */
import type { Library, TagCompiler } from '../parser';
import { doFor, doIf } from './if-for';
import { doBlock, doExtends, doInclude } from './loader-tags';
import { doCycle, doFilter, doIfchanged, doRegroup, doResetcycle, doWidthratio } from './loop-tags';
import {
	doAutoescape,
	doComment,
	doFirstof,
	doLoad,
	doNow,
	doSpaceless,
	doTemplatetag,
	doVerbatim,
	doWith
} from './misc-tags';
import { doCsrfToken, doUrl, STATIC_LIBRARY } from './url-tags';

export const BUILTIN_TAGS: Readonly<Record<string, TagCompiler>> = {
	if: doIf,
	for: doFor,
	block: doBlock,
	extends: doExtends,
	include: doInclude,
	url: doUrl,
	csrf_token: doCsrfToken,
	with: doWith,
	comment: doComment,
	load: doLoad,
	verbatim: doVerbatim,
	autoescape: doAutoescape,
	now: doNow,
	cycle: doCycle,
	resetcycle: doResetcycle,
	ifchanged: doIfchanged,
	regroup: doRegroup,
	widthratio: doWidthratio,
	filter: doFilter,
	firstof: doFirstof,
	templatetag: doTemplatetag,
	spaceless: doSpaceless
};

export const LIBRARIES: Readonly<Record<string, Library>> = { static: STATIC_LIBRARY };
