/**
 * Django 5.2's password reset views (django/contrib/auth/views.py), as
 * `django.contrib.auth.urls` wires them:
 *
 * - `PasswordResetView`: the email form; for each active user with that address (and a usable
 *   password) `PasswordResetForm.save()` renders `registration/password_reset_subject.txt` and
 *   `registration/password_reset_email.html` and sends the mail; then, whoever asked, a redirect
 *   to the "done" page, so the page never tells who has an account.
 * - `PasswordResetDoneView`: "we've emailed you".
 * - `PasswordResetConfirmView`: checks the uid and token of the link; a good token goes into the
 *   session (`_password_reset_token`) and the browser is redirected to `.../set-password/`, so the
 *   token leaves the address bar (and the Referer of anything the page loads); that URL checks
 *   the session's token again, shows `SetPasswordForm`, and saves the new password. A bad,
 *   expired or used link (the hash covers the password) shows "Password reset unsuccessful".
 * - `PasswordResetCompleteView`: "you may go ahead and log in now".
 */
import type { User as UserType } from '../auth';
import { User } from '../auth';
import {
	INTERNAL_RESET_SESSION_TOKEN,
	PASSWORD_RESET_TIMEOUT,
	PasswordResetTokenGenerator,
	urlsafe_base64_decode,
	urlsafe_base64_encode
} from '../auth/password-reset-tokens';
import { add_never_cache_headers } from '../cache';
import { EmailMessage, get_connection } from '../core/mail';
import type { Database } from '../db';
import { PasswordResetForm, SetPasswordForm } from '../forms/password-reset-forms';
import {
	HttpResponseRedirect,
	type HttpRequest,
	type HttpResponse,
	type ViewKwargs
} from '../http';
import { renderToString, resolve_url } from '../shortcuts';
import { TemplateView } from './base';
import { reverseOf, step } from './runtime';

type SessionLike = {
	get(name: string, fallback?: unknown): unknown;
	set(name: string, value: unknown): void;
	delete(name: string): void;
};

function dbOf(request: HttpRequest): Database {
	return (request.sim as unknown as { db: Database }).db;
}

function sessionOf(request: HttpRequest): SessionLike {
	return request.session as unknown as SessionLike;
}

/** `default_token_generator`, with this site's SECRET_KEY and PASSWORD_RESET_TIMEOUT. */
export function tokenGenerator(request: HttpRequest): PasswordResetTokenGenerator {
	const settings = request.sim.settings;
	return new PasswordResetTokenGenerator(
		settings.SECRET_KEY,
		settings.PASSWORD_RESET_TIMEOUT ?? PASSWORD_RESET_TIMEOUT
	);
}

/** `PasswordContextMixin`: `title` and `subtitle` in the context. */
class PasswordContextView extends TemplateView {
	title = '';

	override get_context_data(extra: Record<string, unknown> = {}): Record<string, unknown> {
		return super.get_context_data({ title: this.title, subtitle: null, ...extra });
	}
}

export class PasswordResetView extends PasswordContextView {
	static override python_name = 'PasswordResetView';
	override template_name = 'registration/password_reset_form.html';
	override title = 'Password reset';
	email_template_name = 'registration/password_reset_email.html';
	subject_template_name = 'registration/password_reset_subject.txt';

	override get_context_data(extra: Record<string, unknown> = {}): Record<string, unknown> {
		return super.get_context_data({ form: new PasswordResetForm(), ...extra });
	}

	override get(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse {
		return this.render_to_response(this.get_context_data());
	}

	async post(request: HttpRequest, _kwargs: ViewKwargs): Promise<HttpResponse> {
		const form = new PasswordResetForm({ data: request.POST });
		if (!form.is_valid()) {
			step(request, 'PasswordResetForm has errors: the form is shown again, status 200.');
			return this.render_to_response(this.get_context_data({ form }));
		}
		const email = String(form.cleaned_data.email);
		const users = form.get_users(dbOf(request), email);
		step(
			request,
			users.length === 0
				? `No active user has the address ${email}: no mail is sent, and the page says the same as when one does.`
				: `PasswordResetForm.save(): a reset link for ${users.map((u) => u.username).join(', ')}, made with PasswordResetTokenGenerator.`
		);
		for (const user of users) await this.sendLink(request, user);
		const url = reverseOf(request)('password_reset_done');
		step(request, `Redirects to ${url}, whether or not a mail went out.`);
		return new HttpResponseRedirect(url);
	}

	private async sendLink(request: HttpRequest, user: UserType): Promise<void> {
		const domain = request.get_host();
		const context = {
			email: user.email,
			domain,
			site_name: domain,
			uid: urlsafe_base64_encode(String(user.pk)),
			user,
			token: await tokenGenerator(request).make_token(user, request.sim.now()),
			protocol: request.is_secure() ? 'https' : 'http'
		};
		const subject = renderToString(request, this.subject_template_name, context)
			.split(/\r\n|\r|\n/)
			.join('');
		const body = renderToString(request, this.email_template_name, context);
		const message = new EmailMessage(
			{ subject, body, from_email: null, to: [String(user.email)] },
			request.sim.settings.DEFAULT_FROM_EMAIL
		);
		try {
			get_connection(request.sim).send_messages([message]);
		} catch (error) {
			// Django 5.2 logs the failure and carries on: the page must not tell who has an account.
			step(
				request,
				`Failed to send password reset email to ${user.pk}: logged, and the page carries on.`,
				String(error)
			);
		}
	}
}

export class PasswordResetDoneView extends PasswordContextView {
	static override python_name = 'PasswordResetDoneView';
	override template_name = 'registration/password_reset_done.html';
	override title = 'Password reset sent';
}

export class PasswordResetConfirmView extends PasswordContextView {
	static override python_name = 'PasswordResetConfirmView';
	override template_name = 'registration/password_reset_confirm.html';
	override title = 'Enter new password';
	reset_url_token = 'set-password';
	validlink = false;
	user: UserType | null = null;

	get_user(request: HttpRequest, uidb64: string): UserType | null {
		const uid = urlsafe_base64_decode(uidb64);
		if (uid === null || !/^\d+$/.test(uid)) return null;
		try {
			return User.objects.using(dbOf(request)).get({ pk: Number(uid) });
		} catch (error) {
			if (error instanceof User.DoesNotExist) return null;
			throw error;
		}
	}

	/** `@method_decorator(sensitive_post_parameters())`, `@method_decorator(never_cache)`. */
	override async dispatch(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		const response = await this.check(request, kwargs);
		add_never_cache_headers(response);
		return response;
	}

	private async check(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		const token = String(kwargs.token);
		this.validlink = false;
		this.user = this.get_user(request, String(kwargs.uidb64));
		const generator = tokenGenerator(request);
		const now = request.sim.now();
		if (this.user) {
			if (token === this.reset_url_token) {
				const sessionToken = sessionOf(request).get(INTERNAL_RESET_SESSION_TOKEN);
				if (await generator.check_token(this.user, sessionToken, now)) {
					step(
						request,
						`The token kept in the session still matches ${this.user.username} as they are now: the new-password form.`
					);
					this.validlink = true;
					return super.dispatch(request, kwargs);
				}
			} else if (await generator.check_token(this.user, token, now)) {
				sessionOf(request).set(INTERNAL_RESET_SESSION_TOKEN, token);
				const url = request.path.replace(token, this.reset_url_token);
				step(
					request,
					`The token is good: it goes into the session (${INTERNAL_RESET_SESSION_TOKEN}) and the browser is sent to ${url}, so the token leaves the address bar.`
				);
				return new HttpResponseRedirect(url);
			}
		}
		step(
			request,
			this.user
				? 'The token does not match this user as they are now (the password or last login changed) or it is older than PASSWORD_RESET_TIMEOUT: "Password reset unsuccessful".'
				: 'No user for this uid: "Password reset unsuccessful".'
		);
		return this.render_to_response(this.get_context_data());
	}

	override get_context_data(extra: Record<string, unknown> = {}): Record<string, unknown> {
		if (!this.validlink) {
			return super.get_context_data({
				form: null,
				title: 'Password reset unsuccessful',
				validlink: false,
				...extra
			});
		}
		return super.get_context_data({
			form: new SetPasswordForm(this.user as UserType),
			validlink: true,
			...extra
		});
	}

	override get(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse {
		return this.render_to_response(this.get_context_data());
	}

	async post(request: HttpRequest, _kwargs: ViewKwargs): Promise<HttpResponse> {
		const form = new SetPasswordForm(this.user as UserType, { data: request.POST });
		if (!form.is_valid()) {
			step(request, 'SetPasswordForm has errors: the form is shown again, status 200.');
			return this.render_to_response(this.get_context_data({ form }));
		}
		await form.save();
		sessionOf(request).delete(INTERNAL_RESET_SESSION_TOKEN);
		const url = reverseOf(request)('password_reset_complete');
		step(
			request,
			`SetPasswordForm.save(): the new password is hashed (pbkdf2_sha256) and stored; the token leaves the session, and the old link stops working because its hash covered the old password. Redirects to ${url}.`
		);
		return new HttpResponseRedirect(url);
	}
}

export class PasswordResetCompleteView extends PasswordContextView {
	static override python_name = 'PasswordResetCompleteView';
	override template_name = 'registration/password_reset_complete.html';
	override title = 'Password reset complete';

	override get_context_data(extra: Record<string, unknown> = {}): Record<string, unknown> {
		return super.get_context_data({
			login_url: resolve_url(this.request, this.request.sim.settings.LOGIN_URL),
			...extra
		});
	}
}
