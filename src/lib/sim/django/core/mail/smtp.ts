/**
 * `django.core.mail.backends.smtp.EmailBackend`: opens a connection to EMAIL_HOST:EMAIL_PORT,
 * lets `smtplib` talk to the mail server, and closes it. The conversation is one hop from the
 * view to the mail server (with the transcript and the message) and one hop back.
 */
import type { TraceRecorder } from '../../../trace';
import type { Internet } from '../../../outside/internet';
import { MailServer } from '../../../outside/mail-server';
import type { Settings } from '../../settings';
import { DEFAULT_DNS_NAME, type EmailMessage } from './message';

/** What the backend needs from the running request (`request.sim`). */
export interface MailContext {
	recorder: TraceRecorder;
	settings: Settings;
	now(): Date;
	internet?: Internet;
}

/** `ConnectionRefusedError` / `smtplib.SMTPException`, as the view's Python sees it. */
export class SMTPException extends Error {
	override name = 'SMTPException';
}

/** Simulated time of one SMTP session on the local network (ms). */
export const SMTP_SESSION_MS = 40;

export class EmailBackend {
	constructor(readonly sim: MailContext) {}

	/** Sends each message in its own session; answers how many were sent. */
	send_messages(messages: readonly EmailMessage[]): number {
		const { settings, recorder, internet } = this.sim;
		const host = settings.EMAIL_HOST ?? 'localhost';
		const port = settings.EMAIL_PORT ?? 25;
		const server = internet?.server(host);
		if (!(server instanceof MailServer) || !internet?.isUp(host)) {
			throw new SMTPException(`[Errno 111] Connection refused (${host}:${port})`);
		}
		const dnsName = settings.EMAIL_DNS_NAME ?? DEFAULT_DNS_NAME;
		let sent = 0;
		for (const message of messages) {
			const recipients = message.recipients();
			if (recipients.length === 0) continue;
			const date = this.sim.now();
			const text = message.asText(date, dnsName);
			const result = server.converse(
				{
					clientName: dnsName,
					from: address(message.from_email),
					to: recipients.map(address),
					message: text
				},
				date.getTime()
			);
			const from = recorder.actor;
			recorder.hop(
				from,
				server.node,
				'request',
				'in',
				`The view hands "${message.subject}" to the mail server ${host}:${port} over SMTP, for ${recipients.join(', ')}.`,
				{ smtp: { transcript: result.transcript, message: text.replace(/\r\n/g, '\n') } },
				1
			);
			recorder.transit(SMTP_SESSION_MS / 2);
			recorder.hop(
				server.node,
				from,
				'response',
				'out',
				result.delivered.length > 0
					? `The mail server queues the message (${result.queueId}) and puts it in ${result.delivered.join(', ')}'s mailbox.`
					: 'The mail server refuses every recipient.',
				{ note: result.transcript.filter((l) => l.from === 'server').at(-2)?.line ?? '' },
				SMTP_SESSION_MS / 2
			);
			if (result.delivered.length > 0) sent += 1;
		}
		return sent;
	}
}

/** The bare address smtplib puts in MAIL FROM / RCPT TO: `mysite <a@b>` → `a@b`. */
export function address(value: string): string {
	return /<([^<>]+)>\s*$/.exec(value)?.[1] ?? value.trim();
}
