import { describe, expect, it } from 'vitest';
import { makeStatement, readEmbedEvent, readHostCommand } from './host-protocol';

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

	it('understands reveal.js-style commands, as objects or JSON text', () => {
		expect(readHostCommand({ method: 'next' })).toEqual({
			type: 'request-flow:step',
			direction: 'forward'
		});
		expect(readHostCommand(JSON.stringify({ method: 'prev' }))).toEqual({
			type: 'request-flow:step',
			direction: 'back'
		});
		expect(readHostCommand({ method: 'slide', args: [3] })).toEqual({
			type: 'request-flow:goto',
			hop: 3
		});
		expect(readHostCommand({ method: 'togglePause' })).toEqual({ type: 'request-flow:toggle' });
		expect(readHostCommand({ method: 'play' })).toEqual({ type: 'request-flow:play' });
		for (const data of [
			{ method: 'slide', args: ['x'] },
			{ method: 'remove' },
			'{"method":',
			'{"method":"eval"}',
			'next'
		])
			expect(readHostCommand(data)).toBeNull();
	});

	it('builds versioned xAPI-like statements and validates them on the host side', () => {
		const object = { lesson: 'first-request', lessonTitle: 'Your first request', step: 2 };
		const answered = makeStatement(
			{
				verb: 'answered',
				object: { ...object, id: 'which-status', name: 'Which status?' },
				result: { response: [1], responseText: ['200 OK'], success: true }
			},
			new Date('2026-01-01T00:00:00Z')
		);
		expect(answered).toMatchObject({
			type: 'request-flow:statement',
			version: 1,
			verb: 'answered',
			verbId: 'http://adlnet.gov/expapi/verbs/answered',
			timestamp: '2026-01-01T00:00:00.000Z'
		});
		expect(readEmbedEvent(answered)).toEqual(answered);
		const passed = makeStatement({
			verb: 'passed',
			object,
			result: { success: true, attempts: 2, hintsUsed: 1 }
		});
		expect(readEmbedEvent(passed)).not.toBeNull();
		// A statement whose result contradicts its verb, or of another version, is refused.
		expect(
			readEmbedEvent({ ...passed, result: { success: false, attempts: 2, hintsUsed: 1 } })
		).toBeNull();
		expect(readEmbedEvent({ ...passed, version: 2 })).toBeNull();
		expect(() =>
			makeStatement({
				verb: 'completed',
				object,
				result: { completion: true, score: { raw: -1, max: 1 } }
			})
		).toThrow();
		expect(readEmbedEvent({ type: 'request-flow:key', key: 'ArrowRight' })).not.toBeNull();
		expect(readEmbedEvent({ type: 'request-flow:key', key: 'a' })).toBeNull();
	});
});
