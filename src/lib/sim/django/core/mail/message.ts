/**
 * `django.core.mail.EmailMessage` (Django 5.2, django/core/mail/message.py): the message
 * `message()` builds with Python's `email` package (the legacy MIME classes 5.2 still uses),
 * written out as `as_bytes(linesep="\r\n")` gives it to `smtplib`.
 *
 * For a plain-text message the headers come in this order: MIMEText's own `Content-Type`,
 * `MIME-Version` and `Content-Transfer-Encoding` (Django's utf-8 charset has no body encoding,
 * so the email package picks `7bit` for an ASCII body and `8bit` otherwise), then Django's
 * `Subject`, `From`, `To`, `Cc`, `Reply-To`, `Date` (`formatdate()`, UTC as `-0000`) and
 * `Message-ID` (`make_msgid(domain=DNS_NAME)`), then any extra headers.
 */
export interface MailSettings {
	EMAIL_BACKEND?: string;
	EMAIL_HOST?: string;
	EMAIL_PORT?: number;
	EMAIL_USE_TLS?: boolean;
	EMAIL_TIMEOUT?: number | null;
	DEFAULT_FROM_EMAIL?: string;
	/** `django.core.mail.utils.DNS_NAME`: the machine's fully qualified name (EHLO, Message-ID). */
	EMAIL_DNS_NAME?: string;
}

declare module '../../settings' {
	interface Settings extends MailSettings {
		/** Seconds a password reset link stays valid (Django's default: 3 days). */
		PASSWORD_RESET_TIMEOUT?: number;
	}
}

export const DEFAULT_FROM_EMAIL = 'webmaster@localhost';
/** What `socket.getfqdn()` answers on the machine that runs gunicorn, in this simulation. */
export const DEFAULT_DNS_NAME = 'app.mysite.test';

/** RFC 5322's limit; longer lines make Django switch the body to quoted-printable. */
const LINE_LENGTH_LIMIT = 998;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `email.utils.formatdate(localtime=False)`: e.g. `Sun, 06 Dec 2026 11:21:16 -0000`. */
export function formatdate(date: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return (
		`${WEEKDAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ` +
		`${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:` +
		`${two(date.getUTCSeconds())} -0000`
	);
}

/** `email.utils.make_msgid(domain=...)`: `<time×100.pid.random64@domain>`. */
export function make_msgid(date: Date, domain: string, pid = 4242): string {
	const random = crypto.getRandomValues(new Uint32Array(2));
	const bits = (BigInt(random[0]) << 32n) | BigInt(random[1]);
	return `<${Math.floor(date.getTime() / 10)}.${pid}.${bits}@${domain}>`;
}

function isAscii(text: string): boolean {
	return [...text].every((c) => c.charCodeAt(0) < 128);
}

/** `Header(value, "utf-8").encode()` for a non-ASCII header: one RFC 2047 encoded word. */
function encodeHeader(value: string): string {
	if (isAscii(value)) return value;
	const bytes = new TextEncoder().encode(value);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return `=?utf-8?b?${btoa(binary)}?=`;
}

export interface EmailMessageOptions {
	subject: string;
	body: string;
	from_email?: string | null;
	to?: readonly string[];
	cc?: readonly string[];
	reply_to?: readonly string[];
	headers?: Readonly<Record<string, string>>;
}

export class EmailMessage {
	subject: string;
	body: string;
	from_email: string;
	to: string[];
	cc: string[];
	reply_to: string[];
	extra_headers: Record<string, string>;

	constructor(options: EmailMessageOptions, defaultFrom = DEFAULT_FROM_EMAIL) {
		this.subject = options.subject;
		this.body = options.body;
		this.from_email = options.from_email || defaultFrom;
		this.to = [...(options.to ?? [])];
		this.cc = [...(options.cc ?? [])];
		this.reply_to = [...(options.reply_to ?? [])];
		this.extra_headers = { ...(options.headers ?? {}) };
	}

	/** Every envelope recipient: to and cc (bcc is not modelled). */
	recipients(): string[] {
		return [...this.to, ...this.cc].filter(Boolean);
	}

	/** The headers in the order Django and the email package write them. */
	headers(date: Date, dnsName = DEFAULT_DNS_NAME): Array<[string, string]> {
		const longLines = this.body
			.split(/\r?\n/)
			.some((line) => new TextEncoder().encode(line).length > LINE_LENGTH_LIMIT);
		const encoding = longLines ? 'quoted-printable' : isAscii(this.body) ? '7bit' : '8bit';
		const out: Array<[string, string]> = [
			['Content-Type', 'text/plain; charset="utf-8"'],
			['MIME-Version', '1.0'],
			['Content-Transfer-Encoding', encoding],
			['Subject', encodeHeader(this.subject)],
			['From', this.extra_headers.From ?? this.from_email]
		];
		const list = (name: string, values: string[]) => {
			if (values.length > 0) out.push([name, this.extra_headers[name] ?? values.join(', ')]);
		};
		list('To', this.to);
		list('Cc', this.cc);
		list('Reply-To', this.reply_to);
		const named = new Set(Object.keys(this.extra_headers).map((k) => k.toLowerCase()));
		if (!named.has('date')) out.push(['Date', formatdate(date)]);
		if (!named.has('message-id')) out.push(['Message-ID', make_msgid(date, dnsName)]);
		for (const [name, value] of Object.entries(this.extra_headers)) {
			if (!['from', 'to', 'cc', 'reply-to'].includes(name.toLowerCase())) out.push([name, value]);
		}
		return out;
	}

	/** `message().as_bytes(linesep="\r\n")` as text: headers, a blank line, the body. */
	asText(date: Date, dnsName = DEFAULT_DNS_NAME): string {
		const head = this.headers(date, dnsName)
			.map(([name, value]) => `${name}: ${value}`)
			.join('\r\n');
		const body = this.body.replace(/\r?\n/g, '\r\n');
		return `${head}\r\n\r\n${body}${body.endsWith('\r\n') || body === '' ? '' : '\r\n'}`;
	}
}
