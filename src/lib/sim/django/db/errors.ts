/**
 * The exceptions Django's ORM raises, with Django's own messages, so a student who later reads
 * a real traceback recognises them.
 */

/** Key Django uses for errors that belong to no single field (`NON_FIELD_ERRORS`). */
export const NON_FIELD_ERRORS = '__all__';

/** `Model.DoesNotExist`: e.g. "Post matching query does not exist." */
export class ObjectDoesNotExist extends Error {
	/** As in Django: a template that meets this error renders the variable as ''. */
	readonly silent_variable_failure = true;
	constructor(objectName: string, message = `${objectName} matching query does not exist.`) {
		super(message);
		this.name = 'DoesNotExist';
	}
}

/** `Model.MultipleObjectsReturned`: e.g. "get() returned more than one Post -- it returned 2!" */
export class MultipleObjectsReturned extends Error {
	constructor(objectName: string, found: number, limit: number) {
		const count = found < limit ? String(found) : `more than ${limit - 1}`;
		super(`get() returned more than one ${objectName} -- it returned ${count}!`);
		this.name = 'MultipleObjectsReturned';
	}
}

/** `django.core.exceptions.ValidationError` as `full_clean()` raises it: messages per field. */
export class ValidationError extends Error {
	readonly messageDict: Readonly<Record<string, readonly string[]>>;
	constructor(messageDict: Record<string, string[]>) {
		const first = Object.entries(messageDict)
			.map(([field, messages]) => `${field}: ${messages.join(' ')}`)
			.join('; ');
		super(first);
		this.name = 'ValidationError';
		this.messageDict = messageDict;
	}
	/** Django's `error.message_dict`. */
	get message_dict(): Readonly<Record<string, readonly string[]>> {
		return this.messageDict;
	}
}

/** `django.db.utils.IntegrityError`, wrapping SQLite's constraint message. */
export class IntegrityError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'IntegrityError';
	}
}

/** `django.core.exceptions.FieldError`: a lookup or field name the model does not have. */
export class FieldError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FieldError';
	}
}
