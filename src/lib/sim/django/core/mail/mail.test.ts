import { describe, expect, it } from 'vitest';
import { TraceRecorder } from '../../../trace';
import { Internet } from '../../../outside/internet';
import { MailServer } from '../../../outside/mail-server';
import { makeSettings } from '../../settings';
import { EmailMessage, formatdate, send_mail, SMTPException } from './index';

const date = new Date(Date.UTC(2026, 11, 6, 9, 5, 3));

describe('EmailMessage', () => {
	it('writes the headers in the order Django 5.2 and the email package do', () => {
		const text = new EmailMessage({
			subject: 'Hi',
			body: 'Plain ASCII.\n',
			from_email: 'a@x.test',
			to: ['b@x.test', 'c@x.test'],
			cc: ['d@x.test']
		}).asText(date, 'app.x.test');
		const [head, body] = text.split('\r\n\r\n');
		expect(head.split('\r\n').map((l) => l.split(':')[0])).toEqual([
			'Content-Type',
			'MIME-Version',
			'Content-Transfer-Encoding',
			'Subject',
			'From',
			'To',
			'Cc',
			'Date',
			'Message-ID'
		]);
		expect(head).toContain('Content-Transfer-Encoding: 7bit');
		expect(head).toContain('To: b@x.test, c@x.test');
		expect(head).toContain('Date: Sun, 06 Dec 2026 09:05:03 -0000');
		expect(head).toMatch(/Message-ID: <\d+\.\d+\.\d+@app\.x\.test>/);
		expect(body).toBe('Plain ASCII.\r\n');
	});

	it('picks 8bit for a UTF-8 body and encodes a non-ASCII subject', () => {
		const text = new EmailMessage({ subject: 'Café', body: '2 × €5', to: ['b@x.test'] }).asText(
			date
		);
		expect(text).toContain('Content-Transfer-Encoding: 8bit');
		expect(text).toContain('Subject: =?utf-8?b?Q2Fmw6k=?=');
		expect(text).toContain('From: webmaster@localhost');
	});

	it('formats dates as email.utils.formatdate does', () => {
		expect(formatdate(new Date(Date.UTC(2001, 0, 1, 0, 0, 0)))).toBe(
			'Mon, 01 Jan 2001 00:00:00 -0000'
		);
	});
});

describe('send_mail through the SMTP backend', () => {
	function sim(up = true) {
		const mail = new MailServer();
		const internet = new Internet([mail]);
		if (!up) internet.setUp(mail.host, false);
		const settings = makeSettings({
			EMAIL_HOST: mail.host,
			EMAIL_PORT: 25,
			DEFAULT_FROM_EMAIL: 'mysite <noreply@mysite.test>'
		});
		const recorder = new TraceRecorder();
		return { mail, recorder, ctx: { recorder, settings, internet, now: () => date } };
	}

	it('records one hop to the mail server with the transcript, one back, and delivers', () => {
		const { mail, recorder, ctx } = sim();
		expect(send_mail(ctx, 'Hello', '.hidden line\nok\n', null, ['bob@mysite.test'])).toBe(1);
		const [out, back] = recorder.hops;
		expect([out.from, out.to, back.from, back.to]).toEqual([
			'view',
			'mail-server',
			'mail-server',
			'view'
		]);
		const lines = out.detail.smtp!.transcript;
		// size= is the message's length in bytes, as sent (CRLF line ends).
		const sent = mail.mailbox('bob@mysite.test')[0].raw.replace(/\n/g, '\r\n');
		expect(lines.map((l) => l.line)).toContain(
			`mail FROM:<noreply@mysite.test> size=${new TextEncoder().encode(sent).length}`
		);
		// Dot-stuffing: a body line that starts with "." goes out with one more.
		expect(lines.map((l) => l.line)).toContain('..hidden line');
		expect(mail.mailbox('bob@mysite.test')[0].raw).toContain('\n.hidden line\n');
		expect(mail.read('bob@mysite.test')[0].subject).toBe('Hello');
	});

	it('raises when the mail server cannot be reached', () => {
		const { ctx } = sim(false);
		expect(() => send_mail(ctx, 'Hello', 'x', null, ['bob@mysite.test'])).toThrow(SMTPException);
	});
});
