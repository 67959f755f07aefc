/**
 * `django.contrib.auth.forms.PasswordChangeForm` (Django 5.2): `SetPasswordForm` (the new password
 * twice, their mismatch, `save()`) with the old password first. The old password is checked with
 * `check_password()`, which hashes (PBKDF2) and so is asynchronous here: `validate()` runs the
 * fields and `clean()`, then `clean_old_password()`. The admin's `AdminPasswordChangeForm` is
 * this form with `required_css_class = "required"`.
 */
import type { User } from '../auth';
import { ValidationError } from './errors';
import { PasswordField } from './fields';
import type { FormOptions } from './forms';
import { SetPasswordForm } from './password-reset-forms';

export const PASSWORD_INCORRECT =
	'Your old password was entered incorrectly. Please enter it again.';

export class PasswordChangeForm extends SetPasswordForm {
	static override python_name = 'PasswordChangeForm';

	constructor(user: User, options: FormOptions = {}) {
		super(user, options);
		const old_password = new PasswordField({ label: 'Old password' });
		old_password.widget.attrs.autocomplete = 'current-password';
		old_password.widget.attrs.autofocus = true;
		// field_order = ["old_password", "new_password1", "new_password2"]
		const rest = { ...this.fields };
		for (const name of Object.keys(rest)) delete this.fields[name];
		Object.assign(this.fields, { old_password }, rest);
		Object.defineProperty(this, 'old_password', { get: () => this.field('old_password') });
	}

	/** `clean_old_password()`: the typed old password must be the user's. */
	async clean_old_password(): Promise<void> {
		const old = this.cleaned_data.old_password;
		if (typeof old !== 'string' || this.errors.old_password?.length) return;
		if (!(await this.user.check_password(old))) {
			delete this.cleaned_data.old_password;
			this.add_error('old_password', new ValidationError(PASSWORD_INCORRECT));
		}
	}

	/** `is_valid()`, with the asynchronous check of the old password. */
	async validate(): Promise<boolean> {
		if (!this.is_bound) return false;
		void this.errors;
		await this.clean_old_password();
		return this.is_valid();
	}
}
