/**
 * `django.contrib.auth.forms.PasswordResetForm` and `SetPasswordForm` (Django 5.2): the email
 * field, the users an address belongs to (active, with a usable password, the address equal
 * case-insensitively), and the two new-password fields with Django's mismatch message.
 */
import { User } from '../auth';
import { pyRepr, type Database } from '../db';
import { ValidationError } from './errors';
import { CharField, EmailField, PasswordField } from './fields';
import { Form, type FormOptions } from './forms';
import { EmailInput } from './widgets';

export const PASSWORD_MISMATCH = 'The two password fields didn’t match.';

export class PasswordResetForm extends Form {
	static override python_name = 'PasswordResetForm';

	constructor(options: FormOptions = {}) {
		const email = new EmailField({ label: 'Email', maxLength: 254 });
		email.widget = new EmailInput({ autocomplete: 'email', maxlength: '254' });
		super({ email }, options);
	}

	/** `get_users(email)`: who may be sent a link for this address. */
	get_users(db: Database, email: string): User[] {
		const wanted = email.normalize('NFKC').toLowerCase();
		return User.objects
			.using(db)
			.filter({ email__iexact: email, is_active: true })
			.withOrm(`User._default_manager.filter(email__iexact=${pyRepr(email)}, is_active=True)`)
			.list()
			.filter(
				(user) =>
					user.has_usable_password() &&
					String(user.email ?? '')
						.normalize('NFKC')
						.toLowerCase() === wanted
			);
	}
}

export class SetPasswordForm extends Form {
	static override python_name = 'SetPasswordForm';

	constructor(
		readonly user: User,
		options: FormOptions = {}
	) {
		const fields: Record<string, CharField> = {
			new_password1: new PasswordField({ label: 'New password' }),
			new_password2: new PasswordField({
				label: 'New password confirmation',
				helpText: 'Enter the same password as before, for verification.'
			})
		};
		for (const field of Object.values(fields)) field.widget.attrs.autocomplete = 'new-password';
		super(fields, options);
	}

	override clean(): Record<string, unknown> {
		const one = this.cleaned_data.new_password1;
		const two = this.cleaned_data.new_password2;
		if (one && two && one !== two) {
			this.add_error('new_password2', new ValidationError(PASSWORD_MISMATCH));
		}
		return this.cleaned_data;
	}

	/** Hashes the new password (PBKDF2, as every password here) and saves the user. */
	async save(): Promise<User> {
		await this.user.set_password(String(this.cleaned_data.new_password1));
		this.user.save({ orm: 'user.save()' });
		return this.user;
	}
}
