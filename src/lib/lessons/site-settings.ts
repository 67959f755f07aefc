/**
 * The demo site's settings a lesson can change, in words, and the settings in force at a given
 * step: the lesson's own, then every `settings` step revealed so far, in order.
 */
import type { LessonPart, SiteSettings } from './schema';

export function describeSettings(s: SiteSettings): string[] {
	const out: string[] = [];
	if (s.debug !== undefined) out.push(`DEBUG = ${s.debug ? 'True' : 'False'} in Django's settings`);
	if (s.appServerUp !== undefined)
		out.push(
			s.appServerUp ? 'The application server is running' : 'The application server is stopped'
		);
	if (s.workers !== undefined)
		out.push(`gunicorn runs ${s.workers} worker${s.workers === 1 ? '' : 's'}`);
	if (s.gunicornTimeoutS !== undefined)
		out.push(`gunicorn's timeout is ${s.gunicornTimeoutS} seconds`);
	if (s.nginxProxyReadTimeoutS !== undefined)
		out.push(`nginx's proxy_read_timeout is ${s.nginxProxyReadTimeoutS} seconds`);
	if (s.paymentApiUp !== undefined)
		out.push(
			s.paymentApiUp
				? 'The payment API (api.payments.test) is answering'
				: 'The payment API (api.payments.test) is down: calls to it time out'
		);
	return out;
}

export function settingsAt(
	base: SiteSettings | undefined,
	parts: LessonPart[],
	revealed: number
): SiteSettings {
	let settings: SiteSettings = { ...base };
	for (const part of parts.slice(0, revealed))
		for (const step of part.steps)
			if (step.type === 'settings') settings = { ...settings, ...step.settings };
	return settings;
}
