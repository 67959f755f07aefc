/**
 * `django.core.mail`: `send_mail()` and `EmailMessage`, sent through the backend named by
 * EMAIL_BACKEND (this simulation has the SMTP one).
 */
import { EmailBackend, type MailContext } from './smtp';
import { EmailMessage } from './message';

export { EmailMessage, formatdate, make_msgid, DEFAULT_FROM_EMAIL } from './message';
export { EmailBackend, SMTPException, type MailContext } from './smtp';

/** `get_connection()`: the backend of EMAIL_BACKEND. */
export function get_connection(sim: MailContext): EmailBackend {
	return new EmailBackend(sim);
}

/** `send_mail(subject, message, from_email, recipient_list)`: how many messages went (0 or 1). */
export function send_mail(
	sim: MailContext,
	subject: string,
	message: string,
	from_email: string | null,
	recipient_list: readonly string[]
): number {
	const mail = new EmailMessage(
		{ subject, body: message, from_email, to: recipient_list },
		sim.settings.DEFAULT_FROM_EMAIL
	);
	return get_connection(sim).send_messages([mail]);
}
