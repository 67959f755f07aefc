/**
 * `XFrameOptionsMiddleware` (django/middleware/clickjacking.py): adds `X-Frame-Options: DENY` so
 * no other site can show this page inside a frame and trick the user into clicking on it.
 */
import type { Settings } from '../settings';
import type { Middleware } from './types';

export function xFrameOptionsMiddleware(settings: Settings): Middleware {
	return {
		name: 'django.middleware.clickjacking.XFrameOptionsMiddleware',
		process_response(_request, response, step) {
			if (response.has_header('X-Frame-Options') || response.notes.xframe_options_exempt) {
				step.note = 'The response already says whether it may be framed.';
				return response;
			}
			const value = (settings.X_FRAME_OPTIONS || 'DENY').toUpperCase();
			response.headers.set('X-Frame-Options', value);
			step.note = `Adds X-Frame-Options: ${value}, so other sites cannot put this page in a frame.`;
			return response;
		}
	};
}
