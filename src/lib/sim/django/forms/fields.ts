/**
 * Form fields (`django.forms.fields`): each turns the text a browser sent into a Python-side
 * value, or says why it cannot, with Django's own messages.
 */
import {
	MaxLengthValidator,
	MaxValueValidator,
	MinValueValidator,
	validateEmail,
	type Validator
} from '../db/validators';
import { ValidationError } from './errors';
import { pyInt } from '../py-int';
import {
	EmailInput,
	NumberInput,
	PasswordInput,
	Select,
	TextInput,
	type Attrs,
	type Choice,
	type Widget
} from './widgets';

export interface FormFieldOptions {
	required?: boolean;
	label?: string;
	initial?: unknown;
	helpText?: string;
	widget?: Widget;
	validators?: Validator[];
	/** Replace a message by its code, as Django's `error_messages={'required': ...}`. */
	errorMessages?: Record<string, string>;
}

const EMPTY = (value: unknown) => value === null || value === undefined || value === '';

export abstract class FormField {
	required: boolean;
	label?: string;
	initial: unknown;
	helpText: string;
	widget: Widget;
	validators: Validator[];
	errorMessages: Record<string, string>;

	constructor(options: FormFieldOptions, defaultWidget: Widget) {
		this.required = options.required ?? true;
		this.label = options.label;
		this.initial = options.initial;
		this.helpText = options.helpText ?? '';
		this.widget = options.widget ?? defaultWidget;
		this.validators = [...(options.validators ?? [])];
		this.errorMessages = { required: 'This field is required.', ...options.errorMessages };
		Object.assign(this.widget.attrs, this.widgetAttrs(this.widget));
	}

	/** Extra HTML attributes the field gives its widget (`maxlength`, `min`). */
	widgetAttrs(_widget: Widget): Attrs {
		return {};
	}

	/** Text from the browser → value; throws `ValidationError` for text it cannot read. */
	toPython(value: unknown): unknown {
		return value;
	}

	validate(value: unknown): void {
		if (this.required && EMPTY(value)) throw new ValidationError(this.errorMessages.required);
	}

	runValidators(value: unknown): void {
		if (EMPTY(value)) return;
		const messages = this.validators
			.map((check) => check(value))
			.filter((m): m is string => m !== null);
		if (messages.length) throw new ValidationError(messages);
	}

	/** `Field.clean()`: to_python, validate, run_validators. */
	clean(value: unknown): unknown {
		const python = this.toPython(value);
		this.validate(python);
		this.runValidators(python);
		return python;
	}
}

export interface CharFieldOptions extends FormFieldOptions {
	maxLength?: number;
	strip?: boolean;
}

export class CharField extends FormField {
	maxLength?: number;
	strip: boolean;

	constructor(options: CharFieldOptions = {}, defaultWidget: Widget = new TextInput()) {
		// widgetAttrs() runs in the base constructor and needs maxLength: set it on the widget after.
		super(options, defaultWidget);
		this.maxLength = options.maxLength;
		this.strip = options.strip ?? true;
		if (this.maxLength !== undefined) {
			this.validators.unshift(MaxLengthValidator(this.maxLength));
			if (!this.widget.isHidden) this.widget.attrs.maxlength = String(this.maxLength);
		}
	}

	override toPython(value: unknown): unknown {
		if (value === null || value === undefined) return '';
		const text = String(value);
		return this.strip ? text.trim() : text;
	}
}

export class EmailField extends CharField {
	constructor(options: CharFieldOptions = {}) {
		super({ maxLength: 254, ...options }, new EmailInput());
		this.validators.push(validateEmail);
	}
}

export interface IntegerFieldOptions extends FormFieldOptions {
	minValue?: number;
	maxValue?: number;
}

export class IntegerField extends FormField {
	constructor(options: IntegerFieldOptions = {}) {
		super(options, new NumberInput());
		this.errorMessages = { invalid: 'Enter a whole number.', ...this.errorMessages };
		if (options.minValue !== undefined) {
			this.validators.push(MinValueValidator(options.minValue));
			this.widget.attrs.min = String(options.minValue);
		}
		if (options.maxValue !== undefined) {
			this.validators.push(MaxValueValidator(options.maxValue));
			this.widget.attrs.max = String(options.maxValue);
		}
	}

	/** `int(re_decimal.sub('', str(value)))`: a trailing `.0` goes, then Python's `int()`. */
	override toPython(value: unknown): unknown {
		if (EMPTY(value)) return null;
		const number = pyInt(String(value).replace(/\.0*\s*$/u, ''));
		if (number === null) throw new ValidationError(this.errorMessages.invalid);
		return number;
	}
}

/** A password: never shown again in the page. */
export class PasswordField extends CharField {
	constructor(options: CharFieldOptions = {}) {
		super({ strip: false, ...options }, new PasswordInput());
	}
}

/** Where a `ModelChoiceField` finds its choices: the rows of a QuerySet. */
export interface ChoiceSource<T> {
	/** `(pk as text, str(instance))` for each row, in the QuerySet's order. */
	choices(): Choice[];
	/** The instance whose pk is `value`, or undefined. */
	lookup(value: string): T | undefined;
}

/** `ModelChoiceField`: a `<select>` of a model's rows; the cleaned value is the instance. */
export class ModelChoiceField<T = unknown> extends FormField {
	constructor(
		readonly source: ChoiceSource<T>,
		options: FormFieldOptions & { emptyLabel?: string } = {}
	) {
		super(options, new Select());
		this.errorMessages = {
			invalid_choice: 'Select a valid choice. That choice is not one of the available choices.',
			...this.errorMessages
		};
		this.emptyLabel = options.emptyLabel ?? '---------';
	}

	emptyLabel: string;

	/** Fresh choices each time the form is drawn, as a QuerySet is evaluated again. */
	loadChoices(): void {
		if (this.widget instanceof Select) {
			this.widget.choices = [['', this.emptyLabel], ...this.source.choices()];
		}
	}

	override toPython(value: unknown): unknown {
		if (EMPTY(value)) return null;
		const found = this.source.lookup(String(value));
		if (found === undefined) throw new ValidationError(this.errorMessages.invalid_choice);
		return found;
	}

	/** The instance's pk, for `value="…"` when the form is drawn again. */
	prepareValue(value: unknown): unknown {
		if (value && typeof value === 'object' && 'pk' in value) return (value as { pk: unknown }).pk;
		return value;
	}
}

/** `DecimalField`: a number as text; the model field's DecimalValidator checks its digits. */
export class DecimalField extends FormField {
	constructor(options: FormFieldOptions & { decimalPlaces?: number } = {}) {
		super(options, new NumberInput());
		this.errorMessages = { invalid: 'Enter a number.', ...this.errorMessages };
		if (options.decimalPlaces !== undefined) {
			this.widget.attrs.step = options.decimalPlaces
				? `0.${'0'.repeat(options.decimalPlaces - 1)}1`
				: '1';
		}
	}

	override toPython(value: unknown): unknown {
		if (EMPTY(value)) return null;
		const text = String(value).trim();
		if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text))
			throw new ValidationError(this.errorMessages.invalid);
		return text.replace(/^\+/, '');
	}
}

/** `TypedChoiceField`: a model field with `choices` becomes a `<select>` of them. */
export class TypedChoiceField extends FormField {
	constructor(
		readonly choices: readonly Choice[],
		options: FormFieldOptions = {}
	) {
		const select = new Select();
		select.choices = choices;
		super(options, select);
		this.errorMessages = {
			invalid_choice: 'Select a valid choice. %(value)s is not one of the available choices.',
			...this.errorMessages
		};
	}

	override validate(value: unknown): void {
		super.validate(value);
		if (!EMPTY(value) && !this.choices.some(([key]) => String(key) === String(value))) {
			throw new ValidationError(
				this.errorMessages.invalid_choice.replace('%(value)s', String(value))
			);
		}
	}

	override toPython(value: unknown): unknown {
		return EMPTY(value) ? '' : String(value);
	}
}
