/**
 * Relative template names (`{% extends "./base.html" %}`, `{% include "../card.html" %}`),
 * resolved against the naming template as Django's `construct_relative_path` does.
 */
import { TemplateSyntaxError } from '../errors';

/** `posixpath.normpath(posixpath.join(dirname(current), name))`. */
function joinPath(current: string, name: string): string {
	const parts = current.split('/').slice(0, -1);
	for (const part of name.split('/')) {
		if (part === '..') {
			if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
			else parts.push('..');
		} else if (part !== '.' && part !== '') {
			parts.push(part);
		}
	}
	return parts.join('/');
}

/** Django's `construct_relative_path`: `{% extends "./base.html" %}` is relative to this template. */
export function relativePath(
	origin: string | undefined,
	relativeName: string,
	allowRecursion: boolean
) {
	const name = relativeName.replace(/^['"]+|['"]+$/g, '');
	if (!name.startsWith('./') && !name.startsWith('../')) return relativeName;
	if (origin === undefined || origin === '<string>') {
		throw new TemplateSyntaxError(
			`The relative path ${relativeName} cannot be evaluated due to an unknown template origin.`
		);
	}
	const current = origin.replace(/^\/+/, '');
	const resolved = joinPath(current, name);
	if (resolved.startsWith('../')) {
		throw new TemplateSyntaxError(
			`The relative path '${relativeName}' points outside the file hierarchy that template '${origin}' is in.`
		);
	}
	if (!allowRecursion && current === resolved) {
		throw new TemplateSyntaxError(
			`The relative path '${relativeName}' was translated to template name '${origin}', the same template in which the tag appears.`
		);
	}
	const quoted = /^['"]/.test(relativeName) && relativeName[0] === relativeName.at(-1);
	return quoted ? `"${resolved}"` : resolved;
}
