/**
 * `django.contrib.admin.forms.AdminAuthenticationForm`: the login form, but only staff may
 * pass. A wrong password and a user who is not staff get the same message (Django 5.2's words),
 * so the page does not tell which accounts are staff. Its `required_css_class = "required"`
 * marks both labels (`<label for="id_username" class="required">`).
 */
import type { User } from '../../auth/models';
import { AuthenticationForm } from '../../forms/authentication-form';
import { CharField, TypedChoiceField } from '../../forms/fields';
import { Form } from '../../forms/forms';
import { HiddenInput } from '../../forms/widgets';

export const ADMIN_INVALID_LOGIN =
	'Please enter the correct username and password for a staff account. Note that both fields may be case-sensitive.';

export class AdminAuthenticationForm extends AuthenticationForm {
	static override python_name = 'AdminAuthenticationForm';
	override invalid_login = ADMIN_INVALID_LOGIN;
	override readonly required_css_class = 'required';

	override confirm_login_allowed(user: User): boolean {
		if (user.is_staff) return true;
		this.add_error(null, ADMIN_INVALID_LOGIN);
		return false;
	}
}

/**
 * `helpers.ActionForm`: the changelist's "Action:" select and the hidden `select_across`,
 * rendered without ids (`auto_id=None`), one field after the other as actions.html walks them.
 */
export class ActionForm extends Form {
	static override python_name = 'ActionForm';
	constructor(choices: ReadonlyArray<readonly [string, string]>) {
		super(
			{
				action: new TypedChoiceField([['', '---------'], ...choices], { label: 'Action:' }),
				select_across: new CharField({
					label: '',
					required: false,
					initial: '0',
					widget: new HiddenInput({ class: 'select-across' })
				})
			},
			{ auto_id: false }
		);
	}

	[Symbol.iterator]() {
		return this.bound_fields[Symbol.iterator]();
	}
}
