/**
 * The Django Template Language, hand-written so the student can read how a template becomes
 * HTML: a lexer (`{{ }}`, `{% %}`, `{# #}`), a parser building nodes, Django's variable lookup
 * (key, attribute, index; methods called), the built-in filters and tags, template inheritance
 * and autoescaping exactly as `django.utils.html.escape` does it.
 *
 * ```ts
 * const engine = createTemplateEngine({
 *   loader: (name) => templates[name],                       // source text or undefined
 *   reverse: (name, args, kwargs) => resolver.reverse(name, { args, kwargs }),
 *   staticUrl: '/static/'
 * });
 * const { html, used } = engine.render('blog/post_list.html', { posts, csrf_token });
 * // used: ['blog/post_list.html', 'base.html', …]
 * ```
 *
 * Templates are compiled once per engine and cached. Errors are Django's: `TemplateSyntaxError`
 * (with `templateName` and `line`), `TemplateDoesNotExist`; a missing variable renders as ''.
 * As in Django, `{% static %}` needs `{% load static %}` first. Context values may be plain
 * objects, arrays, Maps, Dates (shown in UTC) or class instances: getters are read, methods with
 * no parameters are called, methods marked with `altersData()` never are. A model may define
 * `__str__()` (or `toString()`) for how it prints, `__repr__()` for how it prints inside a list,
 * `__eq__()` for `==`, and `__len__()`/`__bool__()` for `length` and truthiness. An error with
 * `silent_variable_failure = true` (Django's ObjectDoesNotExist) raised by a lookup renders as ''.
 * An error raised while rendering (NoReverseMatch, a failing method) carries the template and
 * line it came from: `templateDebugInfo(error)`, for the DEBUG page.
 */
export type { CompiledTemplate } from './context';
export type { TemplateDebugInfo } from './nodes';
export {
	createTemplateEngine,
	type RenderOptions,
	type RenderResult,
	type TemplateEngine,
	type TemplateEngineOptions,
	type UrlArgument
} from './engine';
export {
	templateDebugInfo,
	TemplateDoesNotExist,
	TemplateSyntaxError,
	VariableDoesNotExist
} from './errors';
export { conditionalEscape, escape, escapeHtml, isSafe, markSafe, SafeString } from './safe';
export { formatDate } from './dateformat';

/** Marks a method as one that changes data (Django's `alters_data = True`): templates never call it. */
export function altersData<T extends (...args: never[]) => unknown>(fn: T): T {
	(fn as unknown as { alters_data: boolean }).alters_data = true;
	return fn;
}

/** Django's `do_not_call_in_templates = True`: the template gets the callable itself. */
export function doNotCallInTemplates<T extends object>(value: T): T {
	(value as unknown as { do_not_call_in_templates: boolean }).do_not_call_in_templates = true;
	return value;
}
