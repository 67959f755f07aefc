/*
 * Request Flow embed helper for host pages (course sites, LMS pages, slides).
 * Add it once to a page with Request Flow iframes:
 *   <script src="https://YOUR-HOST/request-flow-embed.js" defer></script>
 *
 * It manages the iframes whose address is on the same site as this script (or that you hand to
 * `RequestFlowEmbed.manage(iframe)`):
 * - each one is resized to its content's height;
 * - `RequestFlowEmbed.send(iframe, command)` drives one: 'play' | 'pause' | 'step' | 'back' |
 *   'restart' | a hop number (goto);
 * - `RequestFlowEmbed.on(verb, listener)` hears what a student did in an embedded lesson:
 *   'experienced' (a step was shown), 'answered' (a prediction: result.response, .success),
 *   'passed' / 'failed' (a challenge: result.attempts, .hintsUsed), 'completed' (the lesson:
 *   result.score.raw of .max), or '*' for all of them. The listener gets (statement, iframe).
 *   It returns a function that stops listening.
 * - each iframe also receives the messages as DOM events ('request-flow:hop',
 *   'request-flow:statement', ...) with the message as `event.detail`.
 *
 * A message is used only when it comes from the window of an iframe this script manages and
 * from the origin that iframe was loaded from; any other page's message is ignored.
 * `window.RequestFlow` is the same object, under its earlier name.
 */
(function () {
	'use strict';
	var PREFIX = 'request-flow:';
	var VERBS = ['experienced', 'answered', 'passed', 'failed', 'completed'];
	var script = document.currentScript;
	var home = originOf(script && script.src ? script.src : location.href);
	var extra = [];
	var listeners = {};

	function originOf(url) {
		try {
			var origin = new URL(url, location.href).origin;
			return origin === 'null' ? null : origin;
		} catch {
			return null;
		}
	}

	/** The managed iframe whose window sent a message, and the origin it was loaded from. */
	function managedFrame(source) {
		if (!source) return null;
		var frames = document.querySelectorAll('iframe');
		for (var i = 0; i < frames.length; i++) {
			var frame = frames[i];
			if (frame.contentWindow !== source) continue;
			var origin = originOf(frame.src);
			if (origin && (origin === home || extra.indexOf(frame) !== -1)) return { frame, origin };
			return null;
		}
		return null;
	}

	window.addEventListener('message', function (event) {
		var data = event.data;
		if (!data || typeof data.type !== 'string' || data.type.indexOf(PREFIX) !== 0) return;
		var managed = managedFrame(event.source);
		if (!managed || event.origin !== managed.origin) return;
		var frame = managed.frame;
		if (data.type === PREFIX + 'resize') {
			if (typeof data.height !== 'number' || !(data.height >= 0) || data.height > 20000) return;
			frame.style.height = Math.ceil(data.height) + 'px';
		}
		if (data.type === PREFIX + 'statement') {
			if (data.version !== 1 || VERBS.indexOf(data.verb) === -1) return;
			call(listeners[data.verb], data, frame);
			call(listeners['*'], data, frame);
		}
		frame.dispatchEvent(new CustomEvent(data.type, { detail: data }));
	});

	function call(list, data, frame) {
		if (!list) return;
		list.slice().forEach(function (listener) {
			try {
				listener(data, frame);
			} catch (error) {
				console.error('Request Flow: a listener failed.', error);
			}
		});
	}

	var api = {
		/** command: 'play' | 'pause' | 'step' | 'back' | 'restart' | a hop number (goto). */
		send: function (frame, command) {
			var message =
				typeof command === 'number'
					? { type: PREFIX + 'goto', hop: command }
					: command === 'back'
						? { type: PREFIX + 'step', direction: 'back' }
						: { type: PREFIX + command };
			var origin = originOf(frame.src);
			if (frame.contentWindow && origin) frame.contentWindow.postMessage(message, origin);
		},
		/** verb: one of the statement verbs above, or '*'. Returns a function that stops. */
		on: function (verb, listener) {
			if (verb !== '*' && VERBS.indexOf(verb) === -1)
				throw new Error('Request Flow: unknown event "' + verb + '"; use one of ' + VERBS);
			(listeners[verb] = listeners[verb] || []).push(listener);
			return function () {
				var list = listeners[verb];
				var at = list.indexOf(listener);
				if (at !== -1) list.splice(at, 1);
			};
		},
		/** Manages an iframe from another address (a Request Flow served from a second host). */
		manage: function (frame) {
			if (extra.indexOf(frame) === -1) extra.push(frame);
		}
	};
	window.RequestFlowEmbed = api;
	window.RequestFlow = api;
})();
