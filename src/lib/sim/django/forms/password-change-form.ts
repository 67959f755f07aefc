/**
 * `django.contrib.auth.forms.PasswordChangeForm` (Django 5.2): `SetPasswordForm` with the old
 * password first. The old password is checked with `check_password()`, which hashes (PBKDF2) and
 * so is asynchronous here: `validate()` runs the fields and `clean()`, then `clean_old_password()`.
 * The admin's `AdminPasswordChangeForm` is this form with `required_css_class = "required"`.
 */
import type { User } from '../auth';
import { ValidationError } from './errors';
import { PasswordField } from './fields';
import { Form, type FormOptions } from './forms';
import { PASSWORD_MISMATCH } from './password-reset-forms';

export const PASSWORD_INCORRECT =
	'Your old password was entered incorrectly. Please enter it again.';

export class PasswordChangeForm extends Form {
	static override python_name = 'PasswordChangeForm';

	constructor(
		readonly user: User,
		options: FormOptions = {}
	) {
		const old_password = new PasswordField({ label: 'Old password' });
		old_password.widget.attrs.autocomplete = 'current-password';
		old_password.widget.attrs.autofocus = true;
		const new_password1 = new PasswordField({ label: 'New password' });
		const new_password2 = new PasswordField({
			label: 'New password confirmation',
			helpText: 'Enter the same password as before, for verification.'
		});
		new_password1.widget.attrs.autocomplete = 'new-password';
		new_password2.widget.attrs.autocomplete = 'new-password';
		// field_order = ["old_password", "new_password1", "new_password2"]
		super({ old_password, new_password1, new_password2 }, options);
	}

	/** `SetPasswordMixin.validate_passwords()`; AUTH_PASSWORD_VALIDATORS is empty in mysite. */
	override clean(): Record<string, unknown> {
		const one = this.cleaned_data.new_password1;
		const two = this.cleaned_data.new_password2;
		if (one && two && one !== two) {
			this.add_error('new_password2', new ValidationError(PASSWORD_MISMATCH));
		}
		return this.cleaned_data;
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

	/** `SetPasswordForm.save()`: the new password hashed and stored. */
	async save(): Promise<User> {
		await this.user.set_password(String(this.cleaned_data.new_password1));
		this.user.save({ orm: 'user.save()' });
		return this.user;
	}
}
