/**
 * `django.forms`: forms, model forms, fields, widgets and errors, as a Django project imports
 * them (`from django import forms`).
 */
export { ErrorList, ValidationError } from './errors';
export {
	CharField,
	EmailField,
	FormField,
	IntegerField,
	ModelChoiceField,
	PasswordField,
	type ChoiceSource
} from './fields';
export {
	BoundField,
	Form,
	formClassName,
	NON_FIELD_ERRORS,
	type FormData,
	type FormOptions
} from './forms';
export { ModelForm, formfieldFor, type ModelFormOptions } from './models';
export * from './widgets';
