import { describe, expect, it } from 'vitest';
import { escapeMermaid, traceToMermaid } from './mermaid';
import { outboundTrace, sampleTrace } from './test-trace';

describe('Mermaid export', () => {
	const text = traceToMermaid(sampleTrace);

	it('declares only the participants the trace visits, in stack order', () => {
		const participants = text.split('\n').filter((l) => l.trim().startsWith('participant'));
		expect(participants.map((l) => l.trim().split(' ')[1])).toEqual(['B', 'W', 'M', 'O', 'D']);
	});

	it('draws requests solid, responses dashed, work inside a node as a note', () => {
		expect(text).toContain('B->>W: GET /blog/3/?ref=home HTTP/1.1');
		expect(text).toContain('W-->>B: HTTP/1.1 200 OK');
		expect(text).toContain('Note over M: SessionMiddleware (request)');
		expect(text).toContain('O->>D: SELECT');
	});

	it('escapes the characters Mermaid reads specially', () => {
		expect(escapeMermaid('a; b #1\nc')).toBe('a#59; b #35;1 c');
		expect(text.startsWith('sequenceDiagram\n')).toBe(true);
	});

	it('carries an accessible title and description', () => {
		expect(text).toContain('    accTitle: Request Flow: GET /blog/3/, answered 200\n');
		expect(text).toMatch(
			/\n {4}accDescr: How the demo site answered GET \/blog\/3\/: \d+ steps through Browser, Web server \(nginx\), .*ending with status 200\.\n/
		);
	});
});

describe('Mermaid export of a server-to-server call', () => {
	it('adds the outside server as a participant only when the trace reaches it', () => {
		const text = traceToMermaid(outboundTrace);
		expect(text).toContain('    participant I as Identity provider (id.example.test)\n');
		expect(text).toContain('V->>I: POST /token HTTP/1.1');
		expect(text).toContain('I-->>V: HTTP/1.1 200 OK');
		expect(traceToMermaid(sampleTrace)).not.toContain('participant I');
	});
});
