/**
 * `django.contrib.auth.forms.AuthenticationForm`: username and password, checked with
 * `authenticate()`. Checking a password hashes it (PBKDF2 through WebCrypto), which is
 * asynchronous here, so the login view calls `await form.authenticate()` after `is_valid()`
 * has cleaned the two fields; the error for a wrong pair is Django's, word for word.
 */
import { authenticate, type User } from '../auth';
import type { Database } from '../db';
import { CharField, PasswordField } from './fields';
import { Form, type FormOptions } from './forms';
import { TextInput } from './widgets';

export const INVALID_LOGIN =
	'Please enter a correct username and password. Note that both fields may be case-sensitive.';
export const INACTIVE = 'This account is inactive.';

export class AuthenticationForm extends Form {
	static override python_name = 'AuthenticationForm';
	#user: User | null = null;
	#checked = false;
	/** `error_messages["invalid_login"]`: the admin's form words it for staff accounts. */
	invalid_login = INVALID_LOGIN;

	constructor(
		readonly db: Database,
		options: FormOptions = {}
	) {
		super(
			{
				username: new CharField(
					{ maxLength: 150, label: 'Username' },
					new TextInput({ autofocus: true, autocapitalize: 'none', autocomplete: 'username' })
				),
				password: new PasswordField({ label: 'Password' })
			},
			options
		);
		this.fields.password.widget.attrs.autocomplete = 'current-password';
	}

	/**
	 * Runs `authenticate()` once the fields are clean; adds Django's error when it fails.
	 * `narrate` hears how the password was checked.
	 */
	async authenticate(narrate?: (text: string) => void): Promise<boolean> {
		if (!this.is_valid()) return false;
		if (!this.#checked) {
			this.#checked = true;
			const username = String(this.cleaned_data.username);
			const password = String(this.cleaned_data.password);
			this.#user = await authenticate(this.db, username, password, narrate);
			if (!this.#user) this.add_error(null, this.invalid_login);
			else if (!this.confirm_login_allowed(this.#user)) this.#user = null;
		}
		return this.is_valid();
	}

	/** `confirm_login_allowed(user)`: may this (active, authenticated) user log in here? */
	confirm_login_allowed(_user: User): boolean {
		return true;
	}

	get_user(): User | null {
		return this.#user;
	}
}
