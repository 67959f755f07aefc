/** Shared by the template tests: render template text with a fixed clock and a fake reverse(). */
import { createTemplateEngine, type TemplateEngineOptions } from './index';

export const NOW = new Date('2008-01-09T15:30:00Z');

export function engineWith(
	templates: Record<string, string> = {},
	options: Partial<TemplateEngineOptions> = {}
) {
	return createTemplateEngine({
		loader: (name) => templates[name],
		now: () => NOW,
		reverse: (name, args, kwargs) => {
			if (name === 'blog:post_detail') return `/blog/${args[0] ?? kwargs.pk}/`;
			if (name === 'home') return '/';
			const error = new Error(`Reverse for '${name}' not found.`);
			error.name = 'NoReverseMatch';
			throw error;
		},
		...options
	});
}

/** Renders template text and returns the HTML. */
export function render(source: string, context: Record<string, unknown> = {}): string {
	return engineWith().renderString(source, context).html;
}
