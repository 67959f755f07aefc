/**
 * `AdminSite.password_change` and `password_change_done` (Django 5.2): auth's
 * `PasswordChangeView` and `PasswordChangeDoneView` with the admin's context (`each_context`),
 * `AdminPasswordChangeForm`, and `admin:password_change_done` as where a change goes. The
 * templates are the admin's `registration/password_change_form.html` and
 * `password_change_done.html` (django/contrib/admin/templates/registration/).
 */
import { PasswordChangeForm } from '../../../forms/password-change-form';
import type { HttpRequest, ViewKwargs } from '../../../http';
import { PasswordChangeDoneView, PasswordChangeView } from '../../../views/password-change';
import { reverseOf } from '../../../views/runtime';
import type { AdminSite } from '../sites';

/** `django.contrib.admin.forms.AdminPasswordChangeForm`: `required_css_class = "required"`. */
export class AdminPasswordChangeForm extends PasswordChangeForm {
	static override python_name = 'AdminPasswordChangeForm';
	override readonly required_css_class = 'required';
}

export function passwordChangeView(site: AdminSite) {
	return (request: HttpRequest, kwargs: ViewKwargs) =>
		PasswordChangeView.as_view(
			{ viewName: 'django.contrib.auth.views.PasswordChangeView' },
			{
				form_class: AdminPasswordChangeForm,
				success_url: reverseOf(request)('admin:password_change_done'),
				extra_context: site.each_context(request)
			}
		)(request, kwargs);
}

export function passwordChangeDoneView(site: AdminSite) {
	return (request: HttpRequest, kwargs: ViewKwargs) =>
		PasswordChangeDoneView.as_view(
			{ viewName: 'django.contrib.auth.views.PasswordChangeDoneView' },
			{ extra_context: site.each_context(request) }
		)(request, kwargs);
}
