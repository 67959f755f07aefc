/**
 * The mail server (`mail.mysite.test`, node `mail-server`): an SMTP server in the style of
 * Postfix that accepts a conversation from Django's SMTP backend and keeps one mailbox per
 * recipient, which the client panel's Inbox reads (a student "checks their mail").
 *
 * `converse()` plays one SMTP session as `smtplib.SMTP.sendmail()` drives it (lower-case
 * commands, `size=` because the server announces SIZE, dot-stuffing in DATA) and answers each
 * line as the server would; it returns the transcript, both sides in order, for the inspector.
 * Browsers do not speak SMTP: an HTTP request to this host gets a short plain-text refusal.
 */
import type { SimRequest, SimResponse } from '../../types';
import type { OutsideCall, OutsideServer } from '../internet';

export const MAIL_HOST = 'mail.mysite.test';

export interface SmtpLine {
	from: 'client' | 'server';
	line: string;
}

/** One message as it sits in a mailbox: the envelope and the raw text (headers, blank line, body). */
export interface StoredMail {
	/** Postfix's queue id, e.g. `4F2A1C0D3B`. */
	id: string;
	envelopeFrom: string;
	envelopeTo: string;
	receivedAt: number;
	raw: string;
}

/** A stored message, parsed: what a mail client lists and shows. */
export interface ReadMail extends StoredMail, ParsedMail {
	subject: string;
	from: string;
	date: string;
	links: string[];
}

/** A message split into its headers (in order, unfolded) and its body. */
export interface ParsedMail {
	headers: Array<[string, string]>;
	body: string;
}

export function parseMail(raw: string): ParsedMail {
	const text = raw.replace(/\r\n/g, '\n');
	const split = text.indexOf('\n\n');
	const head = split === -1 ? text : text.slice(0, split);
	const body = split === -1 ? '' : text.slice(split + 2);
	const headers: Array<[string, string]> = [];
	for (const line of head.split('\n')) {
		if (/^[ \t]/.test(line) && headers.length > 0) {
			headers[headers.length - 1][1] += ' ' + line.trim();
			continue;
		}
		const colon = line.indexOf(':');
		if (colon > 0) headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
	}
	return { headers, body };
}

export function header(mail: ParsedMail, name: string): string | undefined {
	return mail.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** What the client sends for one message, as `smtplib.SMTP.sendmail(from, to, msg)` gets it. */
export interface Envelope {
	/** The client's name in EHLO (Django passes `DNS_NAME.get_fqdn()`). */
	clientName: string;
	from: string;
	to: readonly string[];
	/** The message with CRLF line ends, as `message.as_bytes(linesep="\r\n")`. */
	message: string;
}

export interface SmtpResult {
	transcript: SmtpLine[];
	/** Addresses the server accepted (a mailbox was written for each). */
	delivered: string[];
	queueId: string;
}

type Listener = () => void;

export class MailServer implements OutsideServer {
	readonly host = MAIL_HOST;
	readonly node = 'mail-server' as const;
	/** What EHLO announces; smtplib then adds `size=` to MAIL FROM. */
	readonly maxSize = 10_240_000;
	#boxes = new Map<string, StoredMail[]>();
	#listeners = new Set<Listener>();
	#queue = 0;

	/** Mailboxes by address, in the order their first mail arrived. */
	get addresses(): string[] {
		return [...this.#boxes.keys()];
	}

	mailbox(address: string): readonly StoredMail[] {
		return this.#boxes.get(address.toLowerCase()) ?? [];
	}

	/** A mailbox's messages, newest first, parsed for reading (the client's Inbox). */
	read(address: string): ReadMail[] {
		return [...this.mailbox(address)].reverse().map((mail) => {
			const parsed = parseMail(mail.raw);
			return {
				...mail,
				headers: parsed.headers,
				body: parsed.body,
				subject: header(parsed, 'Subject') ?? '(no subject)',
				from: header(parsed, 'From') ?? mail.envelopeFrom,
				date: header(parsed, 'Date') ?? '',
				links: linksIn(parsed.body)
			};
		});
	}

	/** Called after each delivery and reset (the Inbox re-reads then). */
	subscribe(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	reset(): void {
		this.#boxes.clear();
		this.#queue = 0;
		this.#notify();
	}

	#notify(): void {
		for (const listener of this.#listeners) listener();
	}

	#nextQueueId(now: number): string {
		this.#queue += 1;
		return ((now % 0xffffff) * 0x10 + this.#queue).toString(16).toUpperCase().padStart(10, '0');
	}

	/** One SMTP session: greeting, EHLO, MAIL, RCPT for each recipient, DATA, QUIT. */
	converse(envelope: Envelope, now: number): SmtpResult {
		const transcript: SmtpLine[] = [];
		const client = (line: string) => transcript.push({ from: 'client', line });
		const server = (line: string) => transcript.push({ from: 'server', line });
		const size = new TextEncoder().encode(envelope.message).length;
		server(`220 ${MAIL_HOST} ESMTP Postfix`);
		client(`ehlo ${envelope.clientName}`);
		server(`250-${MAIL_HOST}`);
		server('250-PIPELINING');
		server(`250-SIZE ${this.maxSize}`);
		server('250-8BITMIME');
		server('250 SMTPUTF8');
		client(`mail FROM:<${envelope.from}> size=${size}`);
		server('250 2.1.0 Ok');
		const accepted: string[] = [];
		for (const to of envelope.to) {
			client(`rcpt TO:<${to}>`);
			if (/^[^@\s]+@[^@\s]+$/.test(to)) {
				server('250 2.1.5 Ok');
				accepted.push(to);
			} else {
				server(`501 5.1.3 Bad recipient address syntax`);
			}
		}
		const queueId = this.#nextQueueId(now);
		if (accepted.length > 0) {
			client('data');
			server('354 End data with <CR><LF>.<CR><LF>');
			for (const line of envelope.message.replace(/\r\n$/, '').split('\r\n')) {
				// Dot-stuffing: a line that starts with "." is sent with one more.
				client(line.startsWith('.') ? '.' + line : line);
			}
			client('.');
			server(`250 2.0.0 Ok: queued as ${queueId}`);
			for (const to of accepted) this.#deliver(to, envelope, queueId, now);
		}
		client('quit');
		server('221 2.0.0 Bye');
		if (accepted.length > 0) this.#notify();
		return { transcript, delivered: accepted, queueId };
	}

	#deliver(to: string, envelope: Envelope, id: string, now: number): void {
		const key = to.toLowerCase();
		const box = this.#boxes.get(key) ?? [];
		box.push({
			id,
			envelopeFrom: envelope.from,
			envelopeTo: to,
			receivedAt: now,
			raw: envelope.message.replace(/\r\n/g, '\n')
		});
		this.#boxes.set(key, box);
	}

	/** A browser cannot speak SMTP; this server has no web pages. */
	handle(request: SimRequest, call: OutsideCall): SimResponse {
		const response: SimResponse = {
			status: 400,
			statusText: 'Bad Request',
			headers: [['Content-Type', 'text/plain; charset=utf-8']],
			body: `${MAIL_HOST} is a mail server: it speaks SMTP on port 25, not HTTP.\n`
		};
		if (call.caller === 'browser') {
			call.recorder.hop(
				'browser',
				this.node,
				'request',
				'in',
				`${request.method} to the mail server.`
			);
			call.recorder.hop(
				this.node,
				'browser',
				'response',
				'out',
				'The mail server speaks no HTTP: 400.'
			);
		}
		return response;
	}
}

/** Every link in a plain-text body (http and https), in order. */
export function linksIn(body: string): string[] {
	return [...body.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0].replace(/[.,;)]+$/, ''));
}
