/*
 * Request Flow embed helper for host pages (course sites, LMS pages, slides).
 * Add it once to a page with Request Flow iframes:
 *   <script src="https://YOUR-HOST/request-flow-embed.js" defer></script>
 * It resizes each Request Flow iframe to its content's height, and gives you
 * `RequestFlow.send(iframe, command)` and a `request-flow:hop` DOM event on the iframe.
 * Messages are checked: only well-formed Request Flow messages from one of the page's
 * Request Flow iframes are used.
 */
(function () {
	'use strict';
	var PREFIX = 'request-flow:';

	function frameFor(source) {
		var frames = document.querySelectorAll('iframe');
		for (var i = 0; i < frames.length; i++)
			if (frames[i].contentWindow === source) return frames[i];
		return null;
	}

	window.addEventListener('message', function (event) {
		var data = event.data;
		if (!data || typeof data.type !== 'string' || data.type.indexOf(PREFIX) !== 0) return;
		var frame = frameFor(event.source);
		if (!frame) return;
		if (data.type === PREFIX + 'resize' && typeof data.height === 'number' && data.height >= 0) {
			frame.style.height = Math.ceil(data.height) + 'px';
		}
		frame.dispatchEvent(new CustomEvent(data.type, { detail: data }));
	});

	window.RequestFlow = {
		/** command: 'play' | 'pause' | 'step' | 'back' | 'restart' | a hop number (goto). */
		send: function (frame, command) {
			var message =
				typeof command === 'number'
					? { type: PREFIX + 'goto', hop: command }
					: command === 'back'
						? { type: PREFIX + 'step', direction: 'back' }
						: { type: PREFIX + command };
			frame.contentWindow.postMessage(message, '*');
		}
	};
})();
