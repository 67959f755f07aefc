/**
 * `django.contrib.auth.views.LoginView` and `LogoutView` (Django 5.2): the login form, logging
 * in with a new session key and a new CSRF secret, the `next` redirect (only to this site), and
 * logging out by POST only.
 */
import { login, logout, type SessionStore, type User } from '../auth';
import type { Database } from '../db';
import { AuthenticationForm } from '../forms/authentication-form';
import {
	HttpResponseRedirect,
	type HttpRequest,
	type HttpResponse,
	type ViewKwargs
} from '../http';
import { add_never_cache_headers } from '../cache';
import { rotate_token } from '../middleware/csrf-token';
import { resolve_url } from '../shortcuts';
import { TemplateView, View } from './base';
import { step } from './runtime';

/** `url_has_allowed_host_and_scheme`: a relative path, or an absolute URL on this host. */
export function url_has_allowed_host_and_scheme(url: string, host: string): boolean {
	const target = url.trim();
	if (!target || target.startsWith('///') || target.includes('\\')) return false;
	if (target.startsWith('//'))
		return target.slice(2).split('/')[0].toLowerCase() === host.toLowerCase();
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target);
	if (!scheme) return true;
	if (!['http', 'https'].includes(scheme[1].toLowerCase())) return false;
	try {
		return new URL(target).host.toLowerCase() === host.toLowerCase();
	} catch {
		return false;
	}
}

function dbOf(request: HttpRequest): Database {
	return (request.sim as unknown as { db: Database }).db;
}

export class LoginView extends TemplateView {
	static override python_name = 'LoginView';
	override template_name = 'registration/login.html';
	redirect_field_name = 'next';
	next_page: string | null = null;
	/** The form class (the admin passes its own, which lets only staff in). */
	authentication_form: typeof AuthenticationForm = AuthenticationForm;

	get_redirect_url(): string {
		const next =
			this.request.POST.get(this.redirect_field_name) ??
			this.request.GET.get(this.redirect_field_name, '');
		return next && url_has_allowed_host_and_scheme(next, this.request.get_host()) ? next : '';
	}

	get_success_url(): string {
		return (
			this.get_redirect_url() ||
			resolve_url(this.request, this.next_page ?? this.request.sim.settings.LOGIN_REDIRECT_URL)
		);
	}

	/** `@method_decorator(never_cache)` on `dispatch`: no answer of this view may be cached. */
	override async dispatch(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		return neverCache(await super.dispatch(request, kwargs));
	}

	override get(request: HttpRequest, _kwargs: ViewKwargs): HttpResponse {
		step(request, 'LoginView shows an empty AuthenticationForm.');
		const form = new this.authentication_form(dbOf(request));
		return this.render_to_response(this.loginContext(form));
	}

	private loginContext(form: AuthenticationForm): Record<string, unknown> {
		return this.get_context_data({
			form,
			[this.redirect_field_name]: this.get_redirect_url(),
			site_name: this.request.get_host()
		});
	}

	async post(request: HttpRequest, _kwargs: ViewKwargs): Promise<HttpResponse> {
		const form = new this.authentication_form(dbOf(request), { data: request.POST });
		step(request, 'LoginView checks the username and password with authenticate().');
		if (!(await form.authenticate((text) => step(request, text)))) {
			step(
				request,
				'Wrong username or password: the form is shown again with an error (status 200).'
			);
			return this.render_to_response(this.loginContext(form));
		}
		const user = form.get_user() as User;
		await login(request.session as unknown as SessionStore, user);
		request.user = user;
		rotate_token(request);
		const url = this.get_success_url();
		step(
			request,
			`Logged in as ${user.username}: a new session key and CSRF secret, then a redirect to ${url}.`
		);
		return new HttpResponseRedirect(url);
	}

	/** `ProcessFormView.put`: the same as POST (the form is bound to the empty `request.POST`). */
	put(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		return this.post(request, kwargs);
	}
}

export class LogoutView extends View {
	static override python_name = 'LogoutView';
	static override http_method_names: readonly string[] = ['post', 'options'];
	next_page: string | null = null;

	/** `@method_decorator(never_cache)` on `dispatch`: the 405 for GET is not cached either. */
	override async dispatch(request: HttpRequest, kwargs: ViewKwargs): Promise<HttpResponse> {
		return neverCache(await super.dispatch(request, kwargs));
	}

	post(request: HttpRequest, _kwargs: ViewKwargs): HttpResponse {
		request.user = logout(request.session as unknown as SessionStore);
		const target = this.next_page ?? request.sim.settings.LOGOUT_REDIRECT_URL ?? '/';
		const url = resolve_url(request, target);
		step(request, `Logged out: the session is flushed; redirects to ${url}.`);
		return new HttpResponseRedirect(url);
	}
}

function neverCache(response: HttpResponse): HttpResponse {
	add_never_cache_headers(response);
	return response;
}
