/**
 * The template engine's exceptions, with Django's class names and messages, so that what the
 * student sees matches the yellow DEBUG page of a real project.
 */

/** A template that cannot be parsed. Carries the template's name and the line, as Django's debug page shows. */
export class TemplateSyntaxError extends Error {
	override name = 'TemplateSyntaxError';
	/** The template's name (`'<string>'` for one given as text), filled in by the engine. */
	templateName?: string;
	/** 1-based line of the offending token, when known. */
	line?: number;
	/** The template's text, filled in by the engine (for the DEBUG page's template section). */
	templateSource?: string;
	constructor(message: string, line?: number) {
		super(message);
		this.line = line;
	}
}

/** No template with that name (`django.template.TemplateDoesNotExist`). */
export class TemplateDoesNotExist extends Error {
	override name = 'TemplateDoesNotExist';
	/** The names tried, most recent last (an `extends` or `include` can be the one that failed). */
	readonly tried: string[];
	constructor(templateName: string, tried: string[] = [templateName]) {
		super(templateName);
		this.tried = tried;
	}
}

/**
 * A lookup that failed; caught inside the engine and turned into `string_if_invalid` ('').
 * Missing variables are common, so the message (which prints the context) is only built when
 * someone reads it, as Django's `VariableDoesNotExist.__str__` does.
 */
export class VariableDoesNotExist extends Error {
	override name = 'VariableDoesNotExist';
	constructor(message: string | (() => string)) {
		super(typeof message === 'string' ? message : '');
		if (typeof message !== 'string') {
			let text: string | undefined;
			Object.defineProperty(this, 'message', {
				get: () => (text ??= message()),
				configurable: true
			});
		}
	}
}

/**
 * Where an error raised while rendering (NoReverseMatch, an exception in a method) happened:
 * the template and line the DEBUG page shows under "Error during template rendering".
 * For a TemplateSyntaxError, the template and line of the bad tag.
 */
export function templateDebugInfo(error: unknown): { name?: string; line: number } | undefined {
	if (error instanceof TemplateSyntaxError && error.line !== undefined) {
		return { name: error.templateName, line: error.line };
	}
	return (error as { templateDebug?: { name?: string; line: number } } | null)?.templateDebug;
}
