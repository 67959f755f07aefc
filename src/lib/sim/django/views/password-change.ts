/**
 * `django.contrib.auth.views.PasswordChangeView` and `PasswordChangeDoneView` (Django 5.2), and
 * `update_session_auth_hash()`. The view asks for the old password and the new one twice; when
 * they are good it saves the new hash, gives the session a new key and the new password's
 * session hash (so this browser stays logged in while every other session of the user, still
 * holding the old hash, is logged out), and redirects to the "done" page. Both views are
 * `login_required`; neither writes a LogEntry.
 */
import { HASH_SESSION_KEY, sessionAuthHash, type SessionStore, type User } from '../auth';
import { formClassName } from '../forms/forms';
import { PasswordChangeForm } from '../forms/password-change-form';
import {
	HttpResponseRedirect,
	type HttpRequest,
	type HttpResponse,
	type ViewKwargs
} from '../http';
import { TemplateView } from './base';
import { redirect_to_login } from './decorators';
import { reverseOf, step } from './runtime';

/** `update_session_auth_hash(request, user)`: keep this session valid after a password change. */
export async function update_session_auth_hash(request: HttpRequest, user: User): Promise<void> {
	const session = request.session as unknown as SessionStore;
	session.cycle_key();
	if (request.user.pk === user.pk) {
		session.set(HASH_SESSION_KEY, await sessionAuthHash(user.password));
	}
}

/** `PasswordContextMixin` + `@method_decorator(login_required)` on `dispatch`. */
class LoginRequiredPasswordView extends TemplateView {
	title = '';

	override dispatch(
		request: HttpRequest,
		kwargs: ViewKwargs
	): HttpResponse | Promise<HttpResponse> {
		if (!request.user.is_authenticated) {
			step(request, 'login_required: not logged in, so off to the login page.');
			return redirect_to_login(request, request.get_full_path());
		}
		return super.dispatch(request, kwargs);
	}

	override get_context_data(extra: Record<string, unknown> = {}): Record<string, unknown> {
		return super.get_context_data({ title: this.title, subtitle: null, ...extra });
	}
}

export class PasswordChangeView extends LoginRequiredPasswordView {
	static override python_name = 'PasswordChangeView';
	override template_name = 'registration/password_change_form.html';
	override title = 'Password change';
	/** `reverse_lazy("password_change_done")`; the admin passes its own. */
	success_url: string | null = null;
	form_class: typeof PasswordChangeForm = PasswordChangeForm;

	private form(): PasswordChangeForm {
		const bound = ['POST', 'PUT'].includes(this.request.method);
		return new this.form_class(this.request.user as User, {
			data: bound ? this.request.POST : undefined
		});
	}

	override get(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse {
		return this.render_to_response(this.get_context_data({ form: this.form() }));
	}

	async post(request: HttpRequest, _kwargs: ViewKwargs): Promise<HttpResponse> {
		const form = this.form();
		if (!(await form.validate())) {
			const failed = Object.keys(form.errors).join(', ');
			step(
				request,
				`${formClassName(form)} has errors (${failed}): the form is shown again, status 200.`
			);
			return this.render_to_response(this.get_context_data({ form }));
		}
		const user = await form.save();
		await update_session_auth_hash(request, user);
		const url = this.success_url ?? reverseOf(request)('password_change_done');
		step(
			request,
			`The new password is hashed and saved. update_session_auth_hash(): a new session key and the new password's hash in the session, so ${user.username} stays logged in here while other sessions are logged out. Redirects to ${url}.`
		);
		return new HttpResponseRedirect(url);
	}

	put(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		return this.post(request, kwargs);
	}
}

export class PasswordChangeDoneView extends LoginRequiredPasswordView {
	static override python_name = 'PasswordChangeDoneView';
	override template_name = 'registration/password_change_done.html';
	override title = 'Password change successful';

	override get(_request: HttpRequest, _kwargs: ViewKwargs): HttpResponse {
		return this.render_to_response(this.get_context_data());
	}
}
