import { describe, expect, it } from 'vitest';
import { readEmbedEvent, readHostCommand } from './host-protocol';

describe('postMessage protocol', () => {
	it('accepts the host commands', () => {
		expect(readHostCommand({ type: 'request-flow:play' })).toEqual({ type: 'request-flow:play' });
		expect(readHostCommand({ type: 'request-flow:step' })).toEqual({
			type: 'request-flow:step',
			direction: 'forward'
		});
		expect(readHostCommand({ type: 'request-flow:goto', hop: 3 })).toEqual({
			type: 'request-flow:goto',
			hop: 3
		});
	});

	it('ignores anything else', () => {
		for (const data of [
			null,
			'play',
			{ type: 'play' },
			{ type: 'request-flow:goto', hop: -1 },
			{ type: 'request-flow:goto', hop: '3' },
			{ type: 'request-flow:step', direction: 'sideways' },
			{ type: 'webpackOk' }
		])
			expect(readHostCommand(data)).toBeNull();
	});

	it('validates embed events for hosts that listen', () => {
		expect(readEmbedEvent({ type: 'request-flow:resize', height: 480 })).not.toBeNull();
		expect(readEmbedEvent({ type: 'request-flow:resize', height: -1 })).toBeNull();
		expect(
			readEmbedEvent({
				type: 'request-flow:hop',
				traceId: 't',
				index: 2,
				total: 20,
				from: 'view',
				to: 'model',
				kind: 'call',
				summary: 'The view asks the model.'
			})
		).not.toBeNull();
	});
});
