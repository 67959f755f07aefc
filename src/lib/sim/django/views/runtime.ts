/**
 * What views need from the request's simulation context besides HTTP: the template engine, the
 * URL reverser and the trace recorder. `site.ts` puts them on `request.sim`; this module is the one
 * place the views read them, so the shapes are written down once.
 */
import type { HttpRequest } from '../http';
import type { TraceRecorder } from '../../trace';
import type { SourceRef } from '../../types';

/** What the template engine gives back for one render. */
export interface RenderedTemplate {
	html: string;
	/** Every template used (extends and includes too), in order. */
	used?: string[];
}

export interface TemplateRenderer {
	render(name: string, context: Record<string, unknown>): string | RenderedTemplate;
}

export interface ReverseFn {
	(name: string, options?: { args?: unknown[]; kwargs?: Record<string, unknown> }): string;
}

interface ViewServices {
	templates?: TemplateRenderer;
	reverse?: ReverseFn;
	recorder: TraceRecorder;
}

function services(request: HttpRequest): ViewServices {
	return request.sim as unknown as ViewServices;
}

export function templatesOf(request: HttpRequest): TemplateRenderer {
	const templates = services(request).templates;
	if (!templates) throw new Error('request.sim.templates is missing: the site sets it up');
	return templates;
}

export function reverseOf(request: HttpRequest): ReverseFn {
	const reverse = services(request).reverse;
	if (!reverse) throw new Error('request.sim.reverse is missing: the site sets it up');
	return reverse;
}

export function recorderOf(request: HttpRequest): TraceRecorder {
	return services(request).recorder;
}

/** Records that some Python lines ran in the view, with a plain sentence for the narration. */
export function ran(request: HttpRequest, source: SourceRef, summary: string): void {
	recorderOf(request).ran(source, summary);
}

/** Records a step inside Django's own code (no project lines to show), e.g. LoginView's checks. */
export function step(request: HttpRequest, summary: string, note?: string): void {
	recorderOf(request).hop('view', 'view', 'call', 'in', summary, note ? { note } : {}, 0.05);
}
