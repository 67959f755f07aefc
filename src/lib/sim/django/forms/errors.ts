/**
 * Form errors as Django keeps and prints them: `ValidationError` (raised by a field or a form's
 * `clean()`), and `ErrorList`, which prints as `<ul class="errorlist">` with the
 * `id="id_<field>_error"` that Django 5.2 adds, so the input can point at it with
 * `aria-describedby`. Form-wide errors get the extra class `nonfield`.
 *
 * An `ErrorList` is a `SafeString` (its HTML) that also iterates over its messages and has their
 * count as `length`, so `{{ field.errors }}`, `{% for error in field.errors %}` and
 * `{% if form.errors %}` all behave as in Django.
 */
import { escapeHtml, SafeString } from './html';

export class ValidationError extends Error {
	static readonly pythonName = 'django.core.exceptions.ValidationError';
	readonly messages: string[];
	override name = 'ValidationError';

	constructor(messages: string | string[]) {
		const list = Array.isArray(messages) ? messages : [messages];
		super(list.join(' '));
		this.messages = list;
	}
}

export interface ErrorListOptions {
	/** `errorlist`, or `errorlist nonfield` for the form's own errors. */
	errorClass?: string;
	/** The field's `auto_id` (`id_title`), when the list belongs to a field. */
	fieldId?: string;
}

export class ErrorList extends SafeString {
	readonly messages: readonly string[];
	readonly errorClass: string;
	readonly fieldId?: string;

	constructor(messages: readonly string[] = [], options: ErrorListOptions = {}) {
		const errorClass = options.errorClass ?? 'errorlist';
		super(renderUl(messages, errorClass, options.fieldId));
		this.messages = [...messages];
		this.errorClass = errorClass;
		this.fieldId = options.fieldId;
	}

	override get length(): number {
		return this.messages.length;
	}

	[Symbol.iterator](): Iterator<string> {
		return this.messages[Symbol.iterator]();
	}

	/** A new list with more messages (lists are immutable, like the strings they print as). */
	with(more: readonly string[]): ErrorList {
		return new ErrorList([...this.messages, ...more], {
			errorClass: this.errorClass,
			fieldId: this.fieldId
		});
	}

	as_ul(): SafeString {
		return new SafeString(this.value);
	}

	as_text(): string {
		return this.messages.map((message) => `* ${message}`).join('\n');
	}

	/** In a trace's context: just the messages. */
	toJSON(): string[] {
		return [...this.messages];
	}
}

function renderUl(messages: readonly string[], errorClass: string, fieldId?: string): string {
	if (messages.length === 0) return '';
	const id = fieldId ? ` id="${escapeHtml(fieldId)}_error"` : '';
	const items = messages.map((message) => `<li>${escapeHtml(message)}</li>`).join('');
	return `<ul class="${errorClass}"${id}>${items}</ul>`;
}
