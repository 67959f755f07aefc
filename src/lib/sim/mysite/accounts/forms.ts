/** accounts/forms.py: ProfileForm. */
import { User } from '../../django/auth';
import { ModelForm } from '../../django/forms';
import type { ModelClass } from '../../django/db';

export class ProfileForm extends ModelForm<User> {
	static override python_name = 'ProfileForm';
	static override model = User as unknown as ModelClass;
	static override fields = ['first_name', 'last_name', 'email'];
}
